/**
 * Validates the files in geo/ and, when they are all valid, writes supabase/seed.sql.
 * Run: npm run geo:build. Exits non-zero, listing every problem, on invalid data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { seededRandom } from '../src/lib/geo/seeded-random.ts';
import {
  type AreaFeature,
  unionOf,
  validateCategoryReferences,
  validateFeatureCollection,
  validateGridCoverage,
  validateGridHierarchy,
  validatePointsInArea,
  validatePointsNear,
  validatePropertyPattern,
  validateStreets,
  validateUniqueCodes,
} from '../src/lib/geo/validate-geojson.ts';
import { landOf, validateOnLand } from '../src/lib/geo/validate-on-land.ts';
import { buildBasemap } from './basemap-build';
import type { CaseCategory } from './geo/categories.ts';
import { RIVER_WATER_FILE } from './geo/rivers.ts';
import { type GeoData, seedSql } from './geo/seed.ts';
import { INLAND_METRES } from './geo/volunteer-posts.ts';

const SEED_PATH = 'supabase/seed.sql';
const BUILD_SEED = 20261124;
const MAX_STREET_METRES_FROM_SERVICE_AREA = 500;
/** Riverside volunteer posts stand on the walk beside the Huangpu's bank; slack for bends in the bank. */
const MAX_POST_METRES_FROM_HUANGPU = INLAND_METRES[1] + 15;
export const FILES = {
  subdistricts: 'geo/subdistricts.geojson',
  rivers: RIVER_WATER_FILE,
  streets: 'geo/streets.geojson',
  grids: 'geo/grids.geojson',
  fireStations: 'geo/fire_stations.geojson',
  parkingLots: 'geo/parking_lots.geojson',
  volunteerPosts: 'geo/volunteer_posts.geojson',
  cases: 'geo/cases.geojson',
} as const;
const CATEGORIES_PATH = 'geo/case_categories.json';

export type Collections = Record<keyof typeof FILES, FeatureCollection>;

function readJson(path: string, errors: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    errors.push(`${path}: cannot read JSON (${(error as Error).message})`);
    return null;
  }
}

/** Reads and structurally validates every collection; null when any is broken. */
export function readCollections(errors: string[]): Collections | null {
  const entries = Object.entries(FILES).map(([key, path]) => {
    const value = readJson(path, errors);
    if (value !== null) errors.push(...validateFeatureCollection(path, value));
    return [key, value];
  });
  return errors.length > 0 ? null : (Object.fromEntries(entries) as Collections);
}

function validateCategories(categories: unknown): string[] {
  const file = CATEGORIES_PATH;
  if (!Array.isArray(categories)) return [`${file}: not an array`];
  const fc = turf.featureCollection(categories.map((c) => turf.point([0, 0], c)));
  const errors = validateUniqueCodes(file, fc, /^[A-Z0-9-]{2,20}$/);
  categories.forEach((c: CaseCategory) => {
    if (c.kind !== 'component' && c.kind !== 'event') errors.push(`${file}: category ${c.code} has kind ${c.kind}`);
    if (!(c.sla_hours > 0 && c.sla_hours <= 24 * 90)) errors.push(`${file}: category ${c.code} has sla_hours ${c.sla_hours}`);
    if (!c.name_zh || !c.name_en) errors.push(`${file}: category ${c.code} has no name`);
  });
  return errors;
}

const POINT_FILES = ['fireStations', 'parkingLots', 'volunteerPosts', 'cases'] as const;

function footprints(lots: FeatureCollection): FeatureCollection {
  const areas = lots.features
    .filter((f) => f.properties?.footprint)
    .map((f) => turf.feature(f.properties!.footprint, { code: f.properties!.code }));
  return turf.featureCollection(areas);
}

/** What the grids of each sub-district divide: its land. */
export function landByCode(subdistricts: FeatureCollection, rivers: FeatureCollection): Map<string, AreaFeature> {
  return new Map(subdistricts.features.map((f) => [f.properties!.code as string, landOf(f as AreaFeature, rivers)]));
}

