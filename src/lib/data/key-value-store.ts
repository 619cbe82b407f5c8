/** A tiny IndexedDB store of its own: one database, one object store, values by key. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export function keyValueStore(databaseName: string, storeName: string): KeyValueStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  /** Resolves once the transaction is complete: a put is then stored, not just queued. */
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) =>
    open().then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const transaction = db.transaction(storeName, mode);
          const request = act(transaction.objectStore(storeName));
          transaction.oncomplete = () => (db.close(), resolve(request.result));
          transaction.onerror = transaction.onabort = () => (db.close(), reject(transaction.error ?? request.error));
        }),
    );
  return {
    get: <T>(key: string) => run<T | undefined>('readonly', (s) => s.get(key)),
    put: (key, value) => run('readwrite', (s) => s.put(value, key)).then(() => undefined),
    delete: (key) => run('readwrite', (s) => s.delete(key)).then(() => undefined),
  };
}
