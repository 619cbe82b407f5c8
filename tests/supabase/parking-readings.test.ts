import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';

describeEachEngine('parking readings', (engine) => {
  async function lot(offset: number) {
    const [row] = await engine().sql<{ id: number; capacity: number }>(
      'select id, capacity from parking_lots order by id offset $1 limit 1', [offset]);
    return row;
  }
  const current = async (id: number) =>
    (await engine().sql<{ free_spaces: number; updated_at: Date }>('select free_spaces, updated_at from parking_lots where id = $1', [id]))[0];
  const readings = async (id: number) =>
    (await engine().sql<{ n: number }>('select count(*)::int as n from parking_readings where lot_id = $1', [id]))[0].n;

  it('refuses readings dated in the future, at infinity or in the distant past, and nothing freezes the lot', async () => {
    const { id, capacity } = await lot(3);
    const service = engine().as('service');
    const before = await readings(id);
    for (const when of ['2099-01-01T00:00:00Z', 'infinity', '-infinity', '4713-01-01 BC', new Date(Date.now() + 10 * 60_000).toISOString()]) {
      await expect(engine().db.transaction(async (tx) => {
        await tx.query('set local role service_role');
        return tx.query('select record_parking_reading($1, $2, $3::timestamptz)', [id, 1, when]);
      }), when).rejects.toThrow(/outside the accepted window \(7 days ago to 5 minutes ahead of/);
    }
    expect(await readings(id)).toBe(before);
    await service.recordParkingReading(id, capacity - 2);
    expect((await current(id)).free_spaces).toBe(capacity - 2);
  });

  it('accepts a small clock skew and keeps a late reading as history without moving the lot back', async () => {
    const { id, capacity } = await lot(4);
    const service = engine().as('service');
    await service.recordParkingReading(id, capacity - 1, new Date(Date.now() + 2 * 60_000));
    const now = await current(id);
    expect(now.free_spaces).toBe(capacity - 1);
    const lateAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3 * 3600_000 + 1);
    await service.recordParkingReading(id, 0, lateAt);
    expect(await current(id)).toEqual(now);
    const [late] = await engine().sql<{ n: number }>(
      'select count(*)::int as n from parking_readings where lot_id = $1 and observed_at = $2', [id, lateAt.toISOString()]);
    expect(late.n).toBe(1);
  });

  it('dates a reading without a time by the database clock, not the caller', async () => {
    const { id } = await lot(5);
    await engine().db.transaction(async (tx) => {
      await tx.query('set local role service_role');
      await tx.query('select record_parking_reading($1, $2)', [id, 1]);
    });
    const { updated_at } = await current(id);
    expect(Math.abs(new Date(updated_at).getTime() - Date.now())).toBeLessThan(60_000);
  });
});
