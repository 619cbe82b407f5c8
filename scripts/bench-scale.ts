/**
 * Citygrid scale benchmark on real PostgreSQL + PostGIS (backs docs/scale.md).
 *
 *   DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres npx tsx scripts/bench-scale.ts
 *
 * Creates its own scratch database `citygrid_scale` (migrations + seed
 * applied, as the tests do), builds two cases-like tables of 2M rows over 24
 * months, one plain and one partitioned by month, and drops the database at
 * the end. Each line compares a path against a baseline measured in the same
 * run on the same machine and prints the ratio; absolute milliseconds and
 * bytes are printed for context only.
 */
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { printTable, record, time } from './bench/measure';
import { testDatabaseUrl } from '../tests/support/postgres';
import { schemaFiles } from './db-snapshot';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const DATABASE = 'citygrid_scale';
const ROWS = Number(process.env.SCALE_ROWS ?? 2_000_000);
const MONTHS = 24;
const FIRST_MONTH = '2024-12-01'; // partitions cover 2024-12 … 2026-11, Shanghai time
const CURRENT = { from: '2026-11-01 00:00+08', to: '2026-12-01 00:00+08' };
// A sub-district-sized box in the city centre (about 3.8 km × 3.3 km).
const BBOX = 'ST_MakeEnvelope(121.46, 31.22, 121.50, 31.25, 4326)';

