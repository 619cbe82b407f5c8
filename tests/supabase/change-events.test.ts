import { expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/lib/data/types';
import { describeEachEngine } from '../support/engines';
import { firstCategory, placeUnder } from '../support/places';

describeEachEngine('change events', (engine) => {
  async function collect(action: () => Promise<unknown>, until: (events: ChangeEvent[]) => boolean): Promise<ChangeEvent[]> {
    const events: ChangeEvent[] = [];
    const unsubscribe = engine().as('public').subscribe((e) => events.push(e));
    await new Promise((r) => setTimeout(r, 200));
    await action();
    const deadline = Date.now() + 5000;
    while (!until(events) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    unsubscribe();
    return events;
  }

  it('emits one compact event for a new case and one for each of its changes', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    let id = 0;
    const events = await collect(async () => {
      ({ id } = await engine().as('public').reportCase({ categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: 'live' }));
      await engine().as('inspector').transitionCase(id, 'reported', 'registered');
    }, (es) => es.length >= 2);
    const forCase = events.filter((e) => e.table === 'cases' && e.row_id === id);
    expect(forCase.map((e) => e.op)).toEqual(['INSERT', 'UPDATE']);
    expect(Object.keys(forCase[0]).sort()).toEqual(['at', 'op', 'row_id', 'table']);
  });

  it('emits one event for a statement that changes many rows, carrying their ids, 500 an event', async () => {
    const ids = (await engine().sql<{ id: number }>('select id from grids order by id limit 1100')).map((g) => g.id);
    const forGrids = (events: ChangeEvent[]) => events.filter((e) => e.table === 'grids');
    const events = await collect(() => engine().sql('update grids set name_en = name_en where id = any($1)', [ids]), (es) => forGrids(es).length >= 3);
    expect(forGrids(events).map((e) => [e.op, e.row_ids?.length])).toEqual([['UPDATE', 500], ['UPDATE', 500], ['UPDATE', 100]]);
    expect(forGrids(events).flatMap((e) => e.row_ids)).toEqual(ids);
  });

  it('emits an event for the lot when a parking reading arrives', async () => {
    const [lot] = await engine().sql<{ id: number }>('select id from parking_lots order by id desc limit 1');
    const events = await collect(() => engine().as('service').recordParkingReading(lot.id, 0), (es) => es.length >= 1);
    expect(events).toContainEqual(expect.objectContaining({ table: 'parking_lots', op: 'UPDATE', row_id: lot.id }));
  });
});
