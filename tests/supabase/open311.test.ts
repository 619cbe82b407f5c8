import { expect, it } from 'vitest';
import { asRole, describeEachEngine } from '../support/engines';
import { placeUnder } from '../support/places';

const REQUEST_FIELDS = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description',
  'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address',
  'lat', 'long', 'media_url'];
const CATEGORY = 'E-0502';

describeEachEngine('Open311 GeoReport v2', (engine) => {
  const requests = (args: Record<string, unknown> = {}) => {
    const names = Object.keys(args);
    return asRole(engine(), 'public', `select * from open311_requests(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')})`, Object.values(args));
  };

  it('lists every active category as a realtime service without metadata', async () => {
    const services = await asRole(engine(), 'public', 'select * from open311_services()');
    const [{ n }] = await engine().sql<{ n: number }>('select count(*)::int as n from case_categories where active');
    expect(services).toHaveLength(n);
    for (const s of services) {
      expect(Object.keys(s)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
      expect(s).toMatchObject({
        service_code: expect.stringMatching(/^[A-Z0-9-]+$/), service_name: expect.any(String), description: expect.any(String),
        metadata: false, type: 'realtime', keywords: expect.any(String), group: expect.stringMatching(/^(component|event)$/),
      });
    }
    expect(services.find((s) => s.service_code === 'E-0601')).toMatchObject({ service_name: '高空抛物', group: 'event' });
  });

  it('gives a request every GeoReport field with its type, masks phone numbers and leaves out everything personal', async () => {
    const place = await placeUnder(engine(), 'KJR-G01');
    const reported = await engine().as('public').reportCase({
      categoryCode: CATEGORY, lon: place.lon, lat: place.lat,
      description: '店铺占道经营，请联系我 13912345678', address: '控江路1号 电话021-65432100', contact: '13900001111',
    });
    const rows = await requests({ p_service_code: CATEGORY, p_status: 'open' });
    const request = rows.find((r) => r.service_request_id === reported.caseNo);
    expect(request).toBeDefined();
    expect(Object.keys(request!)).toEqual(REQUEST_FIELDS);
    expect(request).toMatchObject({
      status: 'open', status_notes: expect.stringMatching(/^reported/), service_name: '占道经营', service_code: CATEGORY,
      description: '店铺占道经营，请联系我 139****5678', address: '控江路1号 电话021-********',
      agency_responsible: '控江路街道', service_notice: expect.any(String), media_url: null,
      requested_datetime: expect.any(Date), updated_datetime: expect.any(Date), expected_datetime: new Date(reported.dueAt),
    });
    expect(request!.lat).toBeCloseTo(place.lat, 6);
    expect(request!.long).toBeCloseTo(place.lon, 6);
    const text = JSON.stringify(request);
    for (const secret of [reported.trackingCode, '13900001111', '13912345678', '65432100']) expect(text).not.toContain(secret);
  });

  it('filters by status, service code and dates, newest first and at most p_limit', async () => {
    const closed = await requests({ p_status: 'closed', p_limit: 50 });
    expect(closed.length).toBe(50);
    expect(new Set(closed.map((r) => r.status))).toEqual(new Set(['closed']));
    const times = closed.map((r) => (r.requested_datetime as Date).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const both = await requests({ p_status: 'open, closed', p_service_code: 'E-0501,E-0502', p_limit: 1000 });
    expect(new Set(both.map((r) => r.service_code))).toEqual(new Set(['E-0501', 'E-0502']));
    expect(both.length).toBeLessThanOrEqual(1000);
    expect(await requests({ p_start_date: '2020-01-01', p_end_date: '2020-02-01' })).toEqual([]);
    const [{ n }] = await engine().sql<{ n: number }>(`select count(*)::int as n from cases where reported_at >= now() - interval '90 days'`);
    expect((await requests()).length).toBe(Math.min(n, 1000));
  });

  it('refuses unknown statuses and service codes, a backwards period and a limit outside 1 to 1000', async () => {
    for (const args of [{ p_status: 'pending' }, { p_service_code: 'E-0502,X-1' }, { p_start_date: '2026-02-01', p_end_date: '2026-01-01' },
      { p_limit: 0 }, { p_limit: 1001 }, { p_end_date: 'infinity' }]) {
      await expect(requests(args), JSON.stringify(args)).rejects.toMatchObject({ code: '22023' });
    }
  });
});
