/**
 * The last view this browser showed, kept in IndexedDB per data source and
 * account, so the next visit paints it at once and only catches up on what
 * changed since.
 */
import { keyValueStore } from './key-value-store';
import { decodeViewSnapshot, encodeViewSnapshot, type ViewSnapshot } from './view-snapshot';

const views = keyValueStore('citygrid-view', 'views');

/** The saved view for `scope`, or null when there is none or it cannot be read (a cache never breaks the start). */
export async function readCachedView(scope: string): Promise<ViewSnapshot | null> {
  try {
    const buffer = await views.get<ArrayBuffer>(scope);
    return buffer ? decodeViewSnapshot(buffer) : null;
  } catch (error) {
    console.warn('citygrid: cached view unreadable, starting without it', error);
    return null;
  }
}

export async function writeCachedView(scope: string, snapshot: ViewSnapshot): Promise<void> {
  const buffer = encodeViewSnapshot({ ...snapshot, kind: 'cache', savedAt: Date.now() });
  await views.put(scope, buffer);
}
