/**
 * Pure validation of the project's GeoJSON files. Every function returns a list
 * of human-readable error strings ("<file>: feature <code> ..."); empty means valid.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export type AreaFeature = Feature<Polygon | MultiPolygon>;

const GEOMETRY_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** Mirrors public.area_tolerance_m2 in the database migrations. */
export function areaToleranceM2(areaM2: number): number {
  return 5 + areaM2 * 0.001;
}

export function featureLabel(feature: Feature | undefined, index: number): string {
  const props = feature?.properties as Record<string, unknown> | null | undefined;
  const code = props?.code;
  const level = props?.level;
  const name = typeof code === 'string' && code ? code : `#${index}`;
  return typeof level === 'string' ? `${name} (${level})` : name;
}

function formatM2(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasDepth(value: unknown, depth: number): boolean {
  if (depth === 0) return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number');
  return Array.isArray(value) && value.length > 0 && value.every((item) => hasDepth(item, depth - 1));
}

function geometryStructureError(geometry: unknown): string | null {
  if (!isObject(geometry)) return 'has no geometry object';
  const type = geometry.type;
  if (typeof type !== 'string' || !(type in GEOMETRY_DEPTH)) return `has unsupported geometry type ${String(type)}`;
  if (!hasDepth(geometry.coordinates, GEOMETRY_DEPTH[type])) return `has malformed ${type} coordinates`;
  return null;
}

/** Checks that `value` is a FeatureCollection of Features with well-nested coordinates. */
export function validateStructure(file: string, value: unknown): string[] {
  if (!isObject(value) || value.type !== 'FeatureCollection') return [`${file}: not a GeoJSON FeatureCollection`];
  if (!Array.isArray(value.features)) return [`${file}: FeatureCollection has no features array`];
  const errors: string[] = [];
  value.features.forEach((feature: unknown, i: number) => {
    const label = featureLabel(isObject(feature) ? (feature as unknown as Feature) : undefined, i);
    if (!isObject(feature) || feature.type !== 'Feature') errors.push(`${file}: feature ${label} is not a GeoJSON Feature`);
    else if (!isObject(feature.properties)) errors.push(`${file}: feature ${label} has no properties object`);
    else {
      const problem = geometryStructureError(feature.geometry);
      if (problem) errors.push(`${file}: feature ${label} ${problem}`);
    }
  });
  return errors;
}

function positionsOf(geometry: Geometry): Position[] {
  return turf.coordAll(geometry as Parameters<typeof turf.coordAll>[0]);
}

/** Every coordinate is a finite WGS84 longitude/latitude pair. */
export function validateCoordinates(file: string, fc: FeatureCollection): string[] {
  const errors: string[] = [];
  fc.features.forEach((feature, i) => {
    const bad = positionsOf(feature.geometry).find(
      ([lon, lat]) => !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90,
    );
    if (bad) errors.push(`${file}: feature ${featureLabel(feature, i)} has an invalid WGS84 coordinate [${bad.join(', ')}]`);
  });
  return errors;
}

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function ringError(ring: Position[]): string | null {
  if (ring.length < 4) return `has a ring with only ${ring.length} positions`;
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'has an unclosed polygon ring';
  return null;
}

/** Polygon rings are closed, long enough and free of self-intersections. */
export function validatePolygons(file: string, fc: FeatureCollection): string[] {
  const errors: string[] = [];
  fc.features.forEach((feature, i) => {
    const label = featureLabel(feature, i);
    const polygons = polygonsOf(feature.geometry);
    const problem = polygons.flat().map(ringError).find((e) => e !== null);
    if (problem) return errors.push(`${file}: feature ${label} ${problem}`);
    for (const coordinates of polygons) {
      const kinks = turf.kinks(turf.polygon(coordinates)).features;
      if (kinks.length > 0) {
        const at = kinks[0].geometry.coordinates.map((n) => n.toFixed(6)).join(', ');
        return errors.push(`${file}: feature ${label} intersects itself at [${at}]`);
      }
    }
  });
  return errors;
}

/** Structure, coordinates and polygon validity; later checks assume these pass. */
export function validateFeatureCollection(file: string, value: unknown): string[] {
  const structural = validateStructure(file, value);
  if (structural.length > 0) return structural;
  const fc = value as FeatureCollection;
  const coordinates = validateCoordinates(file, fc);
  return coordinates.length > 0 ? coordinates : validatePolygons(file, fc);
}

/** The given property is present and unique across the features. */
export function validateUniqueCodes(file: string, fc: FeatureCollection, pattern?: RegExp): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  fc.features.forEach((feature, i) => {
    const code = feature.properties?.code;
    if (typeof code !== 'string' || code === '') return errors.push(`${file}: feature #${i} has no code`);
    if (pattern && !pattern.test(code)) errors.push(`${file}: feature ${code} has a code not matching ${pattern}`);
    if (seen.has(code)) errors.push(`${file}: feature ${code} has a duplicate code`);
    seen.add(code);
  });
  return errors;
}

