import { expect, it } from 'vitest';
import type { SqlQueryable } from '../../src/lib/data/sql-transport';
import { asRole, describeEachEngine, ROLES } from '../support/engines';
import { placeUnder, type Place } from '../support/places';

interface Rate {
  group_key: string;
  name_zh: string;
  name_en: string;
  reported: number;
  rejected: number;
  closed: number;
  close_rate: number | null;
  on_time_closed: number;
  on_time_close_rate: number | null;
  median_close_hours: number | null;
}

/** March 2021 in Shanghai: no demo case is that old. */
const FROM = '2021-03-01 00:00+08';
const TO = '2021-04-01 00:00+08';

describeEachEngine('close rates', (engine) => {
  let places: Record<'target' | 'empty' | 'onTime', Place>;

  /** Reads close rates as `role` after inserting the fixtures, all in one transaction that is rolled back. */
  async function ratesWithFixtures(reads: [keyof typeof ROLES, string, string, string][]): Promise<Rate[][]> {
    places ??= { target: await placeUnder(engine(), 'PLR-G05'), empty: await placeUnder(engine(), 'PLR-G06'), onTime: await placeUnder(engine(), 'PLR-G07') };
    const undo = new Error('undo');
    const results: Rate[][] = [];
    await engine().db.transaction(async (tx) => {
      await insertFixtures(tx);
      for (const [role, from, to, group] of reads) {
        await tx.query(`set local role ${ROLES[role].role}`);
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(ROLES[role])]);
        results.push((await tx.query<Rate>(`select * from close_rates($1, $2, $3)`, [from, to, group])).rows);
        await tx.query('reset role');
      }
      throw undo;
    }).catch((error) => {
      if (error !== undo) throw error;
    });
    return results;
  }

  async function insertFixtures(tx: SqlQueryable) {
    const at = (p: Place) => `SRID=4326;POINT(${p.lon} ${p.lat})`;
    // In PLR-G05, illegal posters (24 h to close): on time exactly at the due time,
    // on time early, late, rejected, still open; a linked duplicate, one before and one at the end of the period.
    const { rows: [first] } = await tx.query<{ id: number }>(
      `insert into cases (category_code, source, status, description, geom, reported_at, closed_at)
       values ('E-0203', 'inspector_patrol', 'closed', 'exactly on time', $1, '2021-03-02 10:00+08', '2021-03-03 10:00+08') returning id`, [at(places.target)]);
    await tx.query(
      `insert into cases (category_code, source, status, description, geom, reported_at, closed_at, duplicate_of) values
         ('E-0203', 'inspector_patrol', 'closed', 'early', $1, '2021-03-03 10:00+08', '2021-03-03 12:00+08', null),
         ('E-0203', 'inspector_patrol', 'closed', 'late', $1, '2021-03-04 10:00+08', '2021-03-05 16:00+08', null),
         ('E-0203', 'resident_qr', 'rejected', 'rejected', $1, '2021-03-05 10:00+08', null, null),
         ('E-0203', 'resident_qr', 'handling', 'open', $1, '2021-03-06 10:00+08', null, null),
         ('E-0203', 'resident_qr', 'closed', 'duplicate', $1, '2021-03-02 11:00+08', '2021-03-02 12:00+08', $2::int),
         ('E-0203', 'resident_qr', 'closed', 'before the period', $1, '2021-02-28 23:59+08', '2021-03-01 01:00+08', null),
         ('E-0203', 'resident_qr', 'reported', 'at the end of the period', $1, '2021-04-01 00:00+08', null, null)`,
      [at(places.target), first.id]);
    // In PLR-G07, dirty road (8 h): both closed on time, one exactly at the due time.
    await tx.query(
      `insert into cases (category_code, source, status, description, geom, reported_at, closed_at) values
         ('E-0101', 'inspector_patrol', 'closed', 'on time', $1, '2021-03-10 09:00+08', '2021-03-10 10:00+08'),
         ('E-0101', 'inspector_patrol', 'closed', 'on the dot', $1, '2021-03-11 09:00+08', '2021-03-11 17:00+08')`, [at(places.onTime)]);
  }

  const row = (rates: Rate[], key: string) => {
    const found = rates.find((r) => r.group_key === key);
    if (!found) throw new Error(`no close-rate row for ${key}`);
    return found;
  };

  it('rates a grid: closed over reported less rejected, on time over closed, duplicates and cases outside the period left out', async () => {
    const [grids] = await ratesWithFixtures([['commander', FROM, TO, 'grid']]);
    expect(row(grids, 'PLR-G05')).toEqual({
      group_key: 'PLR-G05', name_zh: '平凉路第5网格', name_en: expect.any(String),
      reported: 5, rejected: 1, closed: 3, close_rate: 0.75, on_time_closed: 2, on_time_close_rate: 2 / 3, median_close_hours: 24,
    });
    expect(row(grids, 'PLR-G07')).toMatchObject({ reported: 2, closed: 2, close_rate: 1, on_time_closed: 2, on_time_close_rate: 1, median_close_hours: 4.5 });
  });

  it('lists a grid with no cases with zero counts and no rates', async () => {
    const [grids] = await ratesWithFixtures([['admin', FROM, TO, 'grid']]);
    expect(grids).toHaveLength(60);
    expect(row(grids, 'PLR-G06')).toMatchObject({
      reported: 0, rejected: 0, closed: 0, close_rate: null, on_time_closed: 0, on_time_close_rate: null, median_close_hours: null,
    });
  });

  it('groups by sub-district and by category, and gives no rates for a period without cases', async () => {
    const [districts, categories, empty] = await ratesWithFixtures([
      ['public', FROM, TO, 'subdistrict'], ['resident', FROM, TO, 'category'], ['public', '2019-01-01', '2019-02-01', 'category']]);
    expect(districts.map((r) => r.group_key)).toEqual(['kongjiang_road', 'pengpu_xincun', 'pingliang_road', 'wuliqiao']);
    expect(row(districts, 'pingliang_road')).toMatchObject({ reported: 7, rejected: 1, closed: 5, close_rate: 5 / 6, on_time_closed: 4, on_time_close_rate: 4 / 5 });
    expect(row(districts, 'wuliqiao')).toMatchObject({ reported: 0, close_rate: null });
    expect(row(categories, 'E-0101')).toMatchObject({ name_zh: '道路不洁', reported: 2, close_rate: 1, on_time_close_rate: 1 });
    expect(row(categories, 'E-0203')).toMatchObject({ reported: 5, close_rate: 0.75 });
    expect(empty.length).toBeGreaterThanOrEqual(16);
    for (const r of empty) expect(r, r.group_key).toMatchObject({ reported: 0, closed: 0, close_rate: null, on_time_close_rate: null, median_close_hours: null });
  });

  it('shows grid rates to staff only, and an inspector only their own grids', async () => {
    const [mine] = await ratesWithFixtures([['inspector', FROM, TO, 'grid']]);
    expect(mine.map((r) => r.group_key)).toEqual(['PLR-G01', 'PLR-G02']);
    for (const role of ['public', 'resident'] as const) {
      await expect(asRole(engine(), role, `select * from close_rates(now() - interval '1 day', now(), 'grid')`))
        .rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/close rates per grid are for staff/) });
    }
  });

  it('refuses a backwards or open-ended period and an unknown grouping', async () => {
    for (const [from, to, group] of [[TO, FROM, 'grid'], [FROM, FROM, 'grid'], [null, TO, 'grid'], [FROM, 'infinity', 'grid'], [FROM, TO, 'street'], [FROM, TO, null]]) {
      await expect(asRole(engine(), 'admin', `select * from close_rates($1, $2, $3)`, [from, to, group]), `${from} ${to} ${group}`)
        .rejects.toMatchObject({ code: '22023' });
    }
  });
});
