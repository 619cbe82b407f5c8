import { expect, it } from 'vitest';
import { asRole, describeEachEngine, ROLES } from '../support/engines';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const MINUTE = 60_000;

interface Alarm {
  case_id: number;
  case_no: string;
  merged: boolean;
  alarm_count: number;
}

describeEachEngine('AI camera alarms', (engine) => {
  const alarm = async (camera: string, kind: string, at: Date | string | null, snapshot: string | null = null, role: keyof typeof ROLES = 'service') =>
    (await asRole(engine(), role, `select * from ingest_camera_alarm($1, $2, $3, $4)`, [camera, kind, at, snapshot]))[0] as unknown as Alarm;
  /** A time two hours ago by the database clock, so a burst fits the accepted window. */
  const hoursAgo = async (hours: number) =>
    (await engine().sql<{ t: Date }>(`select now() - make_interval(hours => $1) as t`, [hours]))[0].t;
  const plus = (t: Date, ms: number) => new Date(t.getTime() + ms);

  it('places twelve cameras, each in the meta-grid at its place', async () => {
    const rows = await engine().sql<{ code: string; level: string; covered: boolean }>(
      `select c.code, g.level::text, ST_Covers(g.geom, c.geom) as covered
       from cameras c left join grids g on g.id = c.grid_id order by c.code`);
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(row, row.code).toMatchObject({ level: 'meta_grid', covered: true });
  });

  it('merges a burst from one camera into one case, and opens a new case more than 10 minutes after the last alarm', async () => {
    const t0 = await hoursAgo(2);
    const first = await alarm('CAM-KJR-02', 'garbage_outside', t0);
    expect(first).toMatchObject({ merged: false, alarm_count: 1 });
    expect(await alarm('CAM-KJR-02', 'garbage_outside', plus(t0, 4 * MINUTE))).toEqual({ ...first, merged: true, alarm_count: 2 });
    expect(await alarm('CAM-KJR-02', 'garbage_outside', plus(t0, 14 * MINUTE)), 'exactly 10 minutes after the last alarm')
      .toEqual({ ...first, merged: true, alarm_count: 3 });
    const later = await alarm('CAM-KJR-02', 'garbage_outside', plus(t0, 24 * MINUTE + 1000));
    expect(later).toMatchObject({ merged: false, alarm_count: 1 });
    expect(later.case_id).not.toBe(first.case_id);

    const [kase] = await engine().sql<{ source: string; category_code: string; camera: string; same_place: boolean; events: number; alarms: number; reported_at: Date }>(
      `select c.source::text, c.category_code, m.code as camera, c.geom = m.geom and c.grid_id = m.grid_id as same_place,
              (select count(*)::int from case_events e where e.case_id = c.id) as events,
              (select count(*)::int from camera_alarms a where a.case_id = c.id) as alarms, c.reported_at
       from cases c join cameras m on m.id = c.camera_id where c.id = $1`, [first.case_id]);
    expect(kase).toEqual({ source: 'ai_camera', category_code: 'E-0105', camera: 'CAM-KJR-02', same_place: true, events: 1, alarms: 3, reported_at: t0 });
  });

  it('opens a separate case for another kind, another camera, or after the case was closed', async () => {
    const t0 = await hoursAgo(3);
    const fire = await alarm('CAM-KJR-03', 'ebike_fire_risk', t0);
    const thrown = await alarm('CAM-KJR-03', 'thrown_object', plus(t0, MINUTE));
    const elsewhere = await alarm('CAM-PPX-03', 'ebike_fire_risk', plus(t0, MINUTE));
    expect(new Set([fire.case_id, thrown.case_id, elsewhere.case_id]).size).toBe(3);
    expect([fire, thrown, elsewhere].map((a) => a.merged)).toEqual([false, false, false]);
    const [categories] = await engine().sql<{ fire: string; thrown: string }>(
      `select (select category_code from cases where id = $1) as fire, (select category_code from cases where id = $2) as thrown`,
      [fire.case_id, thrown.case_id]);
    expect(categories).toEqual({ fire: 'E-0411', thrown: 'E-0601' });

    await engine().as('commander').transitionCase(thrown.case_id, 'reported', 'rejected', '误报 false alarm');
    const again = await alarm('CAM-KJR-03', 'thrown_object', plus(t0, 2 * MINUTE));
    expect(again.merged).toBe(false);
    expect(again.case_id).not.toBe(thrown.case_id);
  });

  it('keeps a snapshot with the case photos, and writes nothing for a bad one', async () => {
    const t0 = await hoursAgo(4);
    const withSnapshot = await alarm('CAM-WLQ-01', 'ebike_fire_risk', t0, PNG);
    const [photo] = await engine().sql<{ status: string; mime: string; created_by_role: string }>(
      'select status::text, mime, created_by_role from case_photos where case_id = $1', [withSnapshot.case_id]);
    expect(photo).toEqual({ status: 'reported', mime: 'image/png', created_by_role: 'service' });
    const before = (await engine().sql<{ n: number }>('select count(*)::int as n from camera_alarms'))[0].n;
    await expect(alarm('CAM-WLQ-01', 'ebike_fire_risk', plus(t0, MINUTE), 'bm90IGFuIGltYWdl')).rejects.toMatchObject({ code: '22023' });
    expect((await engine().sql<{ n: number }>('select count(*)::int as n from camera_alarms'))[0].n).toBe(before);
  });

  it('accepts alarm times in the parking readings window only', async () => {
    const [{ soon, future, old, recent }] = await engine().sql<{ soon: Date; future: Date; old: Date; recent: Date }>(
      `select now() + interval '4 minutes' as soon, now() + interval '6 minutes' as future,
              now() - interval '7 days 1 minute' as old, now() - interval '6 days 23 hours' as recent`);
    await expect(alarm('CAM-WLQ-02', 'garbage_outside', future)).rejects.toMatchObject({
      code: '22023', message: expect.stringMatching(/outside the accepted window \(7 days ago to 5 minutes ahead/),
    });
    for (const bad of [old, null, 'infinity']) {
      await expect(alarm('CAM-WLQ-02', 'garbage_outside', bad), String(bad)).rejects.toMatchObject({ code: '22023' });
    }
    expect(await alarm('CAM-WLQ-02', 'garbage_outside', recent)).toMatchObject({ merged: false });
    const ahead = await alarm('CAM-WLQ-02', 'thrown_object', soon);
    const [row] = await engine().sql<{ not_in_future: boolean }>('select reported_at <= now() as not_in_future from cases where id = $1', [ahead.case_id]);
    expect(row.not_in_future).toBe(true);
  });

  it('takes alarms from the camera platform (service role) only', async () => {
    const t0 = await hoursAgo(5);
    for (const role of ['public', 'resident', 'inspector', 'commander', 'admin'] as const) {
      await expect(alarm('CAM-PLR-02', 'garbage_outside', t0, null, role), role).rejects.toMatchObject({ code: '42501' });
    }
    await expect(engine().sql(`select * from ingest_camera_alarm('CAM-PLR-02', 'garbage_outside', now())`))
      .rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/only the camera platform \(service role\) may send alarms/) });
  });

  it('names an unknown camera or kind, and refuses a switched-off camera', async () => {
    const t0 = await hoursAgo(6);
    await expect(alarm('CAM-NOPE-99', 'garbage_outside', t0)).rejects.toMatchObject({ code: 'P0002', message: expect.stringMatching(/unknown camera 'CAM-NOPE-99'/) });
    await expect(alarm('CAM-PLR-03', 'smoke', t0)).rejects.toMatchObject({
      code: '22023', message: expect.stringMatching(/unknown alarm kind 'smoke': expected one of ebike_fire_risk, garbage_outside, thrown_object/),
    });
    await engine().sql(`update cameras set active = false where code = 'CAM-PLR-03'`);
    try {
      await expect(alarm('CAM-PLR-03', 'thrown_object', t0)).rejects.toMatchObject({ code: '55000' });
    } finally {
      await engine().sql(`update cameras set active = true where code = 'CAM-PLR-03'`);
    }
  });

  it('shows camera places and alarms to staff only', async () => {
    expect(await asRole(engine(), 'inspector', 'select count(*)::int as n from cameras')).toEqual([{ n: 12 }]);
    expect(await asRole(engine(), 'resident', 'select count(*)::int as n from cameras')).toEqual([{ n: 0 }]);
    await expect(asRole(engine(), 'public', 'select * from cameras')).rejects.toThrow(/permission denied/);
    await expect(asRole(engine(), 'public', 'select * from camera_alarms')).rejects.toThrow(/permission denied/);
    expect((await asRole(engine(), 'public', 'select count(*)::int as n from camera_alarm_kinds'))[0]).toEqual({ n: 3 });
  });
});
