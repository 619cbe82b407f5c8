import { expect, it } from 'vitest';
import type { ParkingLot } from '../../../src/lib/data/types';
import { parkingState } from '../../../src/lib/overlays/parking';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const lot = (freeSpaces: number, minutesOld = 5): ParkingLot => ({
  id: 1, code: 'P1', kind: 'public', nameZh: '停车场', nameEn: 'Lot', capacity: 100, freeSpaces,
  feePerHourCny: 10, hours: '00:00-24:00', lon: 121.5, lat: 31.26, updatedAt: NOW - minutesOld * 60_000,
});

it('colours lots by free-space ratio and greys out stale numbers', () => {
  expect(parkingState(lot(50), NOW)).toBe('ample');
  expect(parkingState(lot(20), NOW)).toBe('tight');
  expect(parkingState(lot(10), NOW)).toBe('full');
  expect(parkingState(lot(0), NOW)).toBe('full');
  expect(parkingState(lot(50, 31), NOW)).toBe('stale');
  expect(parkingState({ ...lot(50), updatedAt: NaN }, NOW)).toBe('stale');
});
