/**
 * Nothing generated stands in a river: checked against the real (OpenStreetMap)
 * river polygons, each error naming the feature and the river polygon it is in.
 */
import * as turf from '@turf/turf';
import type { BBox, Feature, FeatureCollection, Position } from 'geojson';
import { type AreaFeature, areaToleranceM2, featureLabel, sharedAreaM2 } from './validate-geojson';

interface River {
  area: AreaFeature;
  bbox: BBox;
  label: string;
}

/** "the Huangpu River (OSM way 71118319)": a river polygon as an error names it. */
export function riverLabel(river: Feature): string {
  const p = river.properties ?? {};
  const name = p.name_en ?? p.name ?? p.river_group ?? 'an unnamed river';
  const osm = p.osm_id ? ` (OSM ${p.osm_type ?? 'way'} ${p.osm_id})` : '';
  return `${name}${osm}`;
}

function rivers(water: FeatureCollection): River[] {
  return water.features.map((f) => ({ area: f as AreaFeature, bbox: turf.bbox(f), label: riverLabel(f) }));
}

const inBox = ([lon, lat]: Position, [w, s, e, n]: BBox) => lon >= w && lon <= e && lat >= s && lat <= n;
const overlaps = ([aw, as, ae, an]: BBox, [bw, bs, be, bn]: BBox) => aw <= be && bw <= ae && as <= bn && bs <= an;

function riverAt(point: Position, all: River[]): River | undefined {
  return all.find((r) => inBox(point, r.bbox) && turf.booleanPointInPolygon(point, r.area));
}

function pointError(feature: Feature, all: River[]): string | null {
  const point = (feature.geometry as { coordinates: Position }).coordinates;
  const river = riverAt(point, all);
  return river ? `at [${point.join(', ')}] lies in ${river.label}` : null;
}

/** The part of a (long) river within the box: intersecting with it is much cheaper than with the whole river. */
function riverWithin(river: River, box: BBox): AreaFeature | null {
  if (!overlaps(box, river.bbox)) return null;
  const clipped = turf.bboxClip(river.area, box) as AreaFeature;
  const rings = clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates;
  return rings.some((polygon) => polygon.length > 0 && polygon[0].length >= 4) ? clipped : null;
}

/** Areas may touch a bank; the overlap allowed is the database's containment tolerance. */
function areaError(feature: AreaFeature, all: River[]): string | null {
  const tolerance = areaToleranceM2(turf.area(feature));
  const box = turf.bbox(feature);
  for (const river of all) {
    const local = riverWithin(river, box);
    const wetM2 = local ? sharedAreaM2(feature, local) : 0;
    if (wetM2 > tolerance) return `covers ${Math.round(wetM2).toLocaleString('en-US')} m² of ${river.label}`;
  }
  return null;
}

/** The land of an outline: the outline less the river water (admin outlines run to mid-river). */
export function landOf(outline: AreaFeature, water: FeatureCollection): AreaFeature {
  let land = outline;
  for (const river of water.features as AreaFeature[]) {
    if (sharedAreaM2(land, river) > 0) land = turf.difference(turf.featureCollection([land, river])) ?? land;
  }
  return land;
}

/**
 * Every Point lies outside every river polygon, and every Polygon/MultiPolygon
 * overlaps each river by no more than the tolerance.
 */
export function validateOnLand(file: string, fc: FeatureCollection, water: FeatureCollection): string[] {
  const all = rivers(water);
  const errors: string[] = [];
  fc.features.forEach((feature, i) => {
    const type = feature.geometry.type;
    const problem =
      type === 'Point' ? pointError(feature, all)
      : type === 'Polygon' || type === 'MultiPolygon' ? areaError(feature as AreaFeature, all)
      : null;
    if (problem) errors.push(`${file}: feature ${featureLabel(feature, i)} ${problem}`);
  });
  return errors;
}
