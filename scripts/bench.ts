/**
 * Citygrid benchmarks. Each line compares a path against a baseline measured
 * in the same run on the same machine and prints the ratio; absolute
 * milliseconds are printed for context only.
 */
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { patchCaseColumns, toCaseColumns } from '../src/lib/data/case-columns';
import { mulberry32 } from '../src/lib/geo/seeded-random';
import { randomUUID } from 'node:crypto';
import { accountFromClaims } from '../src/lib/accounts/accounts';
import { EmbeddedSession } from '../src/lib/accounts/session';
import { createCitygridData } from '../src/lib/data/citygrid-data';
import { SqlTransport, type SqlDatabase } from '../src/lib/data/sql-transport';
import type { Claims } from '../src/lib/data/types';
import { hotspotAggregation } from './bench/hotspots';
import { record, time, printTable, writeResults } from './bench/measure';
import { createMigratedDatabase, ensureSnapshot } from './db-snapshot';

async function databaseStart() {
  const snapshot = readFileSync(await ensureSnapshot(() => {}));
  let cold: PGlite | undefined;
  const coldMs = await time(async () => (cold = await createMigratedDatabase()));
  await cold!.close();
  let warm: PGlite | undefined;
  const warmMs = await time(async () => (warm = await PGlite.create({ extensions: { postgis }, loadDataDir: new Blob([snapshot]) })));
  record('embedded db ready from snapshot', 'initdb + PostGIS + migrations + seed', coldMs, warmMs);
  return warm!;
}

function syntheticCaseRows(n: number) {
  const random = mulberry32(7);
  const statuses = ['reported', 'registered', 'dispatched', 'handling', 'handled', 'closed'];
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1, case_no: `CG-${i}`, category_code: `E-0${500 + Math.floor(random() * 8)}`, source: 'resident_qr',
    status: statuses[Math.floor(random() * statuses.length)], lon: 121.43 + random() * 0.13, lat: 31.19 + random() * 0.13,
    grid_id: 1 + Math.floor(random() * 1700), reported_at: '2026-11-23T01:00:00Z', due_at: '2026-11-23T03:00:00Z', closed_at: null,
  }));
}

async function caseDataPath() {
  const n = 200_000;
  const source = syntheticCaseRows(n);
  const geojsonMs = await time(() => ({
    type: 'FeatureCollection',
    features: source.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { ...r } })),
  }), 3);
  let columns = toCaseColumns(source);
  const columnsMs = await time(() => (columns = toCaseColumns(source)), 3);
  record(`pack ${n / 1000}k cases as typed columns`, 'as GeoJSON features', geojsonMs, columnsMs);
  const changed = toCaseColumns(source.slice(0, 100).map((r) => ({ ...r, status: 'closed' })));
  const patchMs = await time(() => patchCaseColumns(columns, changed.ids, changed), 3);
  record('patch 100 changed cases in place', `re-pack all ${n / 1000}k`, columnsMs, patchMs);
}

async function spatialQueries(db: PGlite) {
  await db.exec(`set search_path = public, extensions;
    create temporary table bench_points as
      select i as id, ST_SetSRID(ST_MakePoint(121.43 + random() * 0.13, 31.19 + random() * 0.13), 4326) as geom
      from generate_series(1, 100000) i;`);
  const bbox = `select count(*) from bench_points where geom && ST_MakeEnvelope(121.50, 31.25, 121.52, 31.27, 4326)`;
  const knn = `select id from bench_points order by geom <-> ST_SetSRID(ST_MakePoint(121.52, 31.26), 4326) limit 10`;
  const seqKnn = `select id from bench_points order by ST_Distance(geom, ST_SetSRID(ST_MakePoint(121.52, 31.26), 4326)) limit 10`;
  const seqBbox = await time(() => db.query(bbox), 5);
  await db.exec('create index on bench_points using gist (geom); analyze bench_points;');
  record('bbox count, 100k points, GiST', 'sequential scan', seqBbox, await time(() => db.query(bbox), 5));
  record('10 nearest of 100k, KNN <->', 'sort by ST_Distance', await time(() => db.query(seqKnn), 5), await time(() => db.query(knn), 5));
  const assign = `select count(finest_grid_at(geom)) from bench_points where id <= 2000`;
  const brute = `select count((select g.id from grids g where ST_Covers(g.geom, p.geom) order by g.level desc limit 1)) from bench_points p where id <= 2000`;
  await db.exec('set enable_indexscan = off; set enable_bitmapscan = off;');
  const bruteMs = await time(() => db.query(brute), 1);
  await db.exec('reset enable_indexscan; reset enable_bitmapscan;');
  record('finest grid for 2k cases (GiST)', 'without spatial index', bruteMs, await time(() => db.query(assign), 3));
}

