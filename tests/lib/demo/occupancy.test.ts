import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/lib/geo/seeded-random';
import { nextFreeSpaces, plannedOnDuty, shanghaiHour, usualOccupancy, volunteerMove, type LotState } from '../../../src/lib/demo/occupancy';

/** Plays a lot from `hour` for `minutes` in steps of `stepMinutes`, as a sensor reporting at that rate. */
function play(lot: LotState, hour: number, minutes: number, stepMinutes = 5, seed = 7): LotState {
  const random = seededRandom(seed);
  let state = lot;
  for (let t = 0; t < minutes; t += stepMinutes) {
    state = { ...state, freeSpaces: nextFreeSpaces(state, (hour + t / 60) % 24, stepMinutes, random) };
  }
  return state;
}

const occupancy = (lot: LotState) => 1 - lot.freeSpaces / lot.capacity;

describe('time of day', () => {
  it('reads the hour in Shanghai (UTC+8) whatever the machine’s zone', () => {
    expect(shanghaiHour(Date.UTC(2026, 10, 24, 0, 0))).toBe(8);
    expect(shanghaiHour(Date.UTC(2026, 10, 24, 16, 30))).toBe(0.5);
    expect(shanghaiHour(Date.UTC(2026, 10, 24, 11, 45))).toBe(19.75);
  });

  it('fills residential lots in the evening, public lots by day, and opens shared lots at night', () => {
    expect(usualOccupancy('residential', 21)).toBeGreaterThan(usualOccupancy('residential', 11) + 0.3);
    expect(usualOccupancy('public', 11)).toBeGreaterThan(usualOccupancy('public', 3) + 0.5);
    expect(usualOccupancy('shared', 11)).toBeGreaterThan(0.9);
    expect(usualOccupancy('shared', 2)).toBeLessThan(0.7);
  });

  it('moves smoothly between hours', () => {
    for (const kind of ['residential', 'public', 'shared', 'on_street'] as const) {
      for (let h = 0; h < 24; h += 0.25) {
        const step = Math.abs(usualOccupancy(kind, (h + 0.25) % 24) - usualOccupancy(kind, h));
        expect(step, `${kind} at ${h}`).toBeLessThan(0.1);
      }
    }
    expect(usualOccupancy('public', 9.5)).toBeCloseTo((0.83 + 0.88) / 2);
  });
});

describe('parking sensors', () => {
  it('repeats a run exactly from the same seed', () => {
    const lot: LotState = { kind: 'public', capacity: 200, freeSpaces: 150 };
    expect(play(lot, 8, 120, 5, 42)).toEqual(play(lot, 8, 120, 5, 42));
    expect(play(lot, 8, 120, 5, 42)).not.toEqual(play(lot, 8, 120, 5, 43));
  });

  it('fills an empty public lot through the morning and a residential one through the evening', () => {
    const morning = play({ kind: 'public', capacity: 300, freeSpaces: 270 }, 7, 4 * 60);
    expect(occupancy(morning)).toBeGreaterThan(0.75);
    const evening = play({ kind: 'residential', capacity: 200, freeSpaces: 120 }, 16, 5 * 60);
    expect(occupancy(evening)).toBeGreaterThan(0.8);
  });

  it('frees a shared lot when the offices close in the evening', () => {
    const day = play({ kind: 'shared', capacity: 400, freeSpaces: 30 }, 17, 2 * 60);
    expect(occupancy(day)).toBeLessThan(0.6);
  });

  it('settles at the same level whether a sensor reports every minute or every 15', () => {
    const lot: LotState = { kind: 'residential', capacity: 500, freeSpaces: 400 };
    const often = play(lot, 20, 3 * 60, 1);
    const seldom = play(lot, 20, 3 * 60, 15);
    expect(Math.abs(occupancy(often) - occupancy(seldom))).toBeLessThan(0.05);
  });

  it('never reports fewer than 0 or more free spaces than the lot has', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 2000; i++) {
      const capacity = random.int(1, 40);
      const lot: LotState = { kind: random.pick(['public', 'residential', 'shared', 'on_street'] as const), capacity, freeSpaces: random.int(0, capacity) };
      const free = nextFreeSpaces(lot, random.range(0, 24), random.range(0, 600), random);
      expect(Number.isInteger(free) && free >= 0 && free <= capacity, JSON.stringify({ lot, free })).toBe(true);
    }
  });

  it('keeps cars coming and going while the level holds, without drifting', () => {
    const random = seededRandom(3);
    let lot: LotState = { kind: 'public', capacity: 400, freeSpaces: Math.round(400 * (1 - usualOccupancy('public', 11))) };
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) {
      lot = { ...lot, freeSpaces: nextFreeSpaces(lot, 11, 5, random) };
      seen.add(lot.freeSpaces);
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(Math.abs(occupancy(lot) - 0.88)).toBeLessThan(0.05);
  });
});

describe('volunteers', () => {
  const post = { onDuty: 0, planned: 4, shiftStart: '17:30:00', shiftEnd: '21:30:00' };

  it('plans everyone on duty during the shift and nobody outside it', () => {
    expect(plannedOnDuty(post, 17.25)).toBe(0);
    expect(plannedOnDuty(post, 17.5)).toBe(4);
    expect(plannedOnDuty(post, 21.49)).toBe(4);
    expect(plannedOnDuty(post, 21.5)).toBe(0);
  });

  it('checks people in one at a time towards the plan, and out after the shift', () => {
    const random = seededRandom(9);
    expect(volunteerMove(post, 18, random, 1)).toBe(1);
    expect(volunteerMove({ ...post, onDuty: 4 }, 18, random, 1)).toBe(0);
    expect(volunteerMove({ ...post, onDuty: 4 }, 22, random, 1)).toBe(-1);
    expect(volunteerMove(post, 22, random, 1)).toBe(0);
    expect(volunteerMove(post, 18, random, 0)).toBe(0);
  });
});
