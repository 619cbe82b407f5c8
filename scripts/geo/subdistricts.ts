/** The four sub-districts: their OpenStreetMap admin outlines, as OSM has them. */
import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { type Area, polygonsOf, roundArea } from './geometry.ts';
import { SUBDISTRICTS, type SubdistrictInfo } from './places.ts';

/** Central sub-districts (with Kongjiang Road and Wuliqiao), and Pengpu Xincun with Pingliang Road. */
export const OUTLINE_FILES = [
  'geo/osm/shanghai_central_subdistricts_osm.geojson',
  'geo/osm/subdistricts_pengpu_xincun_pingliang_osm.geojson',
];

function properties(info: SubdistrictInfo) {
  return {
    code: info.code,
    name_zh: info.nameZh,
    name_en: info.nameEn,
    district_zh: info.districtZh,
    district_en: info.districtEn,
    synthetic: false,
    source: `OpenStreetMap relation ${info.osmRelation}`,
  };
}

/** The files name an outline by `subdistrict` (central file) or `name`. */
const officialName = (f: Feature) => f.properties?.subdistrict ?? f.properties?.name;

export function readOutlines(paths = OUTLINE_FILES): Feature[] {
  return paths.flatMap((path) => (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection).features);
}

export function buildSubdistricts(outlines: Feature[]): Area[] {
  return SUBDISTRICTS.map((info) => {
    const outline = outlines.find((f) => officialName(f) === info.nameZh);
    if (!outline) throw new Error(`OSM outline of ${info.nameZh} not found in ${OUTLINE_FILES.join(', ')}`);
    return turf.multiPolygon(polygonsOf(roundArea(outline as Area)!), properties(info));
  });
}