/** The app against a bare deck.gl page in Chromium, at each scale of cases. */
async function browser() {
  const { CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM, startApp } = await import('../tests/e2e/support/browser');
  if (!HAS_CHROMIUM) return console.log('browser: skipped (no Chromium)');
  const { browserBench, buildBaseline } = await import('./bench/browser-bench');
  const { chromium } = await import('playwright-core');
  const scales = (option('scales') ?? '10000,100000,1000000').split(',').map(Number);
  const liveScale = Number(option('live-scale') ?? 100000);
  const minute = Number(option('sustain-seconds') ?? 60);
  const app = await startApp({ production: true, afterBuild: buildBaseline });
  // A browser of the bench's own: the shared one is closed with the app.
  const chrome = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const details = await browserBench(chrome, app.url, {
      scales,
      liveScale,
      catchUpMs: Number(option('catch-up-seconds') ?? 600) * 1000,
      rates: [{ perSecond: 10, seconds: 15 }, { perSecond: 100, seconds: 15 }, { perSecond: 1000, seconds: minute }],
    });
    writeResults('browser', details);
  } finally {
    await chrome.close();
    await app.close();
  }
}

/**
 * The residents' parking page over Fast 4G on the Supabase build (against a
 * fake PostgREST with fixed rows: the client is what is measured) and, for
 * comparison, on the embedded build, which must start PGlite first.
 */
async function parkingPage() {
  const { CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM, startApp } = await import('../tests/e2e/support/browser');
  if (!HAS_CHROMIUM) return console.log('parking: skipped (no Chromium)');
  const { FAST_4G, JS_BUDGET_GZIP_BYTES, fakeSupabase, parkingLoad, summarise } = await import('./bench/parking-light');
  const { chromium } = await import('playwright-core');
  const visits = Number(option('parking-visits') ?? 3);
  const chrome = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const supabase = await fakeSupabase();
  /** Cold visits one after another: on two cores, parallel visits would time each other. */
  const measure = async (app: { url: string; close(): Promise<void> }, count: number, timeoutMs: number) => {
    try {
      const loads = [];
      for (let i = 0; i < count; i++) loads.push(await parkingLoad(chrome, app.url, timeoutMs));
      return summarise(loads);
    } finally {
      await app.close();
    }
  };
  try {
    const light = await measure(await startApp({ production: true, supabaseUrl: supabase.url }), visits, 120_000);
    await ensureSnapshot(() => {});
    const embedded = await measure(await startApp({ production: true }), 1, 600_000);
    record('parking: first list, Fast 4G (Supabase build)', 'embedded build', embedded.firstListMsMedian, light.firstListMsMedian);
    record('parking: JS before the list, gzip (Supabase)', 'embedded build', embedded.jsBeforeListGzipBytes, light.jsBeforeListGzipBytes, 'B');
    const withinBudget = light.jsBeforeListGzipBytes <= JS_BUDGET_GZIP_BYTES && !light.loadsDeckOrPglite;
    console.log(`  parking budget ${JS_BUDGET_GZIP_BYTES} B gzip, no deck.gl or PGlite: ${withinBudget ? 'kept' : 'BROKEN'}`);
    writeResults('parking', { fast4g: FAST_4G, budgetGzipBytes: JS_BUDGET_GZIP_BYTES, withinBudget, supabase: light, embedded });
  } finally {
    await supabase.close();
    await chrome.close();
  }
}

/**
 * The command wall left running with the live demo feed for `--wall-soak-minutes`
 * (off unless given; the e2e soak runs ten): its heap at the end against its heap
 * at the start, both after a forced garbage collection.
 */
async function wallSoak(minutes: number) {
  const { startApp } = await import('../tests/e2e/support/browser');
  const { openWall } = await import('../tests/e2e/support/wall');
  const { hasDemoFeed, soakWall } = await import('../tests/e2e/support/wall-soak');
  const app = await startApp({ production: true });
  try {
    const page = await openWall(app, 'tour=30s', { width: 1920, height: 1080 });
    if (!(await hasDemoFeed(page))) return console.log('wall soak: skipped (this build has no demo feed)');
    const result = await soakWall(page, minutes, Number(option('wall-soak-speed') ?? 1));
    const mb = (bytes: number) => bytes / 2 ** 20;
    record(`wall heap after ${minutes} min of live feed`, 'wall heap at the start', mb(result.startBytes), mb(result.endBytes), 'MB');
    writeResults('wall-soak', { minutes, ...result });
  } finally {
    await app.close();
  }
}

