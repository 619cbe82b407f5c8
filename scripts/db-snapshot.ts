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
import type { SnapshotManifest } from '../src/lib/data/embedded/snapshot-manifest';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const migrationsDir = join(root, 'supabase/migrations');
const seedPath = join(root, 'supabase/seed.sql');
export const snapshotDir = join(root, 'public/db');
const manifestPath = join(snapshotDir, 'manifest.json');


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

function readManifest(): SnapshotManifest | null {
  return existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as SnapshotManifest) : null;
}

/** Returns the path of an up-to-date snapshot, building it if needed. */
export async function ensureSnapshot(log: (line: string) => void = console.log): Promise<string> {
  const files = schemaFiles();
  const hash = schemaHash(files);
  const current = readManifest();
  if (current?.hash === hash && existsSync(join(snapshotDir, current.file))) {
    return join(snapshotDir, current.file);
  }
  log(`citygrid: building the embedded database snapshot (${files.length} SQL files)…`);
  const started = performance.now();
  const db = await createMigratedDatabase(files);
  await db.exec('vacuum analyze');
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  mkdirSync(snapshotDir, { recursive: true });
  for (const old of readdirSync(snapshotDir)) if (old.endsWith('.pgdata')) rmSync(join(snapshotDir, old));
  const file = `citygrid-${hash}.pgdata`;
  writeFileSync(join(snapshotDir, file), bytes);
  const manifest: SnapshotManifest = {
    hash,
    file,
    bytes: bytes.length,
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  log(`citygrid: snapshot ${file} (${(bytes.length / 1e6).toFixed(1)} MB) built in ${manifest.buildSeconds} s`);
  return join(snapshotDir, file);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureSnapshot();
}
