/**
 * Generates the committed demo geography under geo/ from the OSM files in geo/osm/:
 * the real sub-district outlines, and synthetic grids, streets, facilities and
 * cases on their land (the outlines less the real river water).
 * Deterministic: every random choice comes from a PRNG seeded with GEO_SEED.
 * Run: npx tsx scripts/geo-generate.ts && npm run geo:build
 */
import { writeFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature } from 'geojson';
import { type SeededRandom, seededRandom } from '../src/lib/geo/seeded-random.ts';
import { buildCases } from './geo/cases.ts';
import { CATEGORIES } from './geo/categories.ts';
import { buildFireStations } from './geo/fire-stations.ts';
import { buildGrids } from './geo/grids.ts';
import { type Land, landOf } from './geo/land.ts';
import { buildParkingLots } from './geo/parking-lots.ts';
import { SUBDISTRICTS } from './geo/places.ts';
import { readRiverWater, riverGroup } from './geo/rivers.ts';
import { streetFeatures } from './geo/streets.ts';
import { buildSubdistricts, readOutlines } from './geo/subdistricts.ts';
import { buildVolunteerPosts } from './geo/volunteer-posts.ts';

export const GEO_SEED = 20261123;
const PARKING_LOTS: Record<string, number> = { kongjiang_road: 34, wuliqiao: 38, pingliang_road: 40, pengpu_xincun: 38 };
const VOLUNTEER_POSTS: Record<string, number> = { pingliang_road: 14, wuliqiao: 10 };

function write(path: string, features: Feature[]): void {
  writeFileSync(path, JSON.stringify(turf.featureCollection(features)) + '\n');
  console.log(`${path}: ${features.length} features`);
}

function main(): void {
  const rng = seededRandom(GEO_SEED);
  const water = readRiverWater();
  const huangpu = riverGroup(water, 'huangpu');
  const subdistricts = buildSubdistricts(readOutlines());
  const lands: Land[] = SUBDISTRICTS.map((info, i) => landOf(info, subdistricts[i], water));
  // One PRNG stream per (layer, sub-district): changing one layer leaves the others as they were.
  const each = (layer: string, build: (land: Land, random: SeededRandom) => Feature[]) =>
    lands.flatMap((land) => build(land, rng.fork(`${layer}/${land.info.code}`)));

  write('geo/subdistricts.geojson', subdistricts);
  write('geo/streets.geojson', streetFeatures());
  write('geo/grids.geojson', each('grids', (l, r) => buildGrids(l.info, l.area, r)));
  writeFileSync('geo/case_categories.json', JSON.stringify(CATEGORIES, null, 2) + '\n');
  console.log(`geo/case_categories.json: ${CATEGORIES.length} categories`);
  write('geo/fire_stations.geojson', each('fire', buildFireStations));
  write('geo/parking_lots.geojson', each('parking', (l, r) => buildParkingLots(l, PARKING_LOTS[l.info.code], r)));
  const volunteers = each('volunteers', (l, r) => buildVolunteerPosts(l, huangpu, VOLUNTEER_POSTS[l.info.code] ?? 0, r));
  write('geo/volunteer_posts.geojson', volunteers);
  write('geo/cases.geojson', each('cases', buildCases));
}

main();
