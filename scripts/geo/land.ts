/**
 * Where generated features may go: the land of a sub-district. OSM admin outlines
 * along the Huangpu run to mid-river, so the land is the outline less the river
 * water; grids divide it and points stand on it.
 */
import type { Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import { type Area, dropSlivers, inside, metresBetween, randomPointIn, roundArea, subtract } from './geometry.ts';
import type { SubdistrictInfo } from './places.ts';
import { waterNear } from './rivers.ts';

/** Land pieces smaller than this, cut off by the water, are dropped. */
const MIN_LAND_PIECE_M2 = 25;

export interface Land {
  info: SubdistrictInfo;
  /** The outline less the river water. */
  area: Area;
  /** The river polygons near the outline: what points must stay out of. */
  water: Area[];
}

export function landOf(info: SubdistrictInfo, outline: Area, water: Area[]): Land {
  const near = waterNear(outline, water);
  const area = dropSlivers(roundArea(subtract(outline, near) ?? outline), MIN_LAND_PIECE_M2);
  if (!area) throw new Error(`${info.code}: no land left once the rivers are cut out`);
  return { info, area, water: near };
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
