/** The real rivers: OpenStreetMap riverbank polygons of the Huangpu, Suzhou Creek and the smaller rivers and canals. */
import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { BBox, Feature, FeatureCollection } from 'geojson';
import { englishName } from './english-name.ts';
import type { Area } from './geometry.ts';

export const RIVER_WATER_FILE = 'geo/osm/shanghai_river_water_polygons_osm.geojson';

export function readRiverWater(path = RIVER_WATER_FILE): Area[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection).features as Area[];
}

/** The polygons of one river, by the file's `river_group` (`huangpu`, `suzhou_creek`). */
export function riverGroup(water: Area[], group: string): Area[] {
  const polygons = water.filter((f) => f.properties?.river_group === group);
  if (polygons.length === 0) throw new Error(`no water polygons of ${group} in ${RIVER_WATER_FILE}`);
  return polygons;
}

const overlaps = ([aw, as, ae, an]: BBox, [bw, bs, be, bn]: BBox) => aw <= be && bw <= ae && as <= bn && bs <= an;

/** The water polygons whose bounding boxes meet the area's. */
export function waterNear(area: Area, water: Area[]): Area[] {
  const box = turf.bbox(area);
  return water.filter((w) => overlaps(box, turf.bbox(w)));
}

/** OSM leaves the riverbank polygons of the Huangpu and Suzhou Creek unnamed: their group names them. */
const GROUP_NAMES: Record<string, { zh: string; en: string }> = {
  huangpu: { zh: '黄浦江', en: 'Huangpu River' },
  suzhou_creek: { zh: '苏州河', en: 'Suzhou Creek' },
};

/** The Chinese and English name of a river polygon, or null when OSM names it not. */
export function riverName(river: Feature): { zh: string; en: string } | null {
  const p = river.properties ?? {};
  if (GROUP_NAMES[p.river_group]) return GROUP_NAMES[p.river_group];
  return p.name ? { zh: p.name, en: p.name_en ?? englishName(p.name) } : null;
}
