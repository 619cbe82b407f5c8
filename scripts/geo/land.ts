/** Where generated points may go: inside a sub-district and off the (real, uncut) water. */
import type { Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import { type Area, inside, metresBetween, randomPointIn } from './geometry.ts';
import type { SubdistrictInfo } from './places.ts';

export interface Land {
  info: SubdistrictInfo;
  area: Area;
  water: Area[];
}

export function onLand(land: Land, point: Position): boolean {
  return inside(point, land.area) && !land.water.some((w) => inside(point, w));
}

export function randomLandPoint(land: Land, rng: SeededRandom, accept: (p: Position) => boolean = () => true): Position {
  return randomPointIn(land.area, rng, (p) => onLand(land, p) && accept(p));
}

/** A random land point at least minM metres from `taken` (relaxed when space runs out). */
export function spacedLandPoint(land: Land, taken: Position[], minM: number, rng: SeededRandom): Position {
  for (let spacing = minM; spacing > 1; spacing *= 0.8) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const p = randomLandPoint(land, rng);
      if (taken.every((t) => metresBetween(p, t) >= spacing)) return p;
    }
  }
  return randomLandPoint(land, rng);
}
