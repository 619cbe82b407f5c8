import { expect, it } from 'vitest';
import { parkingFee } from '../../../src/lib/parking/fee';

it('tells free parking, a price per hour and an unknown fee apart', () => {
  expect(parkingFee(0)).toEqual({ kind: 'free' });
  expect(parkingFee(8)).toEqual({ kind: 'per_hour', cny: 8 });
  expect(parkingFee(0.5)).toEqual({ kind: 'per_hour', cny: 0.5 });
  expect(parkingFee(null)).toEqual({ kind: 'unknown' });
});

it('never shows a nonsense fee as a price', () => {
  expect(parkingFee(Number.NaN)).toEqual({ kind: 'unknown' });
  expect(parkingFee(-1)).toEqual({ kind: 'unknown' });
});
