import { expect, it } from 'vitest';
import { asRole, describeEachEngine } from '../support/engines';

describeEachEngine('column rights and quiet bulk loads', (engine) => {
  it('lets commanders change a volunteer post duty count and nothing else', async () => {
    const [post] = await engine().sql<{ id: number }>('select id from volunteer_posts order by id limit 1');
    const rows = await asRole(engine(), 'commander', `update volunteer_posts set on_duty = 2, updated_at = now() where id = ${post.id} returning on_duty`);
    expect(rows).toEqual([{ on_duty: 2 }]);
    await expect(asRole(engine(), 'commander', `update volunteer_posts set name_zh = '改名' where id = ${post.id}`))
      .rejects.toThrow(/role commander may change only on_duty, updated_at of volunteer_posts; not name_zh/);
    await expect(asRole(engine(), 'commander', `update volunteer_posts set geom = ST_Translate(geom, 0.0001, 0) where id = ${post.id}`))
      .rejects.toThrow(/not geom/);
    expect(await asRole(engine(), 'admin', `update volunteer_posts set name_en = 'Renamed' where id = ${post.id} returning name_en`)).toEqual([{ name_en: 'Renamed' }]);
  });

  it('keeps the demo clock out of the API, service role included', async () => {
    await expect(asRole(engine(), 'service', 'select bring_demo_data_to_now()')).rejects.toThrow(/permission denied/);
  });

  it('emits no change events while a bulk load runs', async () => {
    const events: unknown[] = [];
    const unlisten = await engine().db.listen('citygrid_changes', (p) => events.push(p));
    await engine().db.transaction(async (tx) => {
      await tx.query(`select set_config('citygrid.bulk_load', 'on', true)`);
      await tx.query(`update parking_lots set name_en = name_en || ' ' where id in (select id from parking_lots order by id limit 20)`);
    });
    await engine().db.transaction(async (tx) => {
      await tx.query(`update parking_lots set free_spaces = free_spaces where id = (select min(id) from parking_lots)`);
    });
    await expect.poll(() => events.length, { timeout: 5000 }).toBe(1);
    await unlisten();
  });
});
