/** Which database snapshot this browser holds, kept in a tiny IndexedDB store of its own. */
const META_DB = 'citygrid-meta';
const STORE = 'snapshot';

function openMeta(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(META_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openMeta().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const request = act(db.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => (db.close(), resolve(request.result));
        request.onerror = () => (db.close(), reject(request.error));
      }),
  );
}

/** Keyed by where the database lives: a marker left by the older IndexedDB store names no database here. */
const KEY = 'opfs-hash';
export const readStoredSnapshot = () => run<string | undefined>('readonly', (s) => s.get(KEY));
export const writeStoredSnapshot = (hash: string) => run('readwrite', (s) => s.put(hash, KEY)).then(() => undefined);

/** Deletes the citygrid data directory: in the Origin Private File System, and any older copy in IndexedDB. */
export async function removeDatabaseFiles(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY));
  const root = await navigator.storage.getDirectory();
  await root.removeEntry('citygrid', { recursive: true }).catch(() => {});
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.endsWith('/citygrid'));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}
