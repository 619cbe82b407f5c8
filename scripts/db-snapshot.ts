/**
 * Builds the embedded database once — PGlite + PostGIS with every migration
 * and the seed applied — and dumps its data directory to public/db/, where the
 * browser and the test suite start from it instead of paying ~20 s of
 * initdb + CREATE EXTENSION + seeding each time. Rebuilt only when a
 * migration or the seed changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { EmbeddedSession } from '../src/lib/accounts/session';
import { createCitygridData } from '../src/lib/data/citygrid-data';
import type { SnapshotManifest } from '../src/lib/data/embedded/snapshot-manifest';
import { SqlTransport, type SqlDatabase } from '../src/lib/data/sql-transport';
import { encodeViewSnapshot, takeViewSnapshot } from '../src/lib/data/view-snapshot';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const migrationsDir = join(root, 'supabase/migrations');
const seedPath = join(root, 'supabase/seed.sql');
export const snapshotDir = join(root, 'public/db');


/** The SQL files in the order Supabase applies them: migrations, then the seed. */
export function schemaFiles(): { name: string; sql: string }[] {
  const migrations = readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ name: `migrations/${f}`, sql: readFileSync(join(migrationsDir, f), 'utf8') }));
  return [...migrations, { name: 'seed.sql', sql: readFileSync(seedPath, 'utf8') }];
}

function schemaHash(files: { name: string; sql: string }[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.name).update('\0').update(f.sql).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export async function createMigratedDatabase(files = schemaFiles()): Promise<PGlite> {
  const db = await PGlite.create({ extensions: { postgis } });
  for (const f of files) {
    try {
      await db.exec(f.sql);
    } catch (error) {
      throw new Error(`${f.name}: ${(error as Error).message}`);
    }
  }
  return db;
}


/** Reads every layer as the public sees it, dated by the demo clock the database moves to the present on first start. */
async function seedView(db: PGlite): Promise<ArrayBuffer> {
  const { rows } = await db.query<{ clock: Date }>('select max(observed_at) as clock from parking_readings');
  const transport = new SqlTransport(db as unknown as SqlDatabase);
  const data = createCitygridData(transport, new EmbeddedSession(transport));
  return encodeViewSnapshot(await takeViewSnapshot(data, 'seed', rows[0].clock.getTime()));
}

/**
 * `count` synthetic cases spread over the meta-grids (for benchmarks at
 * scale), written without triggers: numbers, grids and times are set here.
 */
export async function addSyntheticCases(db: PGlite, count: number) {
  await db.exec(`set search_path = public, extensions; set session_replication_role = replica;
    insert into cases (case_no, tracking_code, category_code, source, status, description, geom,
                       subdistrict_id, grid_id, reported_at, due_at, closed_at, updated_at)
    select 'CGS-' || lpad(n::text, 9, '0'), 'SYN' || lpad(n::text, 9, '0'),
           (select array_agg(code order by code) from case_categories)[1 + n % (select count(*) from case_categories)::int],
           (enum_range(null::case_source))[1 + n % 4],
           s.status, 'synthetic case ' || n, p.geom, p.subdistrict_id, p.grid_id,
           s.reported_at, s.reported_at + interval '2 days',
           case when s.status = 'closed' then s.reported_at + interval '1 day' end, s.reported_at
    from (
      select row_number() over () as n, d.geom, g.subdistrict_id, g.id as grid_id
      from grids g, lateral ST_Dump(ST_GeneratePoints(g.geom, ceil(${count}::float8 / (select count(*) from grids where level = 'meta_grid'))::int, g.id)) d
      where g.level = 'meta_grid'
      limit ${count}
    ) p,
    lateral (select (array['reported','registered','dispatched','handling','handled','closed','closed','closed'])[1 + (p.n * 7) % 8]::case_status as status,
                    now() - make_interval(secs => (p.n * 7919) % (30 * 86400)) as reported_at) s;
    set session_replication_role = origin; analyze cases;`);
}

export interface SnapshotOptions {
  dir?: string;
  /** Synthetic cases added to the seed (benchmarks at scale). */
  extraCases?: number;
  log?: (line: string) => void;
}

/** Returns the path of an up-to-date snapshot in `dir`, building it if needed. */
export async function ensureSnapshot(options: SnapshotOptions | ((line: string) => void) = {}): Promise<string> {
  const { dir = snapshotDir, extraCases = 0, log = console.log } = typeof options === 'function' ? { log: options } : options;
  const manifestPath = join(dir, 'manifest.json');
  const files = schemaFiles();
  const hash = schemaHash(files) + (extraCases ? `-${extraCases}` : '');
  const current = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as SnapshotManifest) : null;
  if (current?.hash === hash && current.view && existsSync(join(dir, current.file)) && existsSync(join(dir, current.view))) {
    return join(dir, current.file);
  }
  log(`citygrid: building the embedded database snapshot (${files.length} SQL files${extraCases ? `, ${extraCases} extra cases` : ''})…`);
  const started = performance.now();
  const db = await createMigratedDatabase(files);
  if (extraCases) await addSyntheticCases(db, extraCases);
  await db.exec('vacuum analyze');
  const view = Buffer.from(await seedView(db));
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) if (old.endsWith('.pgdata') || old.endsWith('.view')) rmSync(join(dir, old));
  const manifest: SnapshotManifest = {
    hash,
    file: `citygrid-${hash}.pgdata`,
    bytes: bytes.length,
    view: `citygrid-${hash}.view`,
    viewBytes: view.length,
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(join(dir, manifest.file), bytes);
  writeFileSync(join(dir, manifest.view), view);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  log(`citygrid: snapshot ${manifest.file} (${(bytes.length / 1e6).toFixed(1)} MB, view ${(view.length / 1e6).toFixed(1)} MB) built in ${manifest.buildSeconds} s`);
  return join(dir, manifest.file);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureSnapshot();
}