/** `--name=value` from the command line. */
function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** Re-reading 100 changed cases at 100k rows: by primary key, against the bbox function's id filter. */
type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

async function casesByIds(name: string, query: Query) {
  await query(`set session_replication_role = replica;
    insert into cases (case_no, tracking_code, category_code, source, status, description, geom, reported_at, due_at)
    select 'BENCH-' || i, 'BENCH' || i, 'E-0501', 'resident_qr', 'reported', 'bench',
           ST_SetSRID(ST_MakePoint(121.50 + random() * 0.04, 31.25 + random() * 0.03), 4326), now(), now()
    from generate_series(1, 100000) i;
    set session_replication_role = origin; analyze cases;`);
  const ids = (await query(`select id from cases order by random() limit 100`)).rows.map((r) => r.id);
  const byBbox = () => query('select * from cases_in_bbox(p_ids => $1)', [ids]);
  const byIds = () => query('select * from cases_by_ids($1)', [ids]);
  record(`100 cases by id of 103k, primary key (${name})`, 'cases_in_bbox(p_ids)', await time(byBbox, 3), await time(byIds, 5));
}

/**
 * Reports per second through report_case with the public report limits on
 * (every report from the public, spread over devices so none is refused),
 * against the same reports from the service role, which skips the limits.
 */
async function reportThroughput(name: string, db: SqlDatabase, clients: number, reports: number) {
  const [place] = (await db.transaction((tx) => tx.query<{ lon: number; lat: number }>(
    `select ST_X(p) as lon, ST_Y(p) as lat from grids g, ST_PointOnSurface(g.geom) p where g.level = 'meta_grid' order by g.id limit 1`))).rows;
  const run = async (claims: Claims, count = reports) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, async () => {
      for (let i = 0; i < count / clients; i++) {
        const transport = new SqlTransport(db);
        transport.setDevice(randomUUID());
        await createCitygridData(transport, new EmbeddedSession(transport, accountFromClaims(claims))).reportCase({ categoryCode: 'E-0501', ...place, description: 'bench 限流' });
      }
    }));
    return performance.now() - started;
  };
  await run({ role: 'service_role' }, reports / 10); // warm-up: plans, caches, pool connections
  const serviceMs = await run({ role: 'service_role' });
  const publicMs = await run({ role: 'anon' });
  const perSecond = (ms: number) => Math.round((reports / ms) * 1000);
  record(`${reports} public reports, limits on (${name})`, 'same reports, service role', serviceMs, publicMs);
  console.log(`  ${name}: ${perSecond(publicMs)} public reports/s with limits, ${perSecond(serviceMs)}/s as the service role`);
}

async function postgresThroughput() {
  if (!process.env.DATABASE_URL) return console.log('postgres: skipped (no DATABASE_URL)');
  const { postgresDatabase, preparePostgres, testDatabaseUrl } = await import('../tests/support/postgres');
  await preparePostgres(process.env.DATABASE_URL);
  const pg = postgresDatabase(testDatabaseUrl(process.env.DATABASE_URL));
  try {
    await reportThroughput('PostgreSQL, 4 connections', pg, 4, 1000);
    await pg.transaction((tx) => casesByIds('PostgreSQL', (sql, params) => tx.query(sql, params) as never));
  } finally {
    await pg.close();
  }
}

console.log(`Citygrid bench · node ${process.version} · ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`);
/** The database and data-path benches, in Node. */
async function node() {
  const db = await databaseStart();
  await caseDataPath();
  await hotspotAggregation(db, 12);
  await spatialQueries(db);
  await reportThroughput('PGlite', db as unknown as SqlDatabase, 1, 300);
  await casesByIds('PGlite', (sql, params) => (params ? db.query(sql, params) : db.exec(sql).then(() => ({ rows: [] }))) as never);
  await db.close();
  await postgresThroughput();
}

if (!process.argv.includes('--no-node')) await node();
if (!process.argv.includes('--no-browser')) await browser();
if (!process.argv.includes('--no-parking')) await parkingPage();
if (option('wall-soak-minutes')) await wallSoak(Number(option('wall-soak-minutes')));
printTable();
writeResults('all');