function monthStart(i: number): string {
  const d = new Date(`${FIRST_MONTH}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + i);
  return d.toISOString().slice(0, 10);
}

/** Slippy-map tile containing a point. */
function tileAt(z: number, lon: number, lat: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

async function prepare() {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const client = new pg.Client({ connectionString: testDatabaseUrl(SERVER_URL, DATABASE) });
  await client.connect();
  client.on('notice', () => {});
  for (const f of schemaFiles()) {
    await client.query(f.sql).catch((error: Error) => {
      throw new Error(`${f.name} on PostgreSQL: ${error.message}`);
    });
  }
  return client;
}

async function dropScratch() {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}

const COLUMNS = `id bigint not null, status public.case_status not null, category_code text not null,
  geom geometry(Point, 4326) not null, reported_at timestamptz not null, grid_id int`;

/** 2M cases in arrival order over 24 months: 60% clustered on the centre, 40% spread over the city. */
async function load(db: pg.Client) {
  await db.query(`set search_path = public, extensions; set maintenance_work_mem = '256MB'; select setseed(0.42)`);
  await db.query(`create table scale_plain (${COLUMNS})`);
  await db.query(`create table scale_monthly (${COLUMNS}) partition by range (reported_at)`);
  for (let i = 0; i < MONTHS; i++) {
    const from = monthStart(i);
    const to = monthStart(i + 1);
    await db.query(`create table scale_monthly_${from.slice(0, 7).replace('-', '')} partition of scale_monthly
      for values from ('${from} 00:00+08') to ('${to} 00:00+08')`);
  }
  // Generated once into a staging table, so both loads below copy the same rows.
  await db.query(`create unlogged table scale_staging (${COLUMNS})`);
  await db.query(`insert into scale_staging
    select i, (enum_range(null::public.case_status))[1 + floor(random() * 6)::int],
      'E-0' || (500 + floor(random() * 8)::int),
      case when random() < 0.6
        then ST_SetSRID(ST_MakePoint(121.475 + 0.05 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()),
                                     31.232 + 0.05 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())), 4326)
        else ST_SetSRID(ST_MakePoint(121.2 + random() * 0.6, 30.9 + random() * 0.6), 4326) end,
      timestamptz '${FIRST_MONTH} 00:00+08' + ((i - 1)::float8 / ${ROWS}) * (timestamptz '${monthStart(MONTHS)} 00:00+08' - timestamptz '${FIRST_MONTH} 00:00+08'),
      1 + floor(random() * 1700)::int
    from generate_series(1, ${ROWS}) i`);
  const loadPlain = await time(() => db.query(`insert into scale_plain select * from scale_staging`));
  await db.query('drop table scale_staging');
  const loadMonthly = await time(() => db.query(`insert into scale_monthly select * from scale_plain`));
  record(`load ${ROWS / 1e6}M rows, monthly partitions`, 'same rows, plain table', loadPlain, loadMonthly);
  // Indexes after loading, as a bulk import would; a partitioned index builds one per partition.
  const idxPlain = await time(async () => {
    await db.query(`create index on scale_plain using gist (geom)`);
    await db.query(`create index on scale_plain (reported_at)`);
  });
  const idxMonthly = await time(async () => {
    await db.query(`create index on scale_monthly using gist (geom)`);
    await db.query(`create index on scale_monthly (reported_at)`);
  });
  record('build GiST(geom) + btree(reported_at), monthly', 'same indexes, plain table', idxPlain, idxMonthly);
  await db.query('vacuum analyze scale_plain');
  await db.query('vacuum analyze scale_monthly');
  const sizes = (await db.query(`select pg_total_relation_size('scale_plain') plain,
      (select sum(pg_total_relation_size(inhrelid)) from pg_inherits where inhparent = 'scale_monthly'::regclass) monthly`)).rows[0];
  console.log(`  sizes with indexes: plain ${(sizes.plain / 2 ** 20).toFixed(0)} MiB, monthly ${(sizes.monthly / 2 ** 20).toFixed(0)} MiB (${MONTHS} partitions)`);
}

function scannedRelations(plan: unknown): string[] {
  const out: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Relation Name'] === 'string') out.push(node['Relation Name'] as string);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((plan as { Plan: Record<string, unknown> }[])[0].Plan);
  return out;
}

async function monthInBbox(db: pg.Client) {
  const sql = (t: string) => `select id, status, ST_X(geom) lon, ST_Y(geom) lat from ${t}
    where reported_at >= '${CURRENT.from}' and reported_at < '${CURRENT.to}' and geom && ${BBOX}`;
  for (const t of ['scale_plain', 'scale_monthly']) {
    const plan = (await db.query(`explain (format json) ${sql(t)}`)).rows[0]['QUERY PLAN'];
    const n = (await db.query(sql(t))).rowCount;
    console.log(`  ${t}: ${n} rows, scans ${[...new Set(scannedRelations(plan))].join(', ')}`);
  }
  record('this month inside a bbox, monthly (pruned)', 'plain table, GiST + btree', await time(() => db.query(sql('scale_plain')), 7), await time(() => db.query(sql('scale_monthly')), 7));
  // The same box over all 24 months: the case where pruning cannot help.
  const all = (t: string) => `select count(*) from ${t} where geom && ${BBOX}`;
  record('bbox over all 24 months, monthly', 'plain table', await time(() => db.query(all('scale_plain')), 5), await time(() => db.query(all('scale_monthly')), 5));
}

/** What `cases_by_ids` does: re-read 100 changed cases by id. Partitions by month cannot prune on id alone. */
async function idReads(db: pg.Client) {
  await db.query('create index on scale_plain (id)');
  await db.query('create index on scale_monthly (id)');
  await db.query('analyze scale_plain; analyze scale_monthly');
  const ids = (await db.query(`select array_agg(id) ids from (select id from scale_plain order by random() limit 100) t`)).rows[0].ids;
  const recent = (await db.query(`select array_agg(id) ids from (select id from scale_plain
    where reported_at >= '${CURRENT.from}' order by random() limit 100) t`)).rows[0].ids;
  const sql = (t: string, extra = '') => `select id, status, ST_X(geom) lon, ST_Y(geom) lat from ${t} where id = any($1) ${extra}`;
  record('re-read 100 ids, monthly (24 id indexes)', 'plain table, one id index', await time(() => db.query(sql('scale_plain'), [ids]), 7), await time(() => db.query(sql('scale_monthly'), [ids]), 7));
  record('  same, ids of this month + month bound', 'plain table, same ids', await time(() => db.query(sql('scale_plain'), [recent]), 7),
    await time(() => db.query(sql('scale_monthly', `and reported_at >= '${CURRENT.from}'`), [recent]), 7));
}

async function newRows(db: pg.Client) {
  const insert = (t: string, base: number) => `insert into ${t}
    select ${base} + i, 'reported', 'E-0501', ST_SetSRID(ST_MakePoint(121.44 + random() * 0.08, 31.21 + random() * 0.06), 4326),
      timestamptz '${CURRENT.from}' + random() * interval '29 days', 1 + floor(random() * 1700)::int
    from generate_series(1, 20000) i`;
  const plainMs = await time(() => db.query(insert('scale_plain', 10_000_000)));
  const monthlyMs = await time(() => db.query(insert('scale_monthly', 10_000_000)));
  record('insert 20k new cases, monthly (routed)', 'plain table', plainMs, monthlyMs);
}

async function archive(db: pg.Client) {
  const oldest = monthStart(0);
  const second = monthStart(1);
  const where = (m: string, next: string) => `reported_at >= '${m} 00:00+08' and reported_at < '${next} 00:00+08'`;
  const n = (await db.query(`select count(*)::int n from scale_plain where ${where(oldest, second)}`)).rows[0].n;
  // Archive: keep the month as its own table, out of the live one.
  const plainArchive = await time(async () => {
    await db.query('begin');
    await db.query(`create table scale_archive_plain as select * from scale_plain where ${where(oldest, second)}`);
    await db.query(`delete from scale_plain where ${where(oldest, second)}`);
    await db.query('commit');
  });
  const detach = await time(() => db.query(`alter table scale_monthly detach partition scale_monthly_${oldest.slice(0, 7).replace('-', '')}`));
  record(`archive a month (${Math.round(n / 1000)}k rows): DETACH`, 'plain: copy out + DELETE', plainArchive, detach);
  // Drop: retention ends, the rows go.
  const plainDelete = await time(() => db.query(`delete from scale_plain where ${where(second, monthStart(2))}`));
  const drop = await time(() => db.query(`drop table scale_monthly_${second.slice(0, 7).replace('-', '')}`));
  record('drop a month: DROP partition', 'plain: DELETE', plainDelete, drop);
  const vacuum = await time(() => db.query('vacuum scale_plain'));
  console.log(`  plain table: VACUUM after the two month deletes took ${vacuum.toFixed(0)} ms more (partitions need none)`);
}

async function tiles(db: pg.Client, table: string, filter: string, label: string) {
  const { z, x, y } = tileAt(14, 121.475, 31.232);
  const env = `ST_TileEnvelope(${z}, ${x}, ${y})`;
  const n = (await db.query(`select count(*)::int n from ${table} c where c.geom && ST_Transform(${env}, 4326) ${filter}`)).rows[0].n;
  console.log(`  tile ${z}/${x}/${y}, ${label}: ${n} points`);
  const mvtSql = `with pts as (
      select c.id, c.status::text as status, c.category_code,
        ST_AsMVTGeom(ST_Transform(c.geom, 3857), ${env}, 4096, 64, true) as geom
      from ${table} c where c.geom && ST_Transform(${env}, 4326) ${filter})
    select ST_AsMVT(pts, 'cases', 4096, 'geom') as tile from pts`;
  const geojsonSql = `select ST_AsGeoJSON(t.*, 'geom', 6) as f from (
      select id, status::text as status, category_code, geom from ${table} c
      where c.geom && ST_Transform(${env}, 4326) ${filter}) t`;
  const plan = JSON.stringify((await db.query(`explain (format json) ${mvtSql}`)).rows[0]['QUERY PLAN']);
  // A tile is one short query per request: parallel workers cost more to start than they save here.
  await db.query('set max_parallel_workers_per_gather = 0');
  let mvt = Buffer.alloc(0);
  let geojson = '';
  const mvtMs = await time(async () => (mvt = (await db.query(mvtSql)).rows[0].tile), 5);
  const geojsonMs = await time(async () => {
    const features = (await db.query(geojsonSql)).rows.map((r) => r.f as string);
    geojson = `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
  }, 5);
  await db.query('reset max_parallel_workers_per_gather');
  const parallelMs = await time(() => db.query(mvtSql), 5);
  console.log(`  default plan ${plan.includes('Gather') ? 'uses' : 'has no'} parallel workers; with them ST_AsMVT took ${parallelMs.toFixed(1)} ms`);
  record(`z14 tile, ${label} (${n} pts): ST_AsMVT`, 'same points as GeoJSON rows', geojsonMs, mvtMs);
  record('  tile size, ST_AsMVT', 'GeoJSON FeatureCollection', Buffer.byteLength(geojson), mvt.length, 'B');
  record('  tile size gzipped, ST_AsMVT', 'GeoJSON gzipped', gzipSync(geojson).length, gzipSync(mvt).length, 'B');
}

const started = performance.now();
console.log(`Citygrid scale bench · node ${process.version} · ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`);
const db = await prepare();
const server = (await db.query(`select current_setting('server_version') v, extensions.postgis_lib_version() g,
  current_setting('shared_buffers') sb, current_setting('work_mem') wm`)).rows[0];
console.log(`PostgreSQL ${server.v} · PostGIS ${server.g} · shared_buffers ${server.sb} · work_mem ${server.wm} · database ${DATABASE}`);
try {
  await load(db);
  await monthInBbox(db);
  await tiles(db, 'scale_plain', '', 'all months');
  await tiles(db, 'scale_monthly', `and c.reported_at >= '${CURRENT.from}' and c.reported_at < '${CURRENT.to}'`, 'this month');
  await idReads(db);
  await newRows(db);
  await archive(db);
} finally {
  await db.end();
  await dropScratch();
}
printTable();
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
