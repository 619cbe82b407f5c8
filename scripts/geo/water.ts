/**
 * Huangpu River and Suzhou Creek, synthetic: buffered centrelines. Where the OSM
 * sub-district boundaries run along the river they follow mid-river, so the
 * waypoints trace those edges. The water layer is the whole river: the basemap
 * draws it above land, which covers the OSM boundaries' half of the river bed.
 */
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { type Area, polygonsOf, roundArea } from './geometry.ts';

const HUANGPU_HALF_WIDTH_M = 190;
const SUZHOU_CREEK_HALF_WIDTH_M = 30;

/** Upstream (Longhua, south-west) to downstream (Yangpu, north-east). */
const HUANGPU_CENTRELINE: Position[] = [
  [121.458, 31.148], [121.461, 31.158], [121.464, 31.168], [121.4665, 31.177], [121.47, 31.184],
  [121.476, 31.189], [121.4825, 31.1925], [121.4885, 31.1945], [121.4942, 31.1972], [121.4964, 31.1997],
  [121.4999, 31.2047], [121.503, 31.2097], [121.5059, 31.2147], [121.5066, 31.2175], [121.5061, 31.2202],
  [121.5036, 31.2251], [121.4989, 31.2301], [121.4928, 31.2351], [121.4904, 31.2376], [121.4896, 31.24],
  [121.49, 31.2423], [121.4918, 31.2443], [121.495, 31.246], [121.5, 31.2478], [121.505, 31.2488],
  [121.51, 31.2488], [121.515, 31.249], [121.5225, 31.2508], [121.529, 31.2533], [121.534, 31.2558],
  [121.545, 31.261], [121.553, 31.267], [121.562, 31.275], [121.568, 31.285], [121.572, 31.298],
  [121.572, 31.31],
];

/** West (Changning) to its mouth at Waibaidu Bridge. */
const SUZHOU_CREEK_CENTRELINE: Position[] = [
  [121.398, 31.2315], [121.4045, 31.2335], [121.4095, 31.2295], [121.4155, 31.2268], [121.4215, 31.2298],
  [121.4275, 31.2335], [121.4335, 31.2372], [121.4385, 31.2396], [121.4425, 31.2425], [121.4452, 31.2452],
  [121.4492, 31.2425], [121.4535, 31.2418], [121.4575, 31.2436], [121.4615, 31.2437], [121.4652, 31.2417],
  [121.4693, 31.2436], [121.4745, 31.2425], [121.478, 31.2448], [121.4825, 31.2452], [121.4862, 31.2448],
  [121.4905, 31.2441],
];

export interface Rivers {
  huangpu: Area;
  suzhouCreek: Area;
}

function buffered(line: Position[], halfWidthM: number): Area {
  return turf.buffer(turf.lineString(line), halfWidthM, { units: 'meters', steps: 6 }) as Area;
}

/** The whole rivers: the water layer, and what generated points must stay out of. */
export function rivers(): Rivers {
  return {
    huangpu: buffered(HUANGPU_CENTRELINE, HUANGPU_HALF_WIDTH_M),
    suzhouCreek: buffered(SUZHOU_CREEK_CENTRELINE, SUZHOU_CREEK_HALF_WIDTH_M),
  };
}

function waterFeature(area: Area, names: Record<string, string>): Area {
  return turf.multiPolygon(polygonsOf(roundArea(area)!), { ...names, synthetic: true });
}

/** The water layer: both rivers, uncut. */
export function waterFeatures(water: Rivers): Area[] {
  return [
    waterFeature(water.huangpu, { name_zh: '黄浦江', name_en: 'Huangpu River' }),
    waterFeature(water.suzhouCreek, { name_zh: '苏州河', name_en: 'Suzhou Creek' }),
  ];
}
