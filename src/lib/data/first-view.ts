/**
 * What the map paints before the data source answers: the view this browser
 * saved last time, or, on the embedded database's first start in this
 * browser, the seed view built with the database.
 */
import type { DataConfig } from './open-data';
import { readCachedView } from './view-cache';
import { decodeViewSnapshot, shiftViewSnapshot, type ViewSnapshot } from './view-snapshot';
import type { SnapshotManifest } from './embedded/snapshot-manifest';
import { readStoredSnapshot } from './embedded/snapshot-store';

export interface FirstView {
  /** Where this browser keeps the view for this data source and account. */
  scope: string;
  snapshot: ViewSnapshot | null;
}

async function fetchManifest(baseUrl: string): Promise<SnapshotManifest> {
  const response = await fetch(`${baseUrl}db/manifest.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`embedded database manifest: HTTP ${response.status}`);
  return (await response.json()) as SnapshotManifest;
}

/** The seed view, its demo times moved to the present exactly as the database moves them when it first starts. */
async function seedView(baseUrl: string, manifest: SnapshotManifest): Promise<ViewSnapshot> {
  const response = await fetch(`${baseUrl}db/${manifest.view}`);
  if (!response.ok) throw new Error(`seed view: HTTP ${response.status}`);
  const seed = decodeViewSnapshot(await response.arrayBuffer());
  return shiftViewSnapshot(seed, Math.max(Date.now() - seed.asOf, 0));
}

/** Never rejects: without a first view the map waits for the data source, as it would anyway. */
export async function firstView(config: DataConfig, account = 'anon'): Promise<FirstView> {
  if (config.supabaseUrl) {
    const scope = `supabase:${config.supabaseUrl}:${account}`;
    return { scope, snapshot: await readCachedView(scope) };
  }
  try {
    const manifest = await fetchManifest(config.baseUrl);
    const scope = `embedded:${manifest.hash}:${account}`;
    // A database already in this browser may hold changes the seed lacks: only its own saved view will do.
    if ((await readStoredSnapshot()) === manifest.hash) return { scope, snapshot: await readCachedView(scope) };
    return { scope, snapshot: account === 'anon' ? await seedView(config.baseUrl, manifest) : null };
  } catch (error) {
    console.warn('citygrid: no first view, waiting for the database', error);
    return { scope: 'embedded', snapshot: null };
  }
}
