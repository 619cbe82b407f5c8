import { describe, expect, it, vi } from 'vitest';
import { DataError } from '../../../src/lib/data/rpc';
import type { ChangeEvent, CitygridData, NearbyParkingLot, ParkingReading } from '../../../src/lib/data/types';
import { geolocationProblem, ParkingFinder } from '../../../src/lib/parking/parking-finder.svelte';

const lot = (id: number, freeSpaces: number, distanceM: number): NearbyParkingLot => ({
  id, code: `PK-${id}`, kind: 'public', nameZh: `${id}号`, nameEn: `No. ${id}`, capacity: 50, freeSpaces, feePerHourCny: 5,
  hours: '00:00-24:00', lon: 121.5, lat: 31.28, updatedAt: 0, distanceM, openNow: true, ageS: 60, stale: false,
});

/** A data source over a table of lots: the nearest read lists those with free spaces, the by-id read any. */
function fakeData(lots: Map<number, NearbyParkingLot>) {
  const calls: string[] = [];
  let listener: (event: ChangeEvent) => void = () => {};
  const data = {
    nearestParking: async () => (calls.push('nearest'), [...lots.values()].filter((l) => l.freeSpaces > 0)),
    parkingSeenFrom: async (_lon: number, _lat: number, ids: number[]) => (calls.push(`seen ${ids}`), ids.map((id) => lots.get(id)!)),
    parkingHistory: async (ids: number[]): Promise<ParkingReading[]> => (calls.push(`history ${ids}`), ids.map((lotId) => ({ lotId, at: 1, freeSpaces: 1 }))),
    subscribe: (l: (event: ChangeEvent) => void) => ((listener = l), () => {}),
  } as unknown as CitygridData;
  return { data, calls, emit: (event: ChangeEvent) => listener(event) };
}

describe('the parking finder', () => {
  it('lists the nearest lots, then moves a changed lot’s number in place, full or not', async () => {
    const lots = new Map([[1, lot(1, 5, 10)], [2, lot(2, 8, 20)], [3, lot(3, 0, 5)]]);
    const { data, calls, emit } = fakeData(lots);
    const finder = new ParkingFinder(data);
    const stop = finder.start();
    await finder.findFrom({ lon: 121.5, lat: 31.28, from: 'map' });
    expect(finder.lots.map((l) => l.id)).toEqual([1, 2]);
    expect([...finder.readings.keys()]).toEqual([1, 2]);

    lots.set(1, lot(1, 0, 10));
    emit({ table: 'parking_lots', op: 'UPDATE', at: '', row_ids: [1, 3] });
    await vi.waitFor(() => expect(finder.lots.map((l) => [l.id, l.freeSpaces])).toEqual([[1, 0], [2, 8]]));
    expect(calls).toContain('seen 1');
    expect(calls).toContain('history 1');

    calls.length = 0;
    emit({ table: 'parking_lots', op: 'UPDATE', at: '', row_id: 3 });
    emit({ table: 'cases', op: 'UPDATE', at: '', row_id: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([]);
    stop();
  });

  it('shows the answer to the last point asked, whichever answers first', async () => {
    const { data } = fakeData(new Map([[1, lot(1, 5, 10)]]));
    let release: () => void = () => {};
    const slow = { ...data, nearestParking: () => new Promise<NearbyParkingLot[]>((resolve) => (release = () => resolve([lot(9, 9, 9)]))) };
    const finder = new ParkingFinder(slow as CitygridData);
    const first = finder.findFrom({ lon: 1, lat: 1, from: 'map' });
    Object.assign(slow, { nearestParking: data.nearestParking });
    await finder.findFrom({ lon: 121.5, lat: 31.28, from: 'me' });
    release();
    await first;
    expect(finder.lots.map((l) => l.id)).toEqual([1]);
    expect(finder.origin?.from).toBe('me');
    expect(finder.loading).toBe(false);
  });

  it('says a point is outside the service area, and passes other failures on in the source’s words', async () => {
    const failing = (error: Error) => ({ ...fakeData(new Map()).data, nearestParking: async () => Promise.reject(error) }) as CitygridData;
    const outside = new ParkingFinder(failing(new DataError('location (121.6, 31.2) is outside the service area: …', '22023', 'nearest_parking')));
    await outside.findFrom({ lon: 121.6, lat: 31.2, from: 'map' });
    expect(outside.problem).toEqual({ key: 'parkingOutsideArea' });
    const offline = new ParkingFinder(failing(new Error('Failed to fetch')));
    await offline.findFrom({ lon: 121.5, lat: 31.28, from: 'map' });
    expect(offline.problem).toEqual({ key: 'parkingReadFailed', reason: 'Failed to fetch' });
  });

  it('explains each way locating can fail', () => {
    const error = (code: number) => ({ code, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: '' }) as GeolocationPositionError;
    expect(geolocationProblem(error(1))).toEqual({ key: 'parkingGeoDenied' });
    expect(geolocationProblem(error(2))).toEqual({ key: 'parkingGeoUnavailable' });
    expect(geolocationProblem(error(3))).toEqual({ key: 'parkingGeoTimeout' });
    expect(geolocationProblem(null)).toEqual({ key: 'parkingGeoUnsupported' });
  });
});