/** Nothing in the water: points, parking footprints and grids, against the real river polygons. */
function validateDry(c: Collections): string[] {
  return [
    ...POINT_FILES.flatMap((key) => validateOnLand(FILES[key], c[key], c.rivers)),
    ...validateOnLand(`${FILES.parkingLots} (footprints)`, footprints(c.parkingLots), c.rivers),
    ...validateOnLand(FILES.grids, c.grids, c.rivers),
  ];
}

export function validateAll(c: Collections, categories: CaseCategory[]): string[] {
  const subdistricts = c.subdistricts.features as AreaFeature[];
  const serviceArea = unionOf(subdistricts);
  const huangpu = unionOf(c.rivers.features.filter((f) => f.properties?.river_group === 'huangpu') as AreaFeature[]);
  return [
    ...validateUniqueCodes(FILES.subdistricts, c.subdistricts, /^[a-z0-9_]{2,40}$/),
    ...validateStreets(FILES.streets, c.streets, serviceArea, MAX_STREET_METRES_FROM_SERVICE_AREA),
    ...validateUniqueCodes(FILES.grids, c.grids, /^[A-Za-z0-9_-]{2,40}$/),
    ...validatePropertyPattern(FILES.grids, c.grids, 'responsible_phone', /^[0-9+ -]{5,20}$/),
    ...validateGridHierarchy(FILES.grids, c.grids, c.subdistricts),
    ...validateGridCoverage(FILES.grids, c.grids, landByCode(c.subdistricts, c.rivers)),
    ...validateUniqueCodes(FILES.fireStations, c.fireStations),
    ...validateUniqueCodes(FILES.parkingLots, c.parkingLots),
    ...validatePropertyPattern(FILES.parkingLots, c.parkingLots, 'hours', /^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$/),
    ...validateFeatureCollection(`${FILES.parkingLots} (footprints)`, footprints(c.parkingLots)),
    ...validateUniqueCodes(FILES.volunteerPosts, c.volunteerPosts),
    ...validatePointsNear(FILES.volunteerPosts, c.volunteerPosts, huangpu, MAX_POST_METRES_FROM_HUANGPU, 'the Huangpu'),
    ...POINT_FILES.flatMap((key) => validatePointsInArea(FILES[key], c[key], serviceArea)),
    ...validateDry(c),
    ...validateCategoryReferences(FILES.cases, c.cases, categories.map((cat) => cat.code)),
  ];
}

function countBy(fc: FeatureCollection, property: string): string {
  const counts = new Map<string, number>();
  for (const f of fc.features) counts.set(String(f.properties?.[property]), (counts.get(String(f.properties?.[property])) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}

function report(c: Collections, categories: CaseCategory[], sqlBytes: number): void {
  console.log(`sub-districts   ${c.subdistricts.features.length}`);
  console.log(`grids           ${c.grids.features.length} (${countBy(c.grids, 'level')})`);
  console.log(`categories      ${categories.length}`);
  console.log(`cases           ${c.cases.features.length} (${countBy(c.cases, 'status')})`);
  console.log(`fire stations   ${c.fireStations.features.length} (${countBy(c.fireStations, 'kind')})`);
  console.log(`parking lots    ${c.parkingLots.features.length} (${countBy(c.parkingLots, 'kind')})`);
  console.log(`volunteer posts ${c.volunteerPosts.features.length}`);
  console.log(`streets         ${c.streets.features.length} (${countBy(c.streets, 'class')})`);
  console.log(`wrote ${SEED_PATH} (${(sqlBytes / 1e6).toFixed(2)} MB)`);
}

function main(): void {
  const errors: string[] = [];
  const categories = readJson(CATEGORIES_PATH, errors) as CaseCategory[];
  const collections = readCollections(errors);
  if (categories) errors.push(...validateCategories(categories));
  if (collections && errors.length === 0) errors.push(...validateAll(collections, categories));
  if (errors.length > 0 || !collections) {
    for (const error of errors) console.error(error);
    console.error(`geo:build failed with ${errors.length} error(s); ${SEED_PATH} not written`);
    process.exit(1);
  }
  const data: GeoData = { ...collections, categories };
  const sql = seedSql(data, seededRandom(BUILD_SEED));
  writeFileSync(SEED_PATH, sql);
  report(collections, categories, Buffer.byteLength(sql));
  buildBasemap();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
