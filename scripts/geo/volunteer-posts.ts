/** Synthetic volunteer posts along the Puxi riverside of the Huangpu. */
import * as turf from '@turf/turf';
import type { Feature, Point, Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import { type Area, intersect, metresBetween, pointFeature, randomPointIn } from './geometry.ts';
import { type Land, onLand } from './land.ts';

export const MAX_METRES_FROM_WATER = 150;
const DUTIES = ['station_duty', 'civility_persuasion', 'order_keeping', 'interpreting'] as const;
const SHIFTS: [string, string][] = [['08:00', '12:00'], ['09:00', '17:00'], ['13:00', '18:00'], ['17:30', '21:30'], ['18:00', '22:00']];
const TEAMS: Record<string, [string, string]> = {
  pingliang_road: ['杨浦滨江志愿服务队', 'Yangpu Riverside Volunteer Team'],
  wuliqiao: ['黄浦滨江志愿服务队', 'Huangpu Riverside Volunteer Team'],
};

function duties(rng: SeededRandom): string[] {
  const chosen = DUTIES.filter(() => rng.chance(0.45));
  return chosen.length > 0 ? chosen : [rng.pick(DUTIES)];
}

function riversideBand(land: Land, river: Area): Area {
  const band = intersect(land.area, turf.buffer(river, MAX_METRES_FROM_WATER, { units: 'meters' }) as Area);
  if (!band) throw new Error(`${land.info.code} does not reach the river`);
  return band;
}

function post(land: Land, at: Position, n: number, rng: SeededRandom): Feature<Point> {
  const [teamZh, teamEn] = TEAMS[land.info.code];
  const [shiftStart, shiftEnd] = rng.pick(SHIFTS);
  return pointFeature(at, {
    code: `VP-${land.info.prefix}-${String(n).padStart(2, '0')}`,
    team_zh: teamZh,
    team_en: teamEn,
    name_zh: `${teamZh.replace('志愿服务队', '')}第${n}志愿服务岗`,
    name_en: `${teamEn.replace(' Volunteer Team', '')} Volunteer Post ${n}`,
    duty_kinds: duties(rng),
    planned: rng.int(2, 8),
    shift_start: shiftStart,
    shift_end: shiftEnd,
    synthetic: true,
  });
}

/** Posts on land within MAX_METRES_FROM_WATER of the river, spaced along the bank. */
export function buildVolunteerPosts(land: Land, river: Area, count: number, rng: SeededRandom): Feature<Point>[] {
  if (count === 0) return [];
  const band = riversideBand(land, river);
  const taken: Position[] = [];
  return Array.from({ length: count }, (_, i) => {
    let at = randomPointIn(band, rng, (p) => onLand(land, p));
    for (let attempt = 0; attempt < 50 && taken.some((t) => metresBetween(at, t) < 60); attempt++) {
      at = randomPointIn(band, rng, (p) => onLand(land, p));
    }
    taken.push(at);
    return post(land, at, i + 1, rng);
  });
}
