import type { CitygridData } from '../data/types';
import type { OverlayContext } from './overlay';

/** Rows of a small layer, replaced by id when change events arrive. */
export interface RowStore<T extends { id: number }> {
  rows: T[];
}

/** Puts `fresh` rows in place of the rows with their ids and drops `ids` that came back empty. */
export function mergeRows<T extends { id: number }>(store: RowStore<T>, ids: number[], fresh: T[]): RowStore<T> {
  const byId = new Map(store.rows.map((row) => [row.id, row]));
  for (const id of ids) byId.delete(id);
  for (const row of fresh) byId.set(row.id, row);
  return { rows: [...byId.values()].sort((a, b) => a.id - b.id) };
}

/** `load` and `refresh` for an overlay of small rows read by `read(data, ids)` (all rows when ids is undefined). */
export function rowSource<T extends { id: number }>(read: (data: CitygridData, ids?: number[]) => Promise<T[]>) {
  return {
    load: async ({ data }: OverlayContext): Promise<RowStore<T>> => ({ rows: await read(data) }),
    refresh: async (store: RowStore<T>, ids: number[], { data }: OverlayContext) => mergeRows(store, ids, await read(data, ids)),
  };
}
