/** Synthetic parking lots spread through the housing of each sub-district. */
import * as turf from '@turf/turf';
import type { Feature, Point, Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import { polygonsOf, pointFeature, roundArea, type Area } from './geometry.ts';
import { type Land, spacedLandPoint } from './land.ts';
import { streetsOf } from './streets.ts';

type Kind = 'public' | 'residential' | 'shared' | 'on_street';

const KIND_WEIGHTS: [Kind, number][] = [['residential', 40], ['on_street', 25], ['public', 20], ['shared', 15]];
const HOURS: Record<Kind, string[]> = {
  public: ['00:00-24:00', '07:00-22:00', '06:30-23:00'],
  residential: ['00:00-24:00'],
  shared: ['08:00-20:00', '09:00-18:00', '07:30-21:30'],
  on_street: ['07:00-21:00', '07:30-19:30'],
};
const LABEL: Record<Kind, [string, string]> = {
  public: ['公共停车场', 'Public Car Park'],
  residential: ['小区停车场', 'Residential Car Park'],
  shared: ['共享停车场', 'Shared Car Park'],
  on_street: ['道路停车位', 'On-street Parking'],
};

function capacity(kind: Kind, rng: SeededRandom): number {
  if (kind === 'on_street') return rng.int(8, 40);
  if (kind === 'residential') return rng.int(40, 300);
  return rng.int(60, 600);
}

function fee(kind: Kind, rng: SeededRandom): number | null {
  if (kind === 'residential') return rng.chance(0.5) ? null : rng.int(0, 5);
  if (kind === 'shared') return rng.int(3, 8);
  if (kind === 'on_street') return rng.int(5, 15);
  return rng.int(5, 12);
}

/**
 * A small rectangle around the lot, sized roughly by capacity (25 m² a space),
 * cut to the land so that it never reaches outside the service area or into a river.
 */
function footprint(at: Position, spaces: number, land: Land): Area {
  const side = Math.sqrt(spaces * 25) / 1000;
  const box = turf.bboxPolygon(turf.bbox(turf.buffer(turf.point(at), side / 2, { units: 'kilometers', steps: 1 })!));
  return roundArea(turf.intersect(turf.featureCollection([box, land.area])) as Area)!;
}

function lot(land: Land, at: Position, n: number, rng: SeededRandom): Feature<Point> {
  const kind = rng.weighted(KIND_WEIGHTS);
  const street = rng.pick(streetsOf(land.info.code));
  const number = rng.int(1, 160) * 2 - (rng.chance(0.5) ? 1 : 0);
  const cap = capacity(kind, rng);
  const [labelZh, labelEn] = LABEL[kind];
  return pointFeature(at, {
    code: `PK-${land.info.prefix}-${String(n).padStart(3, '0')}`,
    kind,
    name_zh: kind === 'on_street' ? `${street.zh}${labelZh}（${number}号段）` : `${street.zh}${number}号${labelZh}`,
    name_en: kind === 'on_street' ? `${street.en} ${labelEn} (No. ${number})` : `No. ${number} ${street.en} ${labelEn}`,
    capacity: cap,
    fee_per_hour_cny: fee(kind, rng),
    hours: rng.pick(HOURS[kind]),
    footprint: kind === 'public' ? { type: 'MultiPolygon', coordinates: polygonsOf(footprint(at, cap, land)) } : null,
    synthetic: true,
  });
}

export function buildParkingLots(land: Land, count: number, rng: SeededRandom): Feature<Point>[] {
  const taken: Position[] = [];
  return Array.from({ length: count }, (_, i) => {
    const at = spacedLandPoint(land, taken, 120, rng);
    taken.push(at);
    return lot(land, at, i + 1, rng);
  });
}