/** Every Point lies inside `area` (the service area). */
export function validatePointsInArea(file: string, fc: FeatureCollection, area: AreaFeature): string[] {
  const errors: string[] = [];
  fc.features.forEach((feature, i) => {
    if (feature.geometry.type !== 'Point') return errors.push(`${file}: feature ${featureLabel(feature, i)} is not a Point`);
    const point = feature.geometry.coordinates;
    if (!turf.booleanPointInPolygon(point, area)) {
      errors.push(`${file}: feature ${featureLabel(feature, i)} at [${point.join(', ')}] lies outside the service area`);
    }
  });
  return errors;
}

/** Square metres of `inner` not covered by `outer`. */
export function areaOutsideM2(inner: AreaFeature, outer: AreaFeature): number {
  const outside = turf.difference(turf.featureCollection([inner, outer]));
  return outside ? turf.area(outside) : 0;
}

/** Square metres shared by two areas. */
export function sharedAreaM2(a: AreaFeature, b: AreaFeature): number {
  const [ax0, ay0, ax1, ay1] = turf.bbox(a);
  const [bx0, by0, bx1, by1] = turf.bbox(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return 0;
  const shared = turf.intersect(turf.featureCollection([a, b]));
  return shared ? turf.area(shared) : 0;
}

/** Metres from a point to an area (0 inside). */
export function metresToArea(point: Position, area: AreaFeature): number {
  if (turf.booleanPointInPolygon(point, area)) return 0;
  return turf.pointToPolygonDistance(point, area, { units: 'meters' });
}

/** Every Point lies within maxM metres of `area` (e.g. riverside posts near the river). */
export function validatePointsNear(file: string, fc: FeatureCollection, area: AreaFeature, maxM: number, areaName: string): string[] {
  const errors: string[] = [];
  fc.features.forEach((feature, i) => {
    if (feature.geometry.type !== 'Point') return;
    const distance = metresToArea(feature.geometry.coordinates, area);
    if (distance > maxM) {
      errors.push(`${file}: feature ${featureLabel(feature, i)} lies ${Math.round(distance)} m from ${areaName}, more than ${maxM} m`);
    }
  });
  return errors;
}

const STREET_CLASSES = ['major', 'minor'];

function streetError(feature: Feature, area: AreaFeature, maxM: number): string | null {
  if (feature.geometry.type !== 'LineString') return 'is not a LineString';
  const line = feature.geometry.coordinates;
  if (new Set(line.map((p) => p.join(','))).size < 2) return 'has fewer than two distinct positions';
  const props = feature.properties ?? {};
  if (typeof props.name !== 'string' || !props.name || typeof props.name_en !== 'string' || !props.name_en) return 'has no name';
  if (!STREET_CLASSES.includes(props.class)) return `has class ${String(props.class)}, expected major or minor`;
  const far = line.find((p) => metresToArea(p, area) > maxM);
  return far ? `has a vertex [${far.join(', ')}] more than ${maxM} m from the service area` : null;
}

/** Streets are named major/minor LineStrings with every vertex within maxM metres of the service area. */
export function validateStreets(file: string, fc: FeatureCollection, serviceArea: AreaFeature, maxM: number): string[] {
  const errors: string[] = [];
  fc.features.forEach((feature, i) => {
    const problem = streetError(feature, serviceArea, maxM);
    const label = typeof feature.properties?.name === 'string' ? feature.properties.name : `#${i}`;
    if (problem) errors.push(`${file}: feature ${label} ${problem}`);
  });
  return errors;
}

const LEVELS = ['grid', 'micro_grid', 'meta_grid'] as const;
type Level = (typeof LEVELS)[number];

interface GridProps {
  code: string;
  level: Level;
  parent_code: string | null;
  subdistrict_code: string;
}

function gridProps(feature: Feature): GridProps {
  return feature.properties as GridProps;
}

function parentLevelError(grid: GridProps, parent: GridProps | undefined): string | null {
  if (grid.level === 'grid') return grid.parent_code === null ? null : 'is a top-level grid but has a parent_code';
  if (!parent) return `has parent_code ${grid.parent_code}, which does not exist`;
  const expected = LEVELS[LEVELS.indexOf(grid.level) - 1];
  if (parent.level !== expected) return `has parent ${parent.code} of level ${parent.level}, expected ${expected}`;
  if (parent.subdistrict_code !== grid.subdistrict_code) return `is in ${grid.subdistrict_code} but its parent is not`;
  return null;
}

function referenceErrors(file: string, grids: Feature[], subdistrictCodes: Set<string>): string[] {
  const byCode = new Map(grids.map((g) => [gridProps(g).code, gridProps(g)]));
  const errors: string[] = [];
  grids.forEach((feature, i) => {
    const grid = gridProps(feature);
    const label = featureLabel(feature, i);
    if (!LEVELS.includes(grid.level)) errors.push(`${file}: feature ${label} has unknown level`);
    else if (!subdistrictCodes.has(grid.subdistrict_code)) {
      errors.push(`${file}: feature ${label} references unknown sub-district ${grid.subdistrict_code}`);
    } else {
      const problem = parentLevelError(grid, grid.parent_code ? byCode.get(grid.parent_code) : undefined);
      if (problem) errors.push(`${file}: feature ${label} ${problem}`);
    }
  });
  return errors;
}

function containmentErrors(file: string, grids: AreaFeature[], containerOf: (g: GridProps) => AreaFeature): string[] {
  const errors: string[] = [];
  grids.forEach((feature, i) => {
    const grid = gridProps(feature);
    const outside = areaOutsideM2(feature, containerOf(grid));
    if (outside > areaToleranceM2(turf.area(feature))) {
      const parent = grid.parent_code ?? `sub-district ${grid.subdistrict_code}`;
      errors.push(`${file}: feature ${featureLabel(feature, i)} lies ${formatM2(outside)} m² outside its parent ${parent}`);
    }
  });
  return errors;
}

function siblingErrors(file: string, grids: AreaFeature[]): string[] {
  const groups = new Map<string, AreaFeature[]>();
  for (const grid of grids) {
    const key = `${gridProps(grid).subdistrict_code}/${gridProps(grid).parent_code ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), grid]);
  }
  const errors: string[] = [];
  for (const siblings of groups.values()) {
    siblings.forEach((a, i) => {
      for (const b of siblings.slice(i + 1)) {
        const shared = sharedAreaM2(a, b);
        if (shared > areaToleranceM2(Math.min(turf.area(a), turf.area(b)))) {
          const [ca, cb] = [gridProps(a).code, gridProps(b).code];
          errors.push(`${file}: feature ${ca} (${gridProps(a).level}) overlaps sibling ${cb} by ${formatM2(shared)} m²`);
        }
      }
    });
  }
  return errors;
}

/**
 * The grid hierarchy is consistent: known levels and parents, each grid inside its
 * parent (top-level grids inside their sub-district) and no sibling overlap, within
 * the same tolerance the database trigger applies.
 */
export function validateGridHierarchy(file: string, grids: FeatureCollection, subdistricts: FeatureCollection): string[] {
  const subdistrictByCode = new Map(subdistricts.features.map((f) => [f.properties?.code as string, f as AreaFeature]));
  const references = referenceErrors(file, grids.features, new Set(subdistrictByCode.keys()));
  if (references.length > 0) return references;
  const areas = grids.features as AreaFeature[];
  const gridByCode = new Map(areas.map((g) => [gridProps(g).code, g]));
  const containerOf = (g: GridProps) =>
    g.parent_code ? gridByCode.get(g.parent_code)! : subdistrictByCode.get(g.subdistrict_code)!;
  return [...containmentErrors(file, areas, containerOf), ...siblingErrors(file, areas)];
}

function childrenByParent(grids: AreaFeature[]): Map<string, AreaFeature[]> {
  const groups = new Map<string, AreaFeature[]>();
  for (const grid of grids) {
    const key = gridProps(grid).parent_code ?? `sub-district ${gridProps(grid).subdistrict_code}`;
    groups.set(key, [...(groups.get(key) ?? []), grid]);
  }
  return groups;
}

function uncoveredM2(parent: AreaFeature, children: AreaFeature[]): number {
  return children.length === 0 ? turf.area(parent) : areaOutsideM2(parent, unionOf(children));
}

/**
 * The grids fill what they divide: the top-level grids of a sub-district cover its
 * land (`landByCode`: the outline less the rivers) and the children of every grid
 * that has any cover it, each but for the tolerance.
 */
export function validateGridCoverage(file: string, grids: FeatureCollection, landByCode: Map<string, AreaFeature>): string[] {
  const areas = grids.features as AreaFeature[];
  const children = childrenByParent(areas);
  const parents: [string, string, AreaFeature][] = [
    ...[...landByCode].map(([code, land]): [string, string, AreaFeature] => [`sub-district ${code}`, `the land of sub-district ${code}`, land]),
    ...areas.filter((g) => children.has(gridProps(g).code)).map((g): [string, string, AreaFeature] => [gridProps(g).code, `feature ${gridProps(g).code}`, g]),
  ];
  const errors: string[] = [];
  for (const [key, label, parent] of parents) {
    const uncovered = uncoveredM2(parent, children.get(key) ?? []);
    if (uncovered > areaToleranceM2(turf.area(parent))) errors.push(`${file}: ${label} has ${formatM2(uncovered)} m² that none of its grids cover`);
  }
  return errors;
}

/** Every case references an existing category code. */
export function validateCategoryReferences(file: string, cases: FeatureCollection, categoryCodes: Iterable<string>): string[] {
  const known = new Set(categoryCodes);
  const errors: string[] = [];
  cases.features.forEach((feature, i) => {
    const code = feature.properties?.category_code;
    if (!known.has(code)) errors.push(`${file}: feature ${featureLabel(feature, i)} references unknown category ${String(code)}`);
  });
  return errors;
}

/** Union of area features, e.g. the service area from its sub-districts. */
export function unionOf(features: AreaFeature[]): AreaFeature {
  if (features.length === 1) return features[0];
  const union = turf.union(turf.featureCollection(features));
  if (!union) throw new Error('union of no area');
  return union;
}

/** A string property of every feature matches the pattern (e.g. phone numbers, code formats). */
export function validatePropertyPattern(file: string, fc: FeatureCollection, property: string, pattern: RegExp): string[] {
  const errors: string[] = [];
  fc.features.forEach((feature, i) => {
    const value = feature.properties?.[property];
    if (typeof value !== 'string' || !pattern.test(value)) {
      errors.push(`${file}: feature ${featureLabel(feature, i)} has ${property} ${JSON.stringify(value)}, expected ${pattern}`);
    }
  });
  return errors;
}
