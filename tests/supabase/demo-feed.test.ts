import { expect, it } from 'vitest';
import { DemoFeed, type TickResult } from '../../src/lib/demo/demo-feed';
import { FEED_FUNCTIONS, sqlFeedPort } from '../../src/lib/demo/feed-port';
import type { ChangeEvent } from '../../src/lib/data/types';
import { asRole, describeEachEngine } from '../support/engines';

/** 18:40 in Shanghai today: evening shifts are on and residents are coming home. */
const EVENING = (() => {
  const day = new Date();
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10, 40);
})();

describeEachEngine('demo feed', (engine) => {
  const count = async (sql: string) => (await engine().sql<{ n: number }>(`select count(*)::int as n from ${sql}`))[0].n;

  it('calls only functions the service role may execute, with their argument names', async () => {
    const rows = await engine().sql<{ name: string; args: string[]; service: boolean }>(
      `select p.proname as name, coalesce((select array_agg(n order by i) from unnest(p.proargnames, p.proargmodes) with ordinality as a(n, m, i)
                                            where m is null or m in ('i', 'b')), '{}') as args,
              has_function_privilege('service_role', p.oid, 'execute') as service
       from pg_proc p join pg_namespace ns on ns.oid = p.pronamespace
       where ns.nspname = 'public' and p.proname = any($1)`, [Object.keys(FEED_FUNCTIONS)]);
    for (const [name, args] of Object.entries(FEED_FUNCTIONS)) {
      const matches = rows.filter((r) => r.name === name);
      expect(matches, `${name} exists once`).toHaveLength(1);
      expect(matches[0], name).toMatchObject({ args: [...args], service: true });
    }
  });

  it('writes readings, reports, alarms and check-ins through the database functions, and each fires change events', async () => {
    await engine().sql('update volunteer_posts set on_duty = 0');
    const before = {
      readings: await count('parking_readings'),
      reports: await count(`cases where source = 'resident_qr'`),
      alarms: await count('camera_alarms'),
      onDuty: await count('volunteer_posts where on_duty > 0'),
    };
    const events: ChangeEvent[] = [];
    const unsubscribe = engine().as('public').subscribe((event) => events.push(event));
    const feed = new DemoFeed(sqlFeedPort(engine().db), {
      seed: 11, startAt: EVENING, speed: 300, lotsPerTick: 40, reportChance: 1, alarmChance: 1,
    });
    const results: TickResult[] = [];
    for (let i = 0; i < 3; i++) results.push(await feed.tick());

    expect(results.flatMap((r) => r.failures)).toEqual([]);
    const total = (key: 'readings' | 'reports' | 'alarms' | 'checkIns') => results.reduce((sum, r) => sum + r[key], 0);
    expect(total('reports')).toBe(3);
    expect(total('alarms')).toBe(3);
    expect(total('readings')).toBeGreaterThan(30);
    expect(total('checkIns')).toBeGreaterThan(0);
    expect(await count('parking_readings')).toBe(before.readings + total('readings'));
    expect(await count(`cases where source = 'resident_qr'`)).toBe(before.reports + 3);
    expect(await count('camera_alarms')).toBe(before.alarms + 3);
    expect(await count('volunteer_posts where on_duty > 0')).toBeGreaterThan(before.onDuty);
    await expect.poll(() => new Set(events.map((e) => e.table)), { timeout: 10_000 })
      .toEqual(new Set(['parking_lots', 'cases', 'volunteer_posts']));
    unsubscribe();
  });

  it('keeps every lot within its capacity and moves it towards the hour’s level', async () => {
    const feed = new DemoFeed(sqlFeedPort(engine().db), { seed: 5, startAt: EVENING, speed: 600, lotsPerTick: 300, reportChance: 0, alarmChance: 0 });
    for (let i = 0; i < 4; i++) expect((await feed.tick()).failures).toEqual([]);
    const [lots] = await engine().sql<{ bad: number; residential: number }>(
      `select count(*) filter (where free_spaces < 0 or free_spaces > capacity)::int as bad,
              avg(1 - free_spaces::float8 / capacity) filter (where kind = 'residential') as residential
       from parking_lots`);
    expect(lots.bad).toBe(0);
    expect(lots.residential).toBeGreaterThan(0.6);
  });
});

describeEachEngine('volunteer check-in', (engine) => {
  const post = async () => (await engine().sql<{ id: number; planned: number }>(`select id, planned from volunteer_posts order by id limit 1`))[0];
  const checkIn = (role: 'service' | 'commander' | 'admin' | 'inspector' | 'public' | 'resident', id: number, change: number | null) =>
    asRole(engine(), role, 'select * from check_in_volunteers($1, $2)', [id, change]);

  it('counts people in and out for the service role, commanders and admins', async () => {
    const { id, planned } = await post();
    await engine().sql('update volunteer_posts set on_duty = 0 where id = $1', [id]);
    expect(await checkIn('service', id, 1)).toEqual([{ post_id: id, on_duty: 1, planned }]);
    expect((await checkIn('commander', id, 1))[0]).toMatchObject({ on_duty: 2 });
    expect((await checkIn('admin', id, -1))[0]).toMatchObject({ on_duty: 1 });
  });

  it('refuses everyone else, and counts below zero or past the plan, with reasons', async () => {
    const { id, planned } = await post();
    await engine().sql('update volunteer_posts set on_duty = 0 where id = $1', [id]);
    for (const role of ['inspector', 'public', 'resident'] as const) {
      await expect(checkIn(role, id, 1), role).rejects.toMatchObject({ code: '42501' });
    }
    await expect(checkIn('service', id, -1)).rejects.toThrow(/0 on duty of \d+ planned, so 1 cannot check out/);
    await expect(checkIn('service', id, planned + 1)).rejects.toMatchObject({ code: '22023' });
    await expect(checkIn('service', id, 0)).rejects.toMatchObject({ code: '22023' });
    await expect(checkIn('service', id, null)).rejects.toMatchObject({ code: '22023' });
    await expect(checkIn('service', -5, 1)).rejects.toMatchObject({ code: 'P0002' });
    expect((await engine().sql<{ on_duty: number }>('select on_duty from volunteer_posts where id = $1', [id]))[0].on_duty).toBe(0);
  });

  it('adds up check-ins made at the same moment', async () => {
    const { id, planned } = await post();
    await engine().sql('update volunteer_posts set on_duty = 0 where id = $1', [id]);
    const together = Math.min(planned, 3);
    await Promise.all(Array.from({ length: together }, () => checkIn('service', id, 1)));
    expect((await engine().sql<{ on_duty: number }>('select on_duty from volunteer_posts where id = $1', [id]))[0].on_duty).toBe(together);
  });
});
