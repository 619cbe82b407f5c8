import { expect, it } from 'vitest';
import { parseParkingFile } from '../../src/lib/parking-import/parse-parking';
import { refusalZh } from '../../src/lib/parking-import/refusal-zh';
import type { ParkingImportRow } from '../../src/lib/data/types';
import { asRole, describeEachEngine } from '../support/engines';
import { parkingFixture } from '../support/parking-fixtures';

const rowsOf = (name: string, observed?: Date) => parseParkingFile(parkingFixture(name, observed)).rows;
const IN_AREA = { lon: 121.5148, lat: 31.2527 };

describeEachEngine('parking import', (engine) => {
  const admin = () => engine().as('admin');
  const lot = async (code: string) =>
    (await engine().sql<Record<string, unknown>>(
      `select code, kind, name_zh, name_en, capacity, free_spaces, fee_per_hour_cny, hours, synthetic, ST_X(geom) as lon, ST_Y(geom) as lat, updated_at
       from parking_lots where code = $1`, [code]))[0];
  const counts = async () => (await engine().sql<{ lots: number; readings: number }>(
    'select (select count(*)::int from parking_lots) as lots, (select count(*)::int from parking_readings) as readings'))[0];

  it('creates lots with their readings and updates a stored one, keeping what the file leaves out', async () => {
    // The seed's numbers are as fresh as the database's clock; the file's is ten minutes old. The lot is set
    // an hour back, its readings with it, so the file's number is its newest (other suites check that it is).
    await engine().sql(`with lot as (update parking_lots set updated_at = now() - interval '1 hour' where code = 'PK-PLR-001' returning id)
                        delete from parking_readings r using lot where r.lot_id = lot.id and r.observed_at > now() - interval '1 hour'`);
    const stored = await lot('PK-PLR-001');
    const results = await admin().importParking(rowsOf('good.csv'), false);
    expect(results).toEqual([
      { line: 2, code: 'IMP-CSV-01', outcome: 'created', reading: 'current', reason: null },
      { line: 3, code: 'IMP-CSV-02', outcome: 'created', reading: 'current', reason: null },
      { line: 4, code: 'PK-PLR-001', outcome: 'updated', reading: 'current', reason: null },
    ]);
    expect(await lot('IMP-CSV-01')).toMatchObject({
      kind: 'public', name_zh: '平凉路测试停车场', name_en: 'Pingliang Road Test Car Park, North', capacity: 120, free_spaces: 45,
      fee_per_hour_cny: 6, hours: '07:00-22:00', synthetic: false, lon: 121.5148, lat: 31.2527,
    });
    expect((await lot('IMP-CSV-02')).fee_per_hour_cny, 'a blank fee stays unknown, not free').toBeNull();
    expect(await lot('PK-PLR-001')).toEqual({ ...stored, free_spaces: 3, updated_at: expect.any(Date) });
  });

  it('refuses each bad row with its reason, line by line, and takes the good one', async () => {
    const results = await admin().importParking(rowsOf('bad.csv'), false);
    expect(results).toEqual([
      { line: 2, code: 'IMP-BAD-01', outcome: 'refused', reading: null, reason: 'position (13.7373, 51.0504) is outside the service area' },
      { line: 3, code: 'IMP-BAD-02', outcome: 'refused', reading: null, reason: 'free spaces 60 exceed capacity 50' },
      { line: 4, code: 'IMP-BAD-03', outcome: 'refused', reading: null, reason: 'capacity 0: a lot has at least one space' },
      { line: 5, code: 'IMP-BAD-04', outcome: 'refused', reading: null, reason: 'missing field: capacity for a new lot' },
      { line: 6, code: 'IMP-BAD-05', outcome: 'refused', reading: null, reason: 'missing field: lat' },
      { line: 7, code: 'IMP-BAD-06', outcome: 'refused', reading: null,
        reason: "unknown timestamp 'yesterday' (ISO 8601 like 2026-11-24T08:30:00+08:00, or epoch seconds)" },
      { line: 8, code: 'IMP-BAD-07', outcome: 'refused', reading: null, reason: "unknown kind 'garage' (public, residential, shared or on_street)" },
      { line: 10, code: null, outcome: 'refused', reading: null, reason: 'missing field: code' },
      { line: 11, code: 'IMP-BAD-10', outcome: 'refused', reading: null, reason: 'missing field: observed_at (when the free spaces were counted)' },
      { line: 12, code: 'IMP-BAD-11', outcome: 'created', reading: 'current', reason: null },
    ]);
    const [{ n }] = await engine().sql<{ n: number }>(`select count(*)::int as n from parking_lots where code like 'IMP-BAD-%'`);
    expect(n).toBe(1);
  });

  it('answers a dry run the same and keeps nothing', async () => {
    const rows = rowsOf('lots.geojson');
    const before = await counts();
    const dry = await admin().importParking(rows, true);
    expect(await counts()).toEqual(before);
    expect(dry).toEqual([
      { line: 1, code: 'IMP-GEO-01', outcome: 'created', reading: 'current', reason: null },
      { line: 3, code: 'IMP-GEO-03', outcome: 'refused', reading: null, reason: 'position (8.6821, 50.1109) is outside the service area' },
    ]);
    expect(await admin().importParking(rows, false)).toEqual(dry);
    expect(await counts()).toEqual({ lots: before.lots + 1, readings: before.readings + 1 });
  });

  it('reads a ParkAPI city: a lot without a reading (nodata) is not created, one with more free than total is refused', async () => {
    expect(await admin().importParking(rowsOf('parkapi.json'), false)).toEqual([
      { line: 1, code: 'shanghaipingliang', outcome: 'created', reading: 'current', reason: null },
      { line: 2, code: 'shanghaikongjiang', outcome: 'refused', reading: null, reason: 'missing field: free_spaces and observed_at for a new lot' },
      { line: 3, code: 'shanghaioverfull', outcome: 'refused', reading: null, reason: 'free spaces 25 exceed capacity 20' },
    ]);
    expect(await lot('shanghaipingliang')).toMatchObject({ kind: 'public', capacity: 300, free_spaces: 120, name_zh: 'Pingliang Garage' });
  });

  it('loses nothing stored: an older reading is history, the same one twice is a duplicate, a capacity below the stored count is refused', async () => {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const row = (fields: Omit<ParkingImportRow, 'line'>, line = 1): ParkingImportRow => ({ line, code: 'IMP-KEEP-01', ...fields });
    const created = { name_zh: '保留测试停车场', capacity: 100, free_spaces: 40, fee_per_hour_cny: 4, ...IN_AREA, observed_at: minutesAgo(5) };
    await admin().importParking([row(created)], false);
    const older = await admin().importParking([row({ free_spaces: 90, observed_at: minutesAgo(30) }), row({ free_spaces: 40, observed_at: created.observed_at }, 2)], false);
    expect(older.map((r) => r.reading)).toEqual(['history', 'duplicate']);
    expect(await lot('IMP-KEEP-01')).toMatchObject({ free_spaces: 40, fee_per_hour_cny: 4, capacity: 100 });
    expect(await admin().importParking([row({ capacity: 30 })], false)).toEqual([
      { line: 1, code: 'IMP-KEEP-01', outcome: 'refused', reading: null, reason: 'capacity 30 is below the 40 free spaces stored; send a reading with it' },
    ]);
    expect(await admin().importParking([row({ capacity: 30, free_spaces: 10, observed_at: minutesAgo(1) })], false)).toMatchObject([{ outcome: 'updated', reading: 'current' }]);
    expect(await lot('IMP-KEEP-01')).toMatchObject({ free_spaces: 10, capacity: 30, fee_per_hour_cny: 4, name_zh: '保留测试停车场' });
  });

  it('refuses readings outside the window and keeps SQL-looking text as text', async () => {
    const results = await admin().importParking([
      { line: 1, code: 'IMP-WIN-01', name_zh: 'x', capacity: 5, free_spaces: 1, ...IN_AREA, observed_at: '2099-01-01T00:00:00Z' },
      { line: 2, code: 'IMP-SQL-01', name_zh: "停车场'); drop table parking_lots;--", capacity: 5, free_spaces: 1, ...IN_AREA, observed_at: new Date().toISOString() },
      { line: 3, code: "x'; drop", capacity: 5 },
    ], false);
    expect(results[0].reason).toMatch(/^observed at 2099-01-01 .* outside the accepted window/);
    expect(results[1]).toMatchObject({ outcome: 'created' });
    expect((await lot('IMP-SQL-01')).name_zh).toBe("停车场'); drop table parking_lots;--");
    expect(results[2].reason).toBe("code 'x''; drop' must be 1 to 60 letters, digits and - _ . :");
  });

  it('refuses with sentences the import screen can say in Chinese, every one of them', async () => {
    const now = new Date().toISOString();
    const fresh = { name_zh: 'x', capacity: 5, free_spaces: 1, ...IN_AREA, observed_at: now };
    const rows: Omit<ParkingImportRow, 'line'>[] = [
      { code: 'IMP-ZH-01', ...fresh, capacity: '12.5' },
      { code: 'IMP-ZH-02', ...fresh, capacity: 0 },
      { code: 'IMP-ZH-03', ...fresh, capacity: 20_000 },
      { code: 'IMP-ZH-04', ...fresh, free_spaces: 'many' },
      { code: 'IMP-ZH-05', ...fresh, free_spaces: -3 },
      { code: 'IMP-ZH-06', ...fresh, free_spaces: 9 },
      { code: 'IMP-ZH-07', ...fresh, observed_at: 'yesterday' },
      { code: 'IMP-ZH-08', ...fresh, observed_at: '2099-01-01T00:00:00Z' },
      { code: 'IMP-ZH-09', ...fresh, observed_at: undefined },
      { code: 'IMP-ZH-10', ...fresh, free_spaces: undefined },
      { code: 'IMP-ZH-11', ...fresh, fee_per_hour_cny: '-2' },
      { code: 'IMP-ZH-12', ...fresh, kind: 'garage' },
      { code: 'IMP-ZH-13', ...fresh, hours: '8-20' },
      { code: 'IMP-ZH-14', ...fresh, lat: undefined },
      { code: 'IMP-ZH-15', ...fresh, lon: 500 },
      { code: 'IMP-ZH-16', ...fresh, lon: 13.7373, lat: 51.0504 },
      { code: 'IMP-ZH-17', ...fresh, name_zh: undefined },
      { code: 'IMP-ZH-18', ...fresh, capacity: undefined },
      { code: 'IMP-ZH-19', ...fresh, lon: undefined, lat: undefined },
      { code: 'IMP-ZH-20', ...fresh, free_spaces: undefined, observed_at: undefined },
      { code: 'IMP-ZH-21', ...fresh, name_zh: '长'.repeat(61) },
      { code: 'x; drop', ...fresh },
      { ...fresh },
    ];
    const results = await admin().importParking(rows.map((row, i) => ({ ...row, line: i + 1 })), true);
    expect(results.map((r) => r.outcome)).toEqual(rows.map(() => 'refused'));
    const untranslated = results.filter((r) => !/[\u4e00-\u9fff]/.test(refusalZh(r.reason ?? ''))).map((r) => r.reason);
    expect(untranslated).toEqual([]);
  });

  it('lets admins and the service role import, nobody else', async () => {
    const row = { line: 1, code: 'IMP-ROLE-01', name_zh: 'x', capacity: 5, free_spaces: 1, ...IN_AREA, observed_at: new Date().toISOString() };
    for (const role of ['public', 'resident', 'inspector', 'commander'] as const) {
      await expect(engine().as(role).importParking([row], true), role).rejects.toMatchObject({ code: '42501' });
    }
    const [answer] = await asRole(engine(), 'service', 'select * from import_parking($1, true)', [JSON.stringify({ 1: row })]);
    expect(answer).toMatchObject({ line: 1, outcome: 'created' });
  });

  it('refuses rows that are not keyed by line, and more than 10,000 in one call', async () => {
    await expect(asRole(engine(), 'service', 'select * from import_parking($1)', ['[{"code": "A"}]'])).rejects.toMatchObject({ code: '22023' });
    const many = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [i + 1, { code: 'A' }]));
    await expect(asRole(engine(), 'service', 'select * from import_parking($1)', [JSON.stringify(many)])).rejects.toThrow(/at most 10000 rows a call \(got 10001\)/);
  });
});
