import type { ChangeEvent, LayerTable } from '../data/types';

export type ChangeBatch = Map<LayerTable, Set<number>>;

/** How long events gather before a batch goes out. */
export const BATCH_MS = 50;
const afterBatchWindow = (run: () => void) => void setTimeout(run, BATCH_MS);

/**
 * Coalesces change events into one batch per short window: a burst of
 * updates to the same rows costs one re-read and one layer update. A timer,
 * not an animation frame: frames stop in a hidden tab and slow down on a
 * software renderer, and the data must not wait for either.
 */
export function createChangeBatcher(flush: (batch: ChangeBatch) => void, schedule: (run: () => void) => void = afterBatchWindow) {
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
    for (const id of changedRowIds(event)) ids.add(id);
  };
}

/** The ids of the rows an event is about. */
export function changedRowIds(event: ChangeEvent): number[] {
  return event.row_ids ?? [event.row_id];
}

/** Adds the ids of `more` to `into`. */
export function mergeBatch(into: ChangeBatch, more: ChangeBatch): void {
  for (const [table, ids] of more) {
    const set = into.get(table);
    if (set) for (const id of ids) set.add(id);
    else into.set(table, new Set(ids));
  }
}
