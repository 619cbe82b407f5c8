import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';

describeEachEngine('demo clock', (engine) => {
  it('moves every demo timestamp forward so the newest reading is now, keeping all rows and their spacing', async () => {
    const snapshot = `select (select count(*)::int from parking_readings) as readings, (select count(*)::int from case_events) as events,
      (select extract(epoch from max(reported_at) - min(reported_at))::float8 from cases) as span_s,
      (select extract(epoch from now() - max(observed_at))::float8 from parking_readings) as age_s`;
    await engine().db.transaction(async (tx) => {
      await tx.query(`set local session_replication_role = replica`);
      await tx.query(`update cases set reported_at = reported_at - interval '2 days', due_at = due_at - interval '2 days'`);
      await tx.query(`update parking_lots set updated_at = updated_at - interval '2 days'`);
      await tx.query(`with moved as (delete from parking_readings returning *)
                      insert into parking_readings select lot_id, observed_at - interval '2 days', free_spaces from moved`);
    });
    const before = (await engine().sql<{ readings: number; events: number; span_s: number; age_s: number }>(snapshot))[0];
    const [{ shift_s }] = await engine().sql<{ shift_s: number }>(`select extract(epoch from bring_demo_data_to_now())::float8 as shift_s`);
    // The newest reading may sit minutes ahead (clock skew other tests record), so compare with its age.
    expect(Math.abs(shift_s - before.age_s)).toBeLessThan(5);
    expect(shift_s).toBeGreaterThan(2 * 86_400 - 600);
    const after = (await engine().sql<{ readings: number; events: number; span_s: number; age_s: number }>(snapshot))[0];
    expect(after.readings).toBe(before.readings);
    expect(after.events).toBe(before.events);
    expect(after.age_s).toBeLessThan(5);
    expect(after.span_s).toBeCloseTo(before.span_s, 3);
    const [{ stale }] = await engine().sql<{ stale: number }>(
      `select count(*)::int as stale from parking_lots l
       where l.updated_at <> (select max(r.observed_at) from parking_readings r where r.lot_id = l.id)`);
    expect(stale).toBe(0);
  });

  it('is not callable through the API', async () => {
    await expect(engine().db.transaction(async (tx) => {
      await tx.query('set local role anon');
      return tx.query('select bring_demo_data_to_now()');
    })).rejects.toThrow(/permission denied/);
  });
});
