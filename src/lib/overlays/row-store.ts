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
