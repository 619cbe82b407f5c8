import { keyValueStore } from '../key-value-store';

/** Which database snapshot this browser holds, kept in a tiny IndexedDB store of its own. */
const meta = keyValueStore('citygrid-meta', 'snapshot');

const KEY = 'hash';
export const readStoredSnapshot = () => meta.get<string>(KEY);
export const writeStoredSnapshot = (hash: string) => meta.put(KEY, hash);

/** Deletes PGlite's IndexedDB files for the citygrid data directory. */
export async function removeDatabaseFiles(): Promise<void> {
  await meta.delete(KEY);
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
