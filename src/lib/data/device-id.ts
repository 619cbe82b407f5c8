/** The request header that names the reporting device; PostgREST exposes it to SQL in request.headers. */
export const DEVICE_HEADER = 'x-citygrid-device';
const KEY = 'citygrid.device';

/**
 * A random id for this browser, kept in localStorage. The database counts
 * public reports per device with it; it identifies nothing else.
 */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): string {
  let id = storage.getItem(KEY);
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) {
    id = crypto.randomUUID();
    storage.setItem(KEY, id);
  }
  return id;
}
