/** Synthetic fire stations: one municipal station per sub-district and micro stations in the housing. */
import type { Feature, Point, Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import { areaKm2, pointFeature } from './geometry.ts';
import { type Land, spacedLandPoint } from './land.ts';

const KM2_PER_MICRO_STATION = 0.4;

function municipal(land: Land, at: Position, rng: SeededRandom): Feature<Point> {
  const { info } = land;
  return pointFeature(at, {
    code: `FS-${info.prefix}-01`,
    kind: 'municipal',
    name_zh: `${info.shortZh}消防救援站`,
    name_en: `${info.nameEn.replace(' Sub-district', '')} Fire Station`,
    staff: rng.int(20, 40),
    response_minutes: rng.int(5, 8),
    synthetic: true,
  });
}

function micro(land: Land, at: Position, n: number, rng: SeededRandom): Feature<Point> {
  const { info } = land;
  return pointFeature(at, {
    code: `MFS-${info.prefix}-${String(n).padStart(2, '0')}`,
    kind: 'micro',
    name_zh: `${info.shortZh}第${n}微型消防站`,
    name_en: `${info.nameEn.replace(' Sub-district', '')} Micro Fire Station ${n}`,
    staff: rng.int(3, 8),
    response_minutes: 3,
    synthetic: true,
  });
}

export function buildFireStations(land: Land, rng: SeededRandom): Feature<Point>[] {
  const taken: Position[] = [];
  const place = (minM: number) => {
    const p = spacedLandPoint(land, taken, minM, rng);
    taken.push(p);
    return p;
  };
  const stations = [municipal(land, place(0), rng)];
  const microCount = Math.max(1, Math.round(areaKm2(land.area) / KM2_PER_MICRO_STATION));
  for (let n = 1; n <= microCount; n++) stations.push(micro(land, place(450), n, rng));
  return stations;
}
