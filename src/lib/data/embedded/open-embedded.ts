import { PGliteWorker } from '@electric-sql/pglite/worker';
import type { SnapshotManifest } from './snapshot-manifest';
import type { SqlDatabase } from '../sql-transport';
import type { EmbeddedOptions } from './database-worker';

/** Starts (or joins) the shared embedded database; resolves once it answers queries. */
export async function openEmbedded(baseUrl: string): Promise<SqlDatabase> {
  const manifestResponse = await fetch(`${baseUrl}db/manifest.json`, { cache: 'no-cache' });
  if (!manifestResponse.ok) throw new Error(`embedded database manifest: HTTP ${manifestResponse.status}`);
  const manifest = (await manifestResponse.json()) as SnapshotManifest;
  const meta: EmbeddedOptions = {
    snapshotUrl: new URL(`${baseUrl}db/${manifest.file}`, location.href).toString(),
    snapshotHash: manifest.hash,
  };
  const worker = new Worker(new URL('./database-worker.ts', import.meta.url), { type: 'module' });
  const db = await PGliteWorker.create(worker, { meta });
  // create() resolves once this tab has joined the leader; the database is ready when it answers.
  await db.query('select 1');
  return db as unknown as SqlDatabase;
}
