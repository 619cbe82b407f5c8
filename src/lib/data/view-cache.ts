/**
 * The last view this browser showed, kept in IndexedDB per data source and
 * account, so the next visit paints it at once and only catches up on what
 * changed since.
 */
import { decodeViewSnapshot, encodeViewSnapshot, type ViewSnapshot } from './view-snapshot';

const DB_NAME = 'citygrid-view';
const STORE = 'views';

function openCache(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openCache().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = act(transaction.objectStore(STORE));
        transaction.oncomplete = () => (db.close(), resolve(request.result));
        transaction.onerror = transaction.onabort = () => (db.close(), reject(transaction.error ?? request.error));
      }),
  );
}

/** The saved view for `scope`, or null when there is none or it cannot be read (a cache never breaks the start). */
export async function readCachedView(scope: string): Promise<ViewSnapshot | null> {
  try {
    const buffer = await run<ArrayBuffer | undefined>('readonly', (s) => s.get(scope));
    return buffer ? decodeViewSnapshot(buffer) : null;
  } catch (error) {
    console.warn('citygrid: cached view unreadable, starting without it', error);
    return null;
  }
}

export async function writeCachedView(scope: string, snapshot: ViewSnapshot): Promise<void> {
  const buffer = encodeViewSnapshot({ ...snapshot, kind: 'cache', savedAt: Date.now() });
  await run('readwrite', (s) => s.put(buffer, scope));
}

export async function forgetCachedView(scope: string): Promise<void> {
  await run('readwrite', (s) => s.delete(scope));
}
