import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { count, firstCategory, placeUnder } from '../support/places';

describeEachEngine('bad input', (engine) => {
  async function validReport() {
    const place = await placeUnder(engine(), 'PLR-G02');
    return { categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: '暴露垃圾' };
  }

  async function expectRefused(attempt: () => Promise<unknown>, message: RegExp) {
    const before = await count(engine(), 'cases');
    await expect(attempt()).rejects.toThrow(message);
    expect(await count(engine(), 'cases')).toBe(before);
  }

  it('refuses a report with an unknown category', async () => {
    await expectRefused(async () => engine().as('public').reportCase({ ...(await validReport()), categoryCode: 'E-9999' }), /unknown case category 'E-9999'/);
  });

  it('refuses a report outside the service area', async () => {
    await expectRefused(async () => engine().as('public').reportCase({ ...(await validReport()), lon: 121.8, lat: 31.1 }), /location \(121\.8, 31\.1\) is outside the service area/);
  });

  it('refuses coordinates that are not longitude and latitude', async () => {
    await expectRefused(async () => engine().as('public').reportCase({ ...(await validReport()), lon: 13_520_000, lat: 3_650_000 }), /not a WGS84 longitude and latitude/);
  });

  it('refuses malformed GeoJSON locations with a clear message', async () => {
    const data = engine().as('public');
    const report = await validReport();
    for (const location of [
      { type: 'Point', coordinates: ['121.5', 31.2] },
      { type: 'Polygon', coordinates: [[[121.5, 31.2], [121.6, 31.2], [121.5, 31.3], [121.5, 31.2]]] },
      { type: 'Point' },
      'POINT(121.5 31.2)',
    ]) {
      const before = await count(engine(), 'cases');
      await expect(
        engine().db.transaction(async (tx) => {
          await tx.query('set local role anon');
          return tx.query(`select * from report_case(p_category_code => $1, p_location => $2::jsonb, p_description => 'x')`, [
            report.categoryCode,
            JSON.stringify(location),
          ]);
        }),
        JSON.stringify(location),
      ).rejects.toThrow(/malformed GeoJSON location/);
      expect(await count(engine(), 'cases')).toBe(before);
    }
    expect(data.backend).toBe('embedded');
  });

  it('refuses empty and oversized text', async () => {
    const report = await validReport();
    await expectRefused(async () => engine().as('public').reportCase({ ...report, description: '   ' }), /description is blank/);
    await expectRefused(async () => engine().as('public').reportCase({ ...report, description: '摊'.repeat(2001) }), /description must be 1 to 2000 characters \(got 2001\)/);
    await expectRefused(async () => engine().as('public').reportCase({ ...report, contact: '1'.repeat(101) }), /contact is limited to 100 characters/);
  });

  it('stores SQL-looking text verbatim and harms nothing', async () => {
    const sqlish = `'); drop table cases; -- 临汾路 "x" \\ $$ ;`;
    const { id } = await engine().as('public').reportCase({ ...(await validReport()), description: sqlish, address: `1' or '1'='1` });
    const detail = await engine().as('public').caseDetail(id);
    expect(detail?.description).toBe(sqlish);
    expect(detail?.address).toBe(`1' or '1'='1`);
    expect(await count(engine(), 'cases')).toBeGreaterThan(1);
  });

  it('refuses unknown report sources and bad bounding boxes', async () => {
    await expectRefused(async () => engine().as('commander').reportCase({ ...(await validReport()), source: 'carrier_pigeon' as never }), /unknown case source 'carrier_pigeon'/);
    await expect(engine().as('public').cases({ bbox: [121.6, 31.2, 121.5, 31.3] })).rejects.toThrow(/invalid bbox \[121\.6, 31\.2, 121\.5, 31\.3\]/);
    await expect(engine().as('public').nearestParking(121.5, 95)).rejects.toThrow(/invalid location/);
    await expect(engine().as('public').nearestParking(121.5, 31.2, 1, 1000)).rejects.toThrow(/invalid limit 1000/);
    await expect(engine().as('public').kpis('atlantis')).rejects.toThrow(/unknown sub-district atlantis/);
  });

  it('refuses a parking reading above the lot capacity', async () => {
    const [lot] = await engine().sql<{ id: number; capacity: number; free_spaces: number }>('select id, capacity, free_spaces from parking_lots order by id limit 1');
    await expect(engine().as('service').recordParkingReading(lot.id, lot.capacity + 1)).rejects.toThrow(/exceeds capacity/);
    await expect(engine().as('service').recordParkingReading(lot.id, -1)).rejects.toThrow(/free spaces must be zero or more/);
  });
});
