/** The four sub-districts: two real OSM boundaries and two drawn from their bounding roads. */
import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { type Area, largestPolygon, polygonsOf, roundArea, subtract } from './geometry.ts';
import { SUBDISTRICTS, SYNTHETIC_OUTLINES, type SubdistrictInfo } from './places.ts';

export const OSM_SOURCE = 'OpenStreetMap';
export const SYNTHETIC_SOURCE = 'synthetic, drawn from bounding roads';

function properties(info: SubdistrictInfo) {
  return {
    code: info.code,
    name_zh: info.nameZh,
    name_en: info.nameEn,
    district_zh: info.districtZh,
    district_en: info.districtEn,
    synthetic: info.osmName === null,
    source: info.osmName === null ? SYNTHETIC_SOURCE : OSM_SOURCE,
  };
}

function osmGeometry(osm: FeatureCollection, name: string): Area {
  const feature = osm.features.find((f) => f.properties?.subdistrict === name);
  if (!feature) throw new Error(`OSM sub-district ${name} not found`);
  return feature as Area;
}

/** The outline minus every overlapping OSM neighbour and the river; the main piece only. */
function syntheticGeometry(info: SubdistrictInfo, neighbours: Area[], water: Area[]): Area {
  const outline = turf.polygon([SYNTHETIC_OUTLINES[info.code]]) as Area;
  const rest = subtract(outline, [...neighbours, ...water]);
  if (!rest) throw new Error(`${info.code}: nothing left of the outline`);
  return largestPolygon(rest);
}

export function buildSubdistricts(osm: FeatureCollection, water: Area[]): Area[] {
  const neighbours = osm.features as Area[];
  return SUBDISTRICTS.map((info) => {
    const area = info.osmName ? osmGeometry(osm, info.osmName) : syntheticGeometry(info, neighbours, water);
    const rounded = roundArea(area)!;
    return turf.multiPolygon(polygonsOf(rounded), properties(info));
  });
}
