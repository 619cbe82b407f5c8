/** Geometry helpers shared by the generators. */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';

export type Area = Feature<Polygon | MultiPolygon>;
export type Props = Record<string, unknown>;

export const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function polygonsOf(area: Area): Position[][][] {
  const g = area.geometry;
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon, lat] of ring) {
    const p = [round6(lon), round6(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Rounds to 6 decimals and drops repeated vertices and rings that collapse. */
export function roundArea(area: Area): Area | null {
  const polygons = polygonsOf(area)
    .map((rings) => rings.map(roundRing).filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0);
  if (polygons.length === 0) return null;
  return turf.multiPolygon(polygons, area.properties);
}

/** Keeps the polygons of an area larger than minM2 as one MultiPolygon. */
export function dropSlivers(area: Area | null, minM2: number): Area | null {
  if (!area) return null;
  const kept = polygonsOf(area).filter((rings) => turf.area(turf.polygon(rings)) >= minM2);
  return kept.length > 0 ? turf.multiPolygon(kept, area.properties) : null;
}

export function subtract(area: Area, cutters: Area[]): Area | null {
  let rest: Area | null = area;
  for (const cutter of cutters) {
    if (!rest) return null;
    rest = turf.difference(turf.featureCollection([rest, cutter]));
  }
  return rest;
}

export function intersect(a: Area, b: Area): Area | null {
  return turf.intersect(turf.featureCollection([a, b]));
}

export function union(areas: Area[]): Area {
  return areas.length === 1 ? areas[0] : turf.union(turf.featureCollection(areas))!;
}

export function inside(point: Position, area: Area): boolean {
  return turf.booleanPointInPolygon(point, area);
}

export function roundPoint([lon, lat]: Position): Position {
  return [round6(lon), round6(lat)];
}

/** Uniform random point in an area (rejection sampling in its bounding box). */
export function randomPointIn(area: Area, rng: SeededRandom, accept: (p: Position) => boolean = () => true): Position {
  const [x0, y0, x1, y1] = turf.bbox(area);
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const p = roundPoint([rng.range(x0, x1), rng.range(y0, y1)]);
    if (inside(p, area) && accept(p)) return p;
  }
  throw new Error('no random point found in area');
}

/** A point at a random position along a polyline, offset sideways by a normal deviate of sigmaM metres. */
export function randomPointNearLine(line: Position[], sigmaM: number, rng: SeededRandom): Position {
  const feature = turf.lineString(line);
  const length = turf.length(feature);
  const d = rng.range(0, length - 0.01);
  const heading = turf.bearing(turf.along(feature, d), turf.along(feature, d + 0.01));
  const side = rng.chance(0.5) ? 90 : -90;
  const moved = turf.destination(turf.along(feature, d), (Math.abs(rng.normal()) * sigmaM) / 1000, heading + side);
  return roundPoint(moved.geometry.coordinates);
}

export function metresBetween(a: Position, b: Position): number {
  return turf.distance(a, b) * 1000;
}

export function pointFeature(coordinates: Position, properties: Props): Feature<Point> {
  return turf.point(coordinates, properties);
}

/** Distance in metres from a point to the nearest edge of an area (0 inside). */
export function metresToArea(point: Position, area: Area): number {
  if (inside(point, area)) return 0;
  return Math.max(0, turf.pointToPolygonDistance(point, area, { units: 'meters' }));
}

export function areaKm2(area: Area): number {
  return turf.area(area) / 1e6;
}
