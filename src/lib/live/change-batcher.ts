import type { ChangeEvent, LayerTable } from '../data/types';

export type ChangeBatch = Map<LayerTable, Set<number>>;

/**
 * Coalesces change events into one batch per animation frame: a burst of
 * updates to the same rows costs one re-read and one layer update.
 */
export function createChangeBatcher(flush: (batch: ChangeBatch) => void, schedule: (run: () => void) => void = requestAnimationFrame) {
  let pending: ChangeBatch | null = null;
  return (event: ChangeEvent) => {
    if (!pending) {
      pending = new Map();
      schedule(() => {
        const batch = pending!;
        pending = null;
        flush(batch);
      });
    }
    let ids = pending.get(event.table);
    if (!ids) pending.set(event.table, (ids = new Set()));
    ids.add(event.row_id);
  };
}

/** Adds the ids of `more` to `into`. */
export function mergeBatch(into: ChangeBatch, more: ChangeBatch): void {
  for (const [table, ids] of more) {
    const set = into.get(table);
    if (set) for (const id of ids) set.add(id);
    else into.set(table, new Set(ids));
  }
}
