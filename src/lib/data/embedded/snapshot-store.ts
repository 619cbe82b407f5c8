import { keyValueStore } from '../key-value-store';

/** Which database snapshot this browser holds, kept in a tiny IndexedDB store of its own. */
const meta = keyValueStore('citygrid-meta', 'snapshot');

/** Keyed by where the database lives: a marker left by the older IndexedDB store names no database here. */
const KEY = 'opfs-hash';
export const readStoredSnapshot = () => meta.get<string>(KEY);
export const writeStoredSnapshot = (hash: string) => meta.put(KEY, hash);

/** Deletes the citygrid data directory: in the Origin Private File System, and any older copy in IndexedDB. */
export async function removeDatabaseFiles(): Promise<void> {
  await meta.delete(KEY);
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
