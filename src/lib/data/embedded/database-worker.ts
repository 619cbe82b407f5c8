/**
 * The embedded database, shared by every tab of this browser: PGliteWorker
 * elects one tab's worker as leader and the others talk to it. The database
 * persists in the Origin Private File System and starts from the prebuilt
 * snapshot (migrations and seed already applied); a new snapshot (changed
 * migration or seed) replaces it. Opening an empty directory would run
 * initdb, so which snapshot is stored is kept beside the database (IndexedDB)
 * rather than inside it.
 *
 * Reads are relaxed: PGlite answers before its files are flushed. Writes are
 * not: the transport calls syncToFs() after each write, and this worker
 * answers that call only once the files are flushed.
 */
import { PGlite } from '@electric-sql/pglite';
import { worker } from '@electric-sql/pglite/worker';
import { OpfsAhpFS } from '@electric-sql/pglite/opfs-ahp';
import { postgis } from '@electric-sql/pglite-postgis';
import { SEARCH_PATH } from './search-path';
import { readStoredSnapshot, removeDatabaseFiles, writeStoredSnapshot } from './snapshot-store';

export interface EmbeddedOptions {
  snapshotUrl: string;
  snapshotHash: string;
}

/**
 * The Origin Private File System through a pool of sync access handles: a
 * commit writes the pages it changed. (IndexedDB stores whole files again on
 * every sync: the 16 MB WAL segment and every touched table, 0.5 s a write at
 * 100k cases.)
 */
const DATA_DIR = 'citygrid';
/** A handle per file: the data directory with PostGIS holds about 1,130 files; the pool keeps 50 spare. */
const dataFs = () => new OpfsAhpFS(DATA_DIR, { initialPoolSize: 1200, maintainedPoolSize: 50 });

async function openFromSnapshot({ snapshotUrl, snapshotHash }: EmbeddedOptions): Promise<PGlite> {
  const response = await fetch(snapshotUrl);
  if (!response.ok) throw new Error(`snapshot ${snapshotUrl}: HTTP ${response.status}`);
  await removeDatabaseFiles();
  const db = await PGlite.create({ fs: dataFs(), extensions: { postgis }, loadDataDir: await response.blob(), relaxedDurability: true });
  await db.exec(`${SEARCH_PATH}; begin; select bring_demo_data_to_now(); commit;`);
  await db.fs!.syncToFs(false);
  await writeStoredSnapshot(snapshotHash);
  return db;
}

async function open(wanted: EmbeddedOptions): Promise<PGlite> {
  if ((await readStoredSnapshot()) === wanted.snapshotHash) {
    return PGlite.create({ fs: dataFs(), extensions: { postgis }, relaxedDurability: true });
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
