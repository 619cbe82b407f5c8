import { describe, expect, it } from 'vitest';
import { freeSpacesSlopePerMin, likelyFullInMin, type Reading } from '../../../src/lib/parking/full-forecast';

const T = Date.UTC(2026, 10, 24, 9, 0);
/** Readings every `stepMin` minutes ending at T, with these free spaces. */
const series = (stepMin: number, frees: number[]): Reading[] =>
  frees.map((freeSpaces, i) => ({ at: T - (frees.length - 1 - i) * stepMin * 60_000, freeSpaces }));

describe('likely full in about N minutes', () => {
  it('fits the slope by least squares', () => {
    expect(freeSpacesSlopePerMin(series(15, [40, 30, 20, 10]))).toBeCloseTo(-10 / 15, 10);
    expect(freeSpacesSlopePerMin(series(15, [10]))).toBeNull();
    expect(freeSpacesSlopePerMin([{ at: T, freeSpaces: 1 }, { at: T, freeSpaces: 2 }])).toBeNull();
  });

  it('extrapolates a steady fall to zero, rounded to 5 minutes', () => {
    // Losing 10 spaces every 15 minutes with 10 left: 15 minutes.
    expect(likelyFullInMin(series(15, [40, 30, 20, 10]), 10)).toBe(15);
    // A noisy fall fitted at 1.9 a quarter-hour (-0.1267/min) with 12 left: 94.7 minutes.
    expect(likelyFullInMin(series(15, [20, 17, 16, 14, 12]), 12)).toBe(95);
  });

  it('says nothing when free spaces are rising or steady', () => {
    expect(likelyFullInMin(series(15, [10, 20, 30, 40]), 40)).toBeNull();
    expect(likelyFullInMin(series(15, [20, 20, 20, 20]), 20)).toBeNull();
  });

  it('says nothing with too few readings or too short a span', () => {
    expect(likelyFullInMin(series(15, [30, 20, 10]), 10)).toBeNull();
    expect(likelyFullInMin(series(5, [40, 30, 20, 10, 5]), 5)).toBeNull();
  });

  it('uses only the last hour before the newest reading, whatever the device clock says', () => {
    // A morning rush hours ago does not make a flat hour look like it is filling.
    const old = series(15, [90, 70, 50, 30]).map((r) => ({ ...r, at: r.at - 3 * 3600_000 }));
    expect(likelyFullInMin([...old, ...series(15, [30, 30, 30, 30, 30])], 30)).toBeNull();
  });

  it('says nothing past two hours, nor for a lot already full', () => {
    expect(likelyFullInMin(series(15, [104, 103, 102, 101, 100]), 100)).toBeNull();
    expect(likelyFullInMin(series(15, [3, 2, 1, 0]), 0)).toBeNull();
  });
});
