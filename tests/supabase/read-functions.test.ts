import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { placeUnder } from '../support/places';

const PINGLIANG_BBOX = [121.505, 31.245, 121.545, 31.275] as const;

describeEachEngine('read functions', (engine) => {
  it('counts every layer', async () => {
    const counts = await engine().as('public').layerCounts();
    expect(counts).toMatchObject({ subdistricts: 4 });
    for (const layer of ['grids', 'micro_grids', 'meta_grids', 'cases', 'fire_stations', 'parking_lots', 'volunteer_posts'] as const) {
      expect(counts[layer], layer).toBeGreaterThan(0);
    }
  });

  it('returns only features inside the bbox, as columns for cases', async () => {
    const data = engine().as('public');
    const all = await data.cases();
    const inBox = await data.cases({ bbox: PINGLIANG_BBOX });
    expect(inBox.length).toBeGreaterThan(0);
    expect(inBox.length).toBeLessThan(all.length);
    for (let i = 0; i < inBox.length; i++) {
      const [lon, lat] = [inBox.positions[2 * i], inBox.positions[2 * i + 1]];
      expect(lon >= PINGLIANG_BBOX[0] && lon <= PINGLIANG_BBOX[2] && lat >= PINGLIANG_BBOX[1] && lat <= PINGLIANG_BBOX[3]).toBe(true);
    }
    const grids = await data.grids('grid', PINGLIANG_BBOX);
    expect(grids.some((g) => g.code === 'PLR-G01')).toBe(true);
    expect(grids.every((g) => g.level === 'grid' && g.geometry.type === 'MultiPolygon')).toBe(true);
  });

  it('filters cases by status, source and ids', async () => {
    const data = engine().as('public');
    const open = await data.cases({ statuses: ['reported', 'registered'], sources: ['resident_qr'] });
    expect(open.length).toBeGreaterThan(0);
    expect([...open.statuses].every((s) => s <= 1)).toBe(true);
    expect([...open.sources].every((s) => s === 0)).toBe(true);
    const two = await data.cases({ ids: [open.ids[0], open.ids[1]] });
    expect([...two.ids].sort((a, b) => a - b)).toEqual([open.ids[0], open.ids[1]].sort((a, b) => a - b));
  });

  it('never caps a read silently: a capped read keeps the newest cases and says so', async () => {
    const data = engine().as('public');
    const all = await data.cases();
    expect(all.capped).toBe(false);
    const newest = [...all.ids].sort((a, b) => b - a).slice(0, 5).reverse();
    const capped = await data.cases({ limit: 5 });
    expect(capped.capped).toBe(true);
    expect([...capped.ids]).toEqual(newest);
    expect((await data.cases({ limit: all.length })).capped).toBe(false);
  });

  it('tells which cases changed after a moment, by the database clock', async () => {
    const data = engine().as('public');
    const { checkedAt } = await data.casesChangedSince(new Date('9999-12-31T00:00:00Z'));
    const [{ id }] = await engine().sql<{ id: number }>(`select id from cases where status = 'handling' order by id limit 1`);
    await engine().as('service').transitionCase(id, 'handling', 'handled', 'checked on site');
    const changed = await data.casesChangedSince(new Date(checkedAt - 1));
    expect(changed.ids).toContain(id);
    expect(changed.checkedAt).toBeGreaterThanOrEqual(checkedAt);
    // The seed's demo clock may run ahead of this server's, so only the moved case is checked.
    expect((await data.casesChangedSince(new Date(changed.checkedAt + 60_000))).ids).not.toContain(id);
  });

  it('counts open cases in a grid and everything below it', async () => {
    const [grid] = await engine().as('public').grids('grid', undefined, undefined).then((gs) => gs.filter((g) => g.code === 'PLR-G01'));
    const [row] = await engine().sql<{ n: number }>(
      `select count(*)::int as n from cases c join grids m on m.id = c.grid_id join grids mi on mi.id = m.parent_id
       where mi.parent_id = $1 and c.status not in ('closed', 'rejected')`, [grid.id]);
    expect(grid.openCases).toBe(row.n);
  });

  it('finds the nearest lots with enough free spaces, nearest first', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const lots = await engine().as('public').nearestParking(place.lon, place.lat, 5, 5);
    expect(lots).toHaveLength(5);
    expect(lots.every((l) => l.freeSpaces >= 5)).toBe(true);
    const distances = lots.map((l) => l.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const [check] = await engine().sql<{ n: number }>(
      `select count(*)::int as n from parking_lots where free_spaces >= 5
       and ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) < $3`,
      [place.lon, place.lat, distances[4] - 0.01]);
    expect(check.n).toBeLessThanOrEqual(4);
  });

  it('summarises KPIs consistently with the rows', async () => {
    const kpis = await engine().as('public').kpis('pingliang_road');
    const [row] = await engine().sql<{ open: number; free: number }>(
      `select (select count(*)::int from cases c join subdistricts s on s.id = c.subdistrict_id
               where s.code = 'pingliang_road' and c.status not in ('closed', 'rejected')) as open,
              (select sum(l.free_spaces)::int from parking_lots l join subdistricts s on ST_Covers(s.geom, l.geom)
               where s.code = 'pingliang_road') as free`);
    expect(kpis.openCases).toBe(row.open);
    expect(kpis.parkingFree).toBe(row.free);
    expect(kpis.closeRate).toBeGreaterThan(0.5);
    expect(kpis.closeRate).toBeLessThanOrEqual(1);
    expect(kpis.onTimeCloseRate).toBeGreaterThan(0);
    expect(kpis.medianCloseHours).toBeGreaterThan(0);
    const whole = await engine().as('public').kpis();
    expect(whole.openCases).toBeGreaterThan(kpis.openCases);
  });

  it('lists parking, fire stations and volunteer posts with typed fields', async () => {
    const data = engine().as('public');
    const [lots, stations, posts] = await Promise.all([data.parkingLots(), data.fireStations(), data.volunteerPosts()]);
    expect(lots.every((l) => l.freeSpaces >= 0 && l.freeSpaces <= l.capacity && Number.isFinite(l.updatedAt))).toBe(true);
    expect(new Set(stations.map((s) => s.kind))).toEqual(new Set(['municipal', 'micro']));
    expect(posts.every((p) => p.dutyKinds.length > 0 && /^\d\d:\d\d$/.test(p.shiftStart))).toBe(true);
  });

  it('keeps each lot at its latest reading', async () => {
    const rows = await engine().sql<{ n: number }>(
      `select count(*)::int as n from parking_lots l
       where l.free_spaces <> (select r.free_spaces from parking_readings r where r.lot_id = l.id order by r.observed_at desc limit 1)`);
    expect(rows[0].n).toBe(0);
  });
});
