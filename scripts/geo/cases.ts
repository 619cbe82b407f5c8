/**
 * Synthetic cases: concentrated along market streets, the rest scattered. Each case
 * gets an age; its time-to-close is drawn around the category SLA (about 15% late),
 * and a case whose time-to-close has not yet elapsed is still in progress.
 */
import type { Feature, Point, Position } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import { CATEGORY_PROFILES, type CategoryProfile } from './categories.ts';
import { pointFeature, randomPointNearLine } from './geometry.ts';
import { type Land, onLand, randomLandPoint } from './land.ts';
import { maskedMobile } from './people.ts';
import { type Street, streetLine, streetsOf } from './streets.ts';

const MAX_AGE_HOURS = 720;
const MARKET_STREET_SHARE = 0.55;
/** Cases that sit in a backlog far beyond their SLA. */
const BACKLOG_SHARE = 0.06;
const REJECTED_SHARE = 0.03;
const SOURCES = [['resident_qr', 50], ['inspector_patrol', 30], ['ai_camera', 10], ['hotline_12345', 10]] as const;
const SPOTS = ['菜场门口', '地铁站出口', '小区门口', '公交站旁', '学校门口', '沿街商铺前', '路口', '超市门口', '弄堂口'];
const OPEN_STAGES: [number, string][] = [[0.12, 'reported'], [0.3, 'registered'], [0.5, 'dispatched'], [0.85, 'handling']];

interface Timing {
  status: string;
  reportedHoursAgo: number;
  closedHoursAfter: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Newer cases are more frequent: ages skew towards the present. */
function timing(profile: CategoryProfile, rng: SeededRandom): Timing {
  const age = MAX_AGE_HOURS * Math.pow(rng.next(), 2.2);
  // lognormal around the SLA, late (> 1) for z > 1.25; backlog cases add to the late share
  let toClose = profile.category.sla_hours * Math.exp(-0.75 + 0.6 * rng.normal());
  if (rng.chance(BACKLOG_SHARE)) toClose *= rng.range(10, 60);
  if (toClose < age) {
    const rejected = rng.chance(REJECTED_SHARE);
    return { status: rejected ? 'rejected' : 'closed', reportedHoursAgo: round2(age), closedHoursAfter: rejected ? null : round2(toClose) };
  }
  const progress = age / toClose;
  const stage = OPEN_STAGES.find(([limit]) => progress < limit)?.[1] ?? 'handled';
  return { status: stage, reportedHoursAgo: round2(age), closedHoursAfter: null };
}

function location(land: Land, rng: SeededRandom): { at: Position; street: Street } {
  const streets = streetsOf(land.info.code);
  if (rng.chance(MARKET_STREET_SHARE)) {
    const market = rng.pick(land.info.marketStreets);
    const line = streetLine(land.info.code, market);
    for (let attempt = 0; attempt < 50; attempt++) {
      const at = randomPointNearLine(line, 25, rng);
      if (onLand(land, at)) return { at, street: streets.find((s) => s.zh === market)! };
    }
  }
  return { at: randomLandPoint(land, rng), street: rng.pick(streets) };
}

function caseFeature(land: Land, rng: SeededRandom): Feature<Point> {
  const profile = rng.weighted(CATEGORY_PROFILES.map((p) => [p, p.weight] as const));
  const { at, street } = location(land, rng);
  const source = rng.weighted(SOURCES);
  const spot = rng.pick(SPOTS);
  const { status, reportedHoursAgo, closedHoursAfter } = timing(profile, rng);
  return pointFeature(at, {
    category_code: profile.category.code,
    source,
    status,
    description_zh: `${street.zh}${spot}${rng.pick(profile.problems)}`,
    address: `${land.info.districtZh}${street.zh}${rng.int(1, 1500)}号附近`,
    reported_hours_ago: reportedHoursAgo,
    closed_hours_after: closedHoursAfter,
    reporter_contact: source === 'resident_qr' && rng.chance(0.5) ? maskedMobile(rng) : null,
    synthetic: true,
  });
}

export function buildCases(land: Land, rng: SeededRandom): Feature<Point>[] {
  return Array.from({ length: land.info.caseCount }, () => caseFeature(land, rng));
}
