import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { DataError } from '../../src/lib/data/rpc';
import { describeEachEngine } from '../support/engines';
import { count, firstCategory, placeUnder } from '../support/places';

describeEachEngine('report limits', (engine) => {
  async function reportArgs() {
    const place = await placeUnder(engine(), 'PLR-G02');
    return { categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: '限流 limit' };
  }

  /** A public report as PostgREST would run it for a request with these headers. */
  async function reportWithHeaders(headers: Record<string, string>) {
    const { categoryCode, lon, lat } = await reportArgs();
    return engine().db.transaction(async (tx) => {
      await tx.query('set local role anon');
      await tx.query(`select set_config('request.headers', $1, true)`, [JSON.stringify(headers)]);
      return tx.query(`select * from report_case($1, $2::jsonb, 'limit')`, [categoryCode, JSON.stringify({ type: 'Point', coordinates: [lon, lat] })]);
    });
  }

  it('refuses the 11th report of an hour from one device with a clear message and a retry-after', async () => {
    const device = randomUUID();
    const args = await reportArgs();
    for (let i = 0; i < 10; i++) await engine().as('public', device).reportCase(args);
    const before = await count(engine(), 'cases');
    const error = (await engine().as('public', device).reportCase(args).catch((e) => e)) as DataError;
    expect(error.code).toBe('PT429');
    expect(error.message).toMatch(/too many reports from this device: at most 10 per 60 minutes; try again in \d+ minutes/);
    expect(error.retryAfterS).toBeGreaterThan(0);
    expect(error.retryAfterS).toBeLessThanOrEqual(3600);
    expect(await count(engine(), 'cases')).toBe(before);
    await expect(engine().as('public').reportCase(args)).resolves.toMatchObject({ caseNo: expect.any(String) });
  });

  it('limits one network address across devices, and never staff or feeds', async () => {
    await engine().sql(`update report_limits set max_reports = 3 where scope = 'address'`);
    try {
      const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 3; i++) await reportWithHeaders({ 'x-citygrid-device': randomUUID(), 'x-forwarded-for': `${address}, 10.0.0.1` });
      await expect(reportWithHeaders({ 'x-citygrid-device': randomUUID(), 'x-forwarded-for': address }))
        .rejects.toThrow(/too many reports from this address/);
      await expect(reportWithHeaders({ 'x-citygrid-device': randomUUID(), 'cf-connecting-ip': '198.51.100.7' })).resolves.toBeTruthy();
    } finally {
      await engine().sql(`update report_limits set max_reports = 200 where scope = 'address'`);
    }
    const args = await reportArgs();
    const device = randomUUID();
    for (let i = 0; i < 12; i++) await engine().as('inspector', device).reportCase({ ...args, source: 'inspector_patrol' });
    for (let i = 0; i < 12; i++) await engine().as('service', device).reportCase({ ...args, source: 'ai_camera' });
  });

  it('counts signed-in residents per user as well as per device', async () => {
    const args = await reportArgs();
    for (let i = 0; i < 10; i++) await engine().as('resident').reportCase(args);
    await expect(engine().as('resident').reportCase(args)).rejects.toThrow(/too many reports from this user/);
  });

  it('keeps the counters and limits out of reach of the public', async () => {
    await expect(engine().db.transaction(async (tx) => {
      await tx.query('set local role anon');
      return tx.query('delete from report_counts');
    })).rejects.toThrow(/permission denied/);
    await expect(engine().db.transaction(async (tx) => {
      await tx.query('set local role anon');
      return tx.query(`select count_report('device', 'x')`);
    })).rejects.toThrow(/permission denied/);
  });
});
