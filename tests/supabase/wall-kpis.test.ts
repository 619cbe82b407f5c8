import { expect, it } from 'vitest';
import type { SqlQueryable } from '../../src/lib/data/sql-transport';
import { asRole, describeEachEngine } from '../support/engines';
import { placeUnder, type Place } from '../support/places';

type Kpis = Record<string, { now: number | null; yesterday: number | null }>;

/** Noon on Wednesday 10 March 2021 in Shanghai: no demo case or reading is that old. */
const AT = '2021-03-10 12:00+08';
/** Illegal posters: 24 hours to close. */
const POSTERS = 'E-0203';

describeEachEngine('wall KPIs', (engine) => {
  let places: Record<'busy' | 'empty', Place>;
  const at = (p: Place) => `SRID=4326;POINT(${p.lon} ${p.lat})`;

  /** Runs `reads` after inserting `fixtures` in one transaction that is rolled back; reads run as the public. */
  async function withFixtures<T>(fixtures: (tx: SqlQueryable) => Promise<unknown>, reads: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    places ??= { busy: await placeUnder(engine(), 'PLR-G05'), empty: await placeUnder(engine(), 'PLR-G06') };
    const undo = new Error('undo');
    let result: T;
    await engine().db.transaction(async (tx) => {
      await fixtures(tx);
      await tx.query(`set local role anon`);
      await tx.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
      result = await reads(tx);
      throw undo;
    }).catch((error) => {
      if (error !== undo) throw error;
    });
    return result!;
  }

  const kpisIn = (tx: SqlQueryable, areas: string[], target = 0.96, when = AT) =>
    tx.query<{ kpi: string; now_value: number | null; yesterday_value: number | null }>(
      `select * from wall_kpis($1, $2, $3)`, [areas, target, when],
    ).then(({ rows }) => Object.fromEntries(rows.map((r) => [r.kpi, { now: r.now_value, yesterday: r.yesterday_value }])) as Kpis);

  const cases = async (tx: SqlQueryable, rows: [status: string, description: string, reportedAt: string, closedAt: string | null, place?: Place][]) => {
    await tx.query(
      `insert into cases (category_code, source, status, description, geom, reported_at, closed_at)
       select $1, 'inspector_patrol', (r->>0)::case_status, r->>1, (r->>4)::geometry, (r->>2)::timestamptz, (r->>3)::timestamptz
       from jsonb_array_elements($2::jsonb) r`,
      [POSTERS, JSON.stringify(rows.map(([s, d, rep, clo, p]) => [s, d, rep, clo, at(p ?? places.busy)]))],
    );
  };

  it('gives zeros and no rates for a day without cases, and no past value for what keeps no history', async () => {
    const kpis = await withFixtures(async () => {}, (tx) => kpisIn(tx, ['PLR']));
    for (const kpi of ['open_cases', 'overdue', 'reported_today', 'closed_today']) expect(kpis[kpi], kpi).toEqual({ now: 0, yesterday: 0 });
    for (const kpi of ['close_rate', 'close_rate_met', 'on_time_close_rate', 'median_close_hours', 'parking_free', 'parking_occupancy']) {
      expect(kpis[kpi], kpi).toEqual({ now: null, yesterday: null });
    }
    expect(kpis.close_rate_target).toEqual({ now: 0.96, yesterday: 0.96 });
    expect(kpis.volunteers_on_duty.now).toBeGreaterThanOrEqual(0);
    expect(kpis.volunteers_on_duty.yesterday).toBeNull();
    expect(kpis.fire_reach.now).toBeGreaterThan(0);
    expect(kpis.fire_reach.now).toBeLessThanOrEqual(1);
    expect(kpis.fire_reach.yesterday).toBeNull();
  });

  it('counts every open case as overdue when all are past their due time, now and a day earlier', async () => {
    const kpis = await withFixtures(
      (tx) => cases(tx, [
        ['reported', 'overdue 1', '2021-03-07 09:00+08', null],
        ['dispatched', 'overdue 2', '2021-03-07 10:00+08', null],
        ['handling', 'overdue 3', '2021-03-08 08:00+08', null],
      ]),
      (tx) => kpisIn(tx, ['PLR']),
    );
    expect(kpis.open_cases).toEqual({ now: 3, yesterday: 3 });
    expect(kpis.overdue).toEqual({ now: 3, yesterday: 3 });
    expect(kpis.close_rate).toEqual({ now: 0, yesterday: 0 });
    expect(kpis.close_rate_met).toEqual({ now: 0, yesterday: 0 });
  });

  it('splits days at midnight in Shanghai, not UTC, for cases crossing it', async () => {
    const kpis = await withFixtures(
      (tx) => cases(tx, [
        ['closed', 'reported before midnight, closed after', '2021-03-09 23:50+08', '2021-03-10 00:10+08'],
        ['reported', 'just after midnight', '2021-03-10 00:05+08', null],
        ['registered', 'before midnight UTC, after it in Shanghai', '2021-03-10 07:30+08', null],
        ['closed', 'closed yesterday morning', '2021-03-09 08:00+08', '2021-03-09 11:00+08'],
        ['reported', 'after the moment read', '2021-03-10 12:30+08', null],
      ]),
      (tx) => kpisIn(tx, ['PLR']),
    );
    expect(kpis.reported_today).toEqual({ now: 2, yesterday: 1 });
    expect(kpis.closed_today).toEqual({ now: 1, yesterday: 1 });
    // Yesterday at noon only the morning case existed, and it was closed by then.
    expect(kpis.open_cases).toEqual({ now: 2, yesterday: 0 });
    expect(kpis.median_close_hours.now).toBeCloseTo(((20 / 60) + 3) / 2, 6);
  });

  it('meets the target when the close rate is exactly it, and misses a higher one', async () => {
    const rows: Parameters<typeof cases>[1] = [];
    for (let i = 0; i < 20; i++) rows.push(['closed', `on time ${i}`, `2021-03-0${1 + (i % 8)} 10:00+08`, `2021-03-0${1 + (i % 8)} 11:00+08`]);
    for (let i = 0; i < 4; i++) rows.push(['closed', `late ${i}`, '2021-03-02 09:00+08', '2021-03-03 15:00+08']);
    rows.push(['handling', 'still open', '2021-03-09 10:00+08', null], ['rejected', 'not a case', '2021-03-09 10:00+08', null]);
    const [exact, higher] = await withFixtures(
      (tx) => cases(tx, rows),
      async (tx) => [await kpisIn(tx, ['PLR'], 0.96), await kpisIn(tx, ['pingliang_road'], 0.97)],
    );
    expect(exact.close_rate.now).toBe(0.96);
    expect(exact.close_rate_met.now).toBe(1);
    expect(exact.on_time_close_rate.now).toBeCloseTo(20 / 24, 12);
    expect(exact.median_close_hours.now).toBe(1);
    expect(higher.close_rate_target.now).toBe(0.97);
    expect(higher.close_rate_met.now).toBe(0);
  });

  it('reads parking from the last reading at or before each moment', async () => {
    const kpis = await withFixtures(async (tx) => {
      const { rows: [lot] } = await tx.query<{ id: number }>(
        `insert into parking_lots (code, kind, name_zh, name_en, capacity, free_spaces, geom)
         values ('PK-WALL-TEST', 'public', '测试停车场', 'Test car park', 100, 5, $1) returning id`, [at(places.busy)]);
      // Readings from 2021 fall outside the live feed's window: stored as history, as an import would.
      await tx.query(`set local session_replication_role = replica`);
      await tx.query(`insert into parking_readings (lot_id, observed_at, free_spaces) values
        ($1, '2021-03-09 11:00+08', 40), ($1, '2021-03-10 11:00+08', 10), ($1, '2021-03-10 12:30+08', 90)`, [lot.id]);
      await tx.query(`set local session_replication_role = origin`);
    }, (tx) => kpisIn(tx, ['PLR']));
    expect(kpis.parking_free).toEqual({ now: 10, yesterday: 40 });
    expect(kpis.parking_capacity).toEqual({ now: 100, yesterday: 100 });
    expect(kpis.parking_occupancy.now).toBeCloseTo(0.9, 12);
    expect(kpis.parking_occupancy.yesterday).toBeCloseTo(0.6, 12);
  });

  it('gives open and overdue cases per km² by grid, listing a grid with no cases as zero', async () => {
    const grids = await withFixtures(
      (tx) => cases(tx, [
        ['reported', 'overdue', '2021-03-07 09:00+08', null],
        ['handling', 'open, not yet due', '2021-03-10 11:00+08', null],
        ['closed', 'closed', '2021-03-08 09:00+08', '2021-03-08 10:00+08'],
      ]),
      async (tx) => (await tx.query<Record<string, number | string>>(`select * from wall_grids($1, $2)`, [['PLR'], AT])).rows,
    );
    expect(grids.every((g) => String(g.code).startsWith('PLR-G'))).toBe(true);
    const busy = grids.find((g) => g.code === 'PLR-G05')!;
    const empty = grids.find((g) => g.code === 'PLR-G06')!;
    expect(busy).toMatchObject({ open_cases: 2, overdue: 1 });
    expect(busy.open_per_km2).toBeCloseTo(2 / Number(busy.area_km2), 9);
    expect(busy.overdue_per_km2).toBeCloseTo(1 / Number(busy.area_km2), 9);
    expect(empty).toMatchObject({ open_cases: 0, overdue: 0, open_per_km2: 0, overdue_per_km2: 0 });
    expect(Number(empty.area_km2)).toBeGreaterThan(0.01);
    expect(Number(empty.west)).toBeLessThan(Number(empty.east));
  });

  it('names the sub-districts by code or short code, with their bounds', async () => {
    const rows = await asRole(engine(), 'public', `select * from wall_areas($1)`, [['plr', 'kongjiang_road']]);
    expect(rows.map((r) => [r.code, r.short_code])).toEqual([['kongjiang_road', 'KJR'], ['pingliang_road', 'PLR']]);
    const all = await asRole(engine(), 'public', `select * from wall_areas(null)`);
    expect(all).toHaveLength(4);
  });

  it('refuses an unknown sub-district and a target outside (0, 1]', async () => {
    await expect(asRole(engine(), 'public', `select * from wall_kpis($1, 0.96)`, [['PLR', 'XYZ']]))
      .rejects.toMatchObject({ code: '22023', message: expect.stringMatching(/unknown sub-district 'XYZ'/) });
    for (const target of [0, -0.5, 1.5, null]) {
      await expect(asRole(engine(), 'public', `select * from wall_kpis(null, $1)`, [target]), String(target))
        .rejects.toMatchObject({ code: '22023', message: expect.stringMatching(/close-rate target/) });
    }
  });
});
