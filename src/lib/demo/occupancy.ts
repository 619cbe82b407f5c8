/**
 * How parking lots fill and empty, and when volunteers are on duty, by the
 * time of day in Shanghai: the pure model behind the demo feed.
 */
import type { SeededRandom } from '../geo/seeded-random';
import type { ParkingLot } from '../data/types';

export type LotKind = ParkingLot['kind'];

/** Share of spaces taken at each hour (0–23, Shanghai time); between hours the level is interpolated. */
const OCCUPIED_BY_HOUR: Record<LotKind, readonly number[]> = {
  // Residents drive to work in the morning and come home in the evening.
  residential: [0.94, 0.95, 0.95, 0.95, 0.94, 0.9, 0.8, 0.64, 0.52, 0.46, 0.44, 0.44, 0.46, 0.45, 0.45, 0.48, 0.55, 0.67, 0.8, 0.88, 0.91, 0.93, 0.94, 0.94],
  // Offices, shops and visitors by day, nearly empty at night.
  public: [0.18, 0.14, 0.12, 0.11, 0.11, 0.14, 0.25, 0.46, 0.7, 0.83, 0.88, 0.88, 0.84, 0.87, 0.88, 0.86, 0.8, 0.71, 0.62, 0.55, 0.47, 0.38, 0.29, 0.22],
  // Office lots shared off-peak: full of staff by day, opened to residents in the evening and at night.
  shared: [0.58, 0.58, 0.58, 0.57, 0.55, 0.5, 0.47, 0.62, 0.86, 0.93, 0.94, 0.93, 0.9, 0.93, 0.94, 0.91, 0.84, 0.66, 0.44, 0.38, 0.43, 0.5, 0.55, 0.57],
  // Kerbside bays follow the street's shops and errands.
  on_street: [0.3, 0.25, 0.22, 0.2, 0.2, 0.24, 0.4, 0.62, 0.8, 0.88, 0.9, 0.9, 0.86, 0.88, 0.9, 0.9, 0.88, 0.85, 0.8, 0.72, 0.6, 0.5, 0.42, 0.35],
};

/** Minutes for a lot to cover about two thirds of the way to the level of the hour. */
const SETTLE_MINUTES = 40;
/** Cars that come and go an hour per space while the level holds: the noise around the trend. */
const TURNOVER_PER_HOUR = 0.12;
/** Shanghai keeps UTC+8 all year. */
const SHANGHAI_OFFSET_HOURS = 8;

/** The hour of the day in Shanghai at `ms` (epoch milliseconds), with its fraction. */
export function shanghaiHour(ms: number): number {
  const hours = ms / 3_600_000 + SHANGHAI_OFFSET_HOURS;
  return ((hours % 24) + 24) % 24;
}

/** The share of a lot's spaces that is usually taken at `hour` (0 ≤ hour < 24). */
export function usualOccupancy(kind: LotKind, hour: number): number {
  const levels = OCCUPIED_BY_HOUR[kind];
  const h = Math.floor(hour) % 24;
  const t = hour - Math.floor(hour);
  return levels[h] * (1 - t) + levels[(h + 1) % 24] * t;
}

export interface LotState {
  kind: LotKind;
  capacity: number;
  freeSpaces: number;
}

/**
 * The free spaces a sensor reports `minutes` after it reported `lot`: cars
 * arrive or leave towards the usual level of `hour`, with turnover as noise.
 */
export function nextFreeSpaces(lot: LotState, hour: number, minutes: number, random: SeededRandom): number {
  const occupied = lot.capacity - lot.freeSpaces;
  const target = usualOccupancy(lot.kind, hour) * lot.capacity;
  const trend = (target - occupied) * (1 - Math.exp(-minutes / SETTLE_MINUTES));
  const turnover = lot.capacity * TURNOVER_PER_HOUR * (minutes / 60);
  const arrivedNet = Math.round(trend + random.normal() * Math.sqrt(turnover));
  return Math.min(lot.capacity, Math.max(0, lot.freeSpaces - arrivedNet));
}

export interface PostState {
  onDuty: number;
  planned: number;
  /** 'HH:MM' or 'HH:MM:SS', Shanghai time. */
  shiftStart: string;
  shiftEnd: string;
}

const minutesOfDay = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

/** How many volunteers a post should have at `hour`: all planned during its shift, none outside it. */
export function plannedOnDuty(post: PostState, hour: number): number {
  const now = hour * 60;
  return now >= minutesOfDay(post.shiftStart) && now < minutesOfDay(post.shiftEnd) ? post.planned : 0;
}

/** One volunteer checking in (+1) or out (−1) towards the plan, or nobody (0): people come and go one at a time. */
export function volunteerMove(post: PostState, hour: number, random: SeededRandom, chance = 0.5): -1 | 0 | 1 {
  const gap = plannedOnDuty(post, hour) - post.onDuty;
  if (gap === 0 || !random.chance(chance)) return 0;
  return gap > 0 ? 1 : -1;
}
