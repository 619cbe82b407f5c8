/** Synthetic volunteer posts on the riverside walk of the Huangpu: on land, a few dozen metres from the real bank. */
import * as turf from '@turf/turf';
import type { Feature, LineString, Point, Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import { type Area, metresToArea, pointFeature, polygonsOf, roundPoint } from './geometry.ts';
import { type Land, onLand } from './land.ts';

/** How far inland from the bank a post stands: the width of the riverside walk. */
export const INLAND_METRES: [number, number] = [12, 45];
/** A land vertex this close to the river lies on the bank (coordinates are rounded to about 0.1 m). */
const ON_BANK_METRES = 1;
const DUTIES = ['station_duty', 'civility_persuasion', 'order_keeping', 'interpreting'] as const;
const SHIFTS: [string, string][] = [['08:00', '12:00'], ['09:00', '17:00'], ['13:00', '18:00'], ['17:30', '21:30'], ['18:00', '22:00']];
const TEAMS: Record<string, [string, string]> = {
  pingliang_road: ['杨浦滨江志愿服务队', 'Yangpu Riverside Volunteer Team'],
  wuliqiao: ['黄浦滨江志愿服务队', 'Huangpu Riverside Volunteer Team'],
};

const metresToRiver = (p: Position, river: Area[]) => Math.min(...river.map((r) => metresToArea(p, r)));

/** Runs of consecutive ring vertices on the bank; the ring is closed, so a run may wrap around its start. */
function bankRuns(ring: Position[], river: Area[]): Position[][] {
  const open = ring.slice(0, -1);
  const onBank = open.map((p) => metresToRiver(p, river) <= ON_BANK_METRES);
  const start = onBank.indexOf(false);
  if (start < 0) return [ring];
  const runs: Position[][] = [[]];
  for (let k = 0; k < open.length; k++) {
    const i = (start + k) % open.length;
    if (onBank[i]) runs[runs.length - 1].push(open[i]);
    else if (runs[runs.length - 1].length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length >= 2);
}

/** The longest stretch of the land's outline that follows the river. */
function riverBank(land: Area, river: Area[]): Feature<LineString> {
  const runs = polygonsOf(land).flatMap((rings) => bankRuns(rings[0], river)).map((run) => turf.lineString(run));
  if (runs.length === 0) throw new Error('the land does not reach the river');
  return runs.reduce((a, b) => (turf.length(b) > turf.length(a) ? b : a));
}

/** A land point `inlandM` from the bank at `atKm` along it, on whichever side is land. */
function inlandOf(bank: Feature<LineString>, atKm: number, inlandM: number, land: Land): Position | null {
  const lengthKm = turf.length(bank);
  const [a, b] = [Math.max(0, atKm - 0.005), Math.min(lengthKm, atKm + 0.005)];
  const heading = turf.bearing(turf.along(bank, a), turf.along(bank, b));
  const at = turf.along(bank, atKm);
  for (const side of [90, -90]) {
    const p = roundPoint(turf.destination(at, inlandM / 1000, heading + side).geometry.coordinates);
    if (onLand(land, p)) return p;
  }
  return null;
}

function duties(rng: SeededRandom): string[] {
  const chosen = DUTIES.filter(() => rng.chance(0.45));
  return chosen.length > 0 ? chosen : [rng.pick(DUTIES)];
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

/** `count` posts spread evenly along the bank, numbered downstream or upstream as the outline runs. */
export function buildVolunteerPosts(land: Land, river: Area[], count: number, rng: SeededRandom): Feature<Point>[] {
  if (count === 0) return [];
  const bank = riverBank(land.area, river);
  const stepKm = turf.length(bank) / count;
  return Array.from({ length: count }, (_, i) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const atKm = (i + 0.5 + rng.range(-0.3, 0.3)) * stepKm;
      const at = inlandOf(bank, atKm, rng.range(...INLAND_METRES), land);
      if (at) return post(land, at, i + 1, rng);
    }
    throw new Error(`${land.info.code}: no land found beside the bank for volunteer post ${i + 1}`);
  });
}
