import { expect, it } from 'vitest';
import type { SqlQueryable } from '../../src/lib/data/sql-transport';
import { asRole, describeEachEngine, ROLES } from '../support/engines';
import { placeUnder } from '../support/places';

const CATEGORY = 'E-0203'; // illegal posters: 24 h SLA, no photo needed

describeEachEngine('stage time limits', (engine) => {
  /** Runs fn in a transaction that is rolled back afterwards, so fixtures never leak into other suites. */
  async function rolledBack<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const undo = new Error('undo');
    let result: T | undefined;
    await engine().db.transaction(async (tx) => {
      result = await fn(tx);
      throw undo;
    }).catch((error) => {
      if (error !== undo) throw error;
    });
    return result as T;
  }

  async function newCase() {
    const place = await placeUnder(engine(), 'PLR-G03');
    return engine().as('public').reportCase({ categoryCode: CATEGORY, lon: place.lon, lat: place.lat, description: '小广告 stage clock' });
  }

  /** The case's stage, and whether its stage due time is its stage limit counted on the calendar from when it entered its status. */
  async function stageClock(id: number, enteredStatus?: string) {
    const [row] = await engine().sql<{ stage: string | null; stage_due_at: Date | null; expected: Date | null }>(
      `select case_stage(c.status) as stage, c.stage_due_at,
              add_working_minutes(e.created_at, l.minutes) as expected
       from cases c
       join lateral (select created_at from case_events e where e.case_id = c.id and e.to_status = coalesce($2::case_status, c.status)
                     order by e.id desc limit 1) e on true
       left join case_stage_limits l on l.category_code = c.category_code and l.stage = case_stage(c.status)
       where c.id = $1`, [id, enteredStatus ?? null]);
    return row;
  }

  it('gives every category, those of the seed included, a limit for each of the four stages', async () => {
    const rows = await engine().sql<{ code: string; stages: string[]; handle: number; sla_minutes: number }>(
      `select k.code, array_agg(l.stage order by l.stage) as stages,
              max(l.minutes) filter (where l.stage = 'handle') as handle, round(k.sla_hours * 60)::int as sla_minutes
       from case_categories k left join case_stage_limits l on l.category_code = k.code
       group by k.code, k.sla_hours`);
    expect(rows.length).toBeGreaterThanOrEqual(16);
    for (const row of rows) {
      expect(row.stages, row.code).toEqual(['dispatch', 'handle', 'register', 'verify']);
      expect(row.handle, row.code).toBe(Math.max(row.sla_minutes, 30));
    }
  });

  it('starts each stage clock on the working calendar when the case enters the stage, and stops it when closed', async () => {
    const { id } = await newCase();
    expect(await stageClock(id)).toMatchObject({ stage: 'register' });
    const [reported] = await engine().sql<{ ok: boolean }>(
      `select stage_due_at = add_working_minutes(reported_at, 30) as ok from cases where id = $1`, [id]);
    expect(reported.ok).toBe(true);

    const admin = engine().as('admin');
    await admin.transitionCase(id, 'reported', 'registered');
    let clock = await stageClock(id);
    expect(clock.stage).toBe('dispatch');
    expect(clock.stage_due_at).toEqual(clock.expected);

    await admin.transitionCase(id, 'registered', 'dispatched');
    const dispatched = await stageClock(id);
    expect(dispatched.stage).toBe('handle');
    expect(dispatched.stage_due_at).toEqual(dispatched.expected);

    await admin.transitionCase(id, 'dispatched', 'handling');
    clock = await stageClock(id, 'dispatched');
    expect(clock.stage).toBe('handle');
    expect(clock.stage_due_at, 'dispatched → handling stays in the handle stage').toEqual(dispatched.stage_due_at);

    await admin.transitionCase(id, 'handling', 'handled', '已清除 removed');
    clock = await stageClock(id);
    expect(clock.stage).toBe('verify');
    expect(clock.stage_due_at).toEqual(clock.expected);

    await admin.transitionCase(id, 'handled', 'handling', '未清除干净 not clean');
    clock = await stageClock(id);
    expect(clock.stage, 'sent back: a new handle stage').toBe('handle');
    expect(clock.stage_due_at).toEqual(clock.expected);

    await admin.transitionCase(id, 'handling', 'handled', '已清除 removed');
    await admin.transitionCase(id, 'handled', 'closed');
    const [closed] = await engine().sql<{ stage_due_at: Date | null }>('select stage_due_at from cases where id = $1', [id]);
    expect(closed.stage_due_at).toBeNull();
  });

  it('gives each case moved by one statement the due time of its own category and stage', async () => {
    const rows = await rolledBack(async (tx) => {
      await tx.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', true)`);
      return (await tx.query<{ category_code: string; ok: boolean }>(
        `update cases set status = 'dispatched' where status = 'registered'
         returning category_code, stage_due_at = stage_due_at_for(category_code, 'dispatched', now()) as ok`)).rows;
    });
    expect(new Set(rows.map((r) => r.category_code)).size).toBeGreaterThan(1);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
  });

  it('gives every open case a stage due time and no closed or rejected case one', async () => {
    const [row] = await engine().sql<{ open_without: number; done_with: number; open: number }>(
      `select count(*) filter (where is_open(status) and stage_due_at is null)::int as open_without,
              count(*) filter (where not is_open(status) and stage_due_at is not null)::int as done_with,
              count(*) filter (where is_open(status))::int as open
       from cases`);
    expect(row).toMatchObject({ open_without: 0, done_with: 0 });
    expect(row.open).toBeGreaterThan(0);
  });

  it('counts open and overdue cases per stage, in workflow order', async () => {
    const place = await placeUnder(engine(), 'PLR-G03');
    const point = `SRID=4326;POINT(${place.lon} ${place.lat})`;
    const overdue = (rows: { stage: string; open_cases: number; overdue_cases: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.stage, [r.open_cases, r.overdue_cases]]));
    const [before, after, area] = await rolledBack(async (tx) => {
      const read = async () => (await tx.query<{ stage: string; open_cases: number; overdue_cases: number; max_overdue_working_minutes: number }>(
        `select * from stage_overdue('pingliang_road')`)).rows;
      const first = await read();
      // Two cases waiting to be dispatched, one since three weeks (overdue), one since now.
      await tx.query(`insert into cases (category_code, source, status, description, geom, reported_at)
                      values ($1, 'inspector_patrol', 'registered', 'overdue fixture', $2, now() - interval '21 days'),
                             ($1, 'inspector_patrol', 'registered', 'fresh fixture', $2, now())`, [CATEGORY, point]);
      return [first, await read(), (await tx.query(`select * from stage_overdue(null)`)).rows];
    });
    expect(before.map((r) => r.stage)).toEqual(['register', 'dispatch', 'handle', 'verify']);
    const [open0, late0] = overdue(before).dispatch;
    expect(overdue(after).dispatch).toEqual([open0 + 2, late0 + 1]);
    expect(overdue(after).register).toEqual(overdue(before).register);
    // Three weeks back is at least 10 working days late.
    expect(after[1].max_overdue_working_minutes).toBeGreaterThanOrEqual(10 * 480);
    expect(area).toHaveLength(4);
    await expect(engine().sql(`select * from stage_overdue('atlantis')`)).rejects.toMatchObject({ code: '22023' });
  });

  it('uses the limit an admin sets for a category, and lets nobody else set one', async () => {
    await expect(asRole(engine(), 'commander', `update case_stage_limits set minutes = 5 where category_code = '${CATEGORY}' returning minutes`))
      .resolves.toEqual([]);
    await expect(asRole(engine(), 'public', `update case_stage_limits set minutes = 5`)).rejects.toThrow(/permission denied/);
    expect((await asRole(engine(), 'public', `select count(*)::int as n from case_stage_limits`))[0]).toMatchObject({ n: expect.any(Number) });
    const place = await placeUnder(engine(), 'PLR-G03');
    const ok = await rolledBack(async (tx) => {
      await tx.query(`set local role authenticated`);
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(ROLES.admin)]);
      await tx.query(`update case_stage_limits set minutes = 7 where category_code = $1 and stage = 'register'`, [CATEGORY]);
      await tx.query(`reset role`);
      const { rows } = await tx.query<{ ok: boolean }>(
        `insert into cases (category_code, source, description, geom) values ($1, 'inspector_patrol', 'limit fixture', $2)
         returning stage_due_at = add_working_minutes(reported_at, 7) as ok`, [CATEGORY, `SRID=4326;POINT(${place.lon} ${place.lat})`]);
      return rows[0].ok;
    });
    expect(ok).toBe(true);
  });
});
