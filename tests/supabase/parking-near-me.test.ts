import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NearbyParkingLot } from '../../src/lib/data/types';
import { describeEachEngine } from '../support/engines';
import { placeUnder, type Place } from '../support/places';

describeEachEngine('parking near me', (engine) => {
  let place: Place;
  const made: number[] = [];

  /** A lot of our own, `eastM` metres east of the place, with its number just read (or `ageMin` old). */
  async function lot(code: string, eastM: number, free: number, fee: number | null, ageMin = 0): Promise<number> {
    const [row] = await engine().sql<{ id: number }>(
      `insert into parking_lots (code, kind, name_zh, name_en, capacity, free_spaces, fee_per_hour_cny, hours, geom, updated_at)
       values ($1, 'public', $1 || '测试停车场', 'Test car park ' || $1, 50, $2, $3, '00:00-24:00',
               ST_Project(ST_SetSRID(ST_MakePoint($4, $5), 4326)::geography, $6::float8, radians($7::float8))::geometry,
               now() - make_interval(mins => $8::int))
       returning id`,
      [code, free, fee, place.lon, place.lat, Math.abs(eastM), eastM < 0 ? 270 : 90, ageMin],
    );
    made.push(row.id);
    return row.id;
  }

  /** Every lot with enough free spaces by exact geodesic distance, ties by id: what the KNN must agree with. */
  async function bruteForce(lon: number, lat: number, minFree: number, limit: number) {
    return engine().sql<{ id: number }>(
      `select id from parking_lots where free_spaces >= $3
       order by ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography), id limit $4`,
      [lon, lat, minFree, limit]);
  }

  beforeAll(async () => {
    place = await placeUnder(engine(), 'KJR-G01');
  });
  afterAll(async () => {
    if (made.length) await engine().sql('delete from parking_lots where id = any($1)', [made]);
  });

  it('lists lots nearest first by straight-line distance, ties by id, exactly as a full scan would', async () => {
    const west = await lot('TIE-W', -30, 5, 3);
    const east = await lot('TIE-E', 30, 5, 3);
    const lots = await engine().as('public').nearestParking(place.lon, place.lat, 1, 10);
    expect(lots.slice(0, 2).map((l) => l.id)).toEqual([Math.min(west, east), Math.max(west, east)]);
    expect(lots[0].distanceM).toBeCloseTo(30, 0);
    expect(lots[0].distanceM).toBe(lots[1].distanceM);
    expect(lots.map((l) => l.id)).toEqual((await bruteForce(place.lon, place.lat, 1, 10)).map((r) => r.id));
  });

  it('agrees with a full scan from points all over the service area, where degrees of longitude are shorter than of latitude', async () => {
    const points = await engine().sql<{ lon: number; lat: number }>(
      `select ST_X(p) as lon, ST_Y(p) as lat from grids g cross join lateral ST_PointOnSurface(g.geom) p
       where g.level = 'micro_grid' order by g.id`);
    expect(points.length).toBeGreaterThan(20);
    const data = engine().as('public');
    for (const { lon, lat } of points.filter((_, i) => i % 3 === 0)) {
      const lots = await data.nearestParking(lon, lat, 20, 7);
      expect(lots.map((l) => l.id), `${lon},${lat}`).toEqual((await bruteForce(lon, lat, 20, 7)).map((r) => r.id));
    }
  });

  it('leaves full lots out of the list and shows them when re-read by id', async () => {
    const full = await lot('FULL', 10, 0, 3);
    const data = engine().as('public');
    const lots = await data.nearestParking(place.lon, place.lat, 1, 5);
    expect(lots.map((l) => l.id)).not.toContain(full);
    const [seen] = await data.parkingSeenFrom(place.lon, place.lat, [full]);
    expect(seen).toMatchObject({ id: full, freeSpaces: 0 });
    expect(seen.distanceM).toBeCloseTo(10, 0);
  });

  it('marks stale numbers and keeps them in the list, with their age by the database clock', async () => {
    const stale = await lot('STALE', 12, 7, 3, 120);
    const fresh = await lot('FRESH', 14, 7, 3, 1);
    const lots = await engine().as('public').nearestParking(place.lon, place.lat, 1, 5);
    const byId = new Map(lots.map((l): [number, NearbyParkingLot] => [l.id, l]));
    expect(byId.get(stale)).toMatchObject({ stale: true });
    expect(byId.get(stale)!.ageS).toBeGreaterThan(119 * 60);
    expect(byId.get(fresh)).toMatchObject({ stale: false });
    expect(byId.get(fresh)!.ageS).toBeLessThan(5 * 60);
  });

  it('tells free, a price and an unknown fee apart', async () => {
    const ids = [await lot('FEE-0', 16, 3, 0), await lot('FEE-5', 17, 3, 5), await lot('FEE-NULL', 18, 3, null)];
    const lots = await engine().as('public').parkingSeenFrom(place.lon, place.lat, ids);
    expect(lots.map((l) => [l.code, l.feePerHourCny])).toEqual([['FEE-0', 0], ['FEE-5', 5], ['FEE-NULL', null]]);
  });

  it('answers from just outside the service area and refuses points far from it', async () => {
    const [edge] = await engine().sql<{ lon: number; lat: number; gap: number }>(
      `with s as (select geom from subdistricts where code = 'kongjiang_road'),
            p as (select ST_SetSRID(ST_MakePoint(ST_XMax(s.geom) + 0.008, ST_Y(ST_PointN(ST_ExteriorRing(ST_GeometryN(s.geom, 1)), 1))), 4326) as p from s)
       select ST_X(p) as lon, ST_Y(p) as lat, (select min(ST_Distance(x.geom::geography, p::geography)) from subdistricts x) as gap from p`);
    expect(edge.gap).toBeGreaterThan(100);
    expect(edge.gap).toBeLessThan(2000);
    const lots = await engine().as('public').nearestParking(edge.lon, edge.lat, 1, 3);
    expect(lots).toHaveLength(3);
    expect(lots[0].distanceM).toBeGreaterThan(edge.gap - 1);
    for (const [lon, lat] of [[121.6, 31.2], [116.404, 39.915]]) {
      await expect(engine().as('public').nearestParking(lon, lat)).rejects.toThrow(/outside the service area/);
    }
  });

  it('says whether hours include a moment, in Shanghai time, across midnight too', async () => {
    const cases: [string, string, boolean][] = [
      ['07:00-21:00', '2026-11-24 06:59+08', false],
      ['07:00-21:00', '2026-11-24 07:00+08', true],
      ['07:00-21:00', '2026-11-24 20:59+08', true],
      ['07:00-21:00', '2026-11-24 21:00+08', false],
      ['07:00-21:00', '2026-11-24 23:00Z', true], // 07:00 on the 25th in Shanghai
      ['22:00-07:00', '2026-11-24 23:30+08', true],
      ['22:00-07:00', '2026-11-24 06:30+08', true],
      ['22:00-07:00', '2026-11-24 12:00+08', false],
      ['00:00-24:00', '2026-11-24 00:00+08', true],
      ['00:00-24:00', '2026-11-24 23:59+08', true],
    ];
    for (const [hours, at, open] of cases) {
      const [row] = await engine().sql<{ open: boolean }>('select parking_open_at($1, $2::timestamptz) as open', [hours, at]);
      expect(row.open, `${hours} at ${at}`).toBe(open);
    }
  });

  it('reads a lot’s readings of the last day, oldest first, and refuses oversized asks', async () => {
    // Its number is its newest reading, as for every lot (other suites check that while this one runs).
    const id = await lot('HISTORY', 20, 4, 3);
    for (const [hoursAgo, free] of [[30, 1], [3, 2], [2, 3], [1, 4]]) {
      await engine().sql(`insert into parking_readings (lot_id, observed_at, free_spaces) values ($1, now() - make_interval(hours => $2), $3)`, [id, hoursAgo, free]);
    }
    const readings = await engine().as('public').parkingHistory([id]);
    expect(readings.map((r) => r.freeSpaces)).toEqual([2, 3, 4]);
    expect(readings.every((r, i) => i === 0 || r.at > readings[i - 1].at)).toBe(true);
    await expect(engine().as('public').parkingHistory(Array.from({ length: 101 }, (_, i) => i))).rejects.toThrow(/1 to 100 lot ids/);
    await expect(engine().as('public').parkingHistory([id], 0)).rejects.toThrow(/invalid hours 0/);
  });

  it('finds places by name or code, whole and leading matches first, and takes SQL-looking text as text', async () => {
    const data = engine().as('public');
    const kongjiang = await data.searchParkingPlaces('控江路');
    expect(kongjiang[0]).toMatchObject({ kind: 'subdistrict', code: 'kongjiang_road' });
    expect(kongjiang.some((p) => p.kind === 'lot' && p.nameZh.includes('控江路'))).toBe(true);
    expect((await data.searchParkingPlaces('pk-kjr-001', 3))[0]).toMatchObject({ kind: 'lot', code: 'PK-KJR-001' });
    expect((await data.searchParkingPlaces('Pingliang Road Grid 1'))[0]).toMatchObject({ kind: 'grid', code: 'PLR-G01' });
    expect(await data.searchParkingPlaces('%')).toEqual([]);
    // An underscore is a character, not a wildcard: only places with one in their name or code come back.
    const underscored = await data.searchParkingPlaces('_', 50);
    expect(underscored.filter((p) => ![p.code, p.nameZh, p.nameEn].some((text) => text.includes('_')))).toEqual([]);
    expect(underscored.map((p) => p.code)).toEqual(expect.arrayContaining(['kongjiang_road', 'pengpu_xincun', 'pingliang_road']));
    expect((await data.searchParkingPlaces('路', 50)).length).toBe(50);
    expect(await data.searchParkingPlaces("'; drop table parking_lots; --")).toEqual([]);
    await expect(data.searchParkingPlaces('  ')).rejects.toThrow(/1 to 60 characters/);
    await expect(data.searchParkingPlaces('路'.repeat(61))).rejects.toThrow(/1 to 60 characters/);
  });
});
