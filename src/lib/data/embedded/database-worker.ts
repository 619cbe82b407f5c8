/**
 * The embedded database, shared by every tab of this browser: PGliteWorker
 * elects one tab's worker as leader and the others talk to it. The database
 * persists in IndexedDB and starts from the prebuilt snapshot (migrations and
 * seed already applied); a new snapshot (changed migration or seed) replaces
 * it. Opening an empty IndexedDB directory would run initdb, so which snapshot
 * is stored is kept beside the database rather than inside it.
 *
 * Reads are relaxed: PGlite answers before IndexedDB has caught up. Writes are
 * not: the transport calls syncToFs() after each write, and this worker
 * answers that call only once the data directory is in IndexedDB.
 */
import { PGlite } from '@electric-sql/pglite';
import { worker } from '@electric-sql/pglite/worker';
import { postgis } from '@electric-sql/pglite-postgis';
import { SEARCH_PATH } from './search-path';
import { readStoredSnapshot, removeDatabaseFiles, writeStoredSnapshot } from './snapshot-store';

export interface EmbeddedOptions {
  snapshotUrl: string;
  snapshotHash: string;
}

const DATA_DIR = 'idb://citygrid';

async function openFromSnapshot({ snapshotUrl, snapshotHash }: EmbeddedOptions): Promise<PGlite> {
  const response = await fetch(snapshotUrl);
  if (!response.ok) throw new Error(`snapshot ${snapshotUrl}: HTTP ${response.status}`);
  await removeDatabaseFiles();
  const db = await PGlite.create({ dataDir: DATA_DIR, extensions: { postgis }, loadDataDir: await response.blob(), relaxedDurability: true });
  await db.exec(`${SEARCH_PATH}; begin; select bring_demo_data_to_now(); commit;`);
  await db.fs!.syncToFs(false);
  await writeStoredSnapshot(snapshotHash);
  return db;
}

async function open(wanted: EmbeddedOptions): Promise<PGlite> {
  if ((await readStoredSnapshot()) === wanted.snapshotHash) {
    return PGlite.create({ dataDir: DATA_DIR, extensions: { postgis }, relaxedDurability: true });
  }
  return openFromSnapshot(wanted);
}

/**
 * The database as the worker serves it to every tab: the same instance, but
 * its syncToFs() waits for IndexedDB instead of returning at once as relaxed
 * durability makes it. PGlite's own per-query syncs still go through the
 * instance itself and stay relaxed.
 */
function withDurableSync(db: PGlite): PGlite {
  let flushed: Promise<void> = Promise.resolve();
  const durableSync = () => (flushed = flushed.then(() => db.fs!.syncToFs(false)));
  return new Proxy(db, {
    get(target, key) {
      if (key === 'syncToFs') return durableSync;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

worker({
  async init(options) {
    const db = await open(options.meta as EmbeddedOptions);
    await db.exec(SEARCH_PATH);
    return withDurableSync(db);
  },
});
