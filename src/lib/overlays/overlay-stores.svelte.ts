import { casesOverlay, type CaseStore } from './cases';
import { adjustOpenCases, type GridStore } from './grids';
import { OVERLAYS } from '.';
import type { OverlayContext, OverlayId } from './overlay';
import { createChangeBatcher, mergeBatch, type ChangeBatch } from '../live/change-batcher';
import { isOpen, type CaseColumns } from '../data/types';
import { errorMessage } from '../data/rpc';

const LOAD_ORDER: OverlayId[] = ['fire_stations', 'volunteer_posts', 'parking', 'cases', 'grids'];

/** The rows every overlay draws, loaded once and then kept current from change events. */
export class OverlayStores {
  stores = $state.raw<Partial<Record<OverlayId, unknown>>>({});
  /** Why an overlay's last load failed, in the data source's words; absent once it loads. */
  errors = $state.raw<Partial<Record<OverlayId, string>>>({});
  lastChangeAt = $state(0);
  /** Loads and change batches run one at a time, so neither overwrites the other's newer rows. */
  #queue: Promise<void> = Promise.resolve();
  /** Changes that arrived while a batch was being applied: one set, applied next, so a burst coalesces. */
  #pending: ChangeBatch | null = null;

  constructor(private readonly context: () => OverlayContext) {}

  /** Loads every overlay, cheapest first, each drawn as soon as it arrives (the database answers one query at a time). Never rejects. */
  loadAll(): Promise<void> {
    return this.#enqueue(() => this.#load(LOAD_ORDER));
  }

  /** Loads again only the overlays whose last load failed. */
  retryFailed(): Promise<void> {
    return this.#enqueue(() => this.#load(LOAD_ORDER.filter((id) => id in this.errors)));
  }

  /** Replaces every store with a fresh read, e.g. after an outage during which change events were missed. */
  reloadAll(): Promise<void> {
    return this.loadAll();
  }

  async #load(ids: OverlayId[]) {
    const ctx = this.context();
    await Promise.all(ids.map((id) => this.#loadOne(id, ctx)));
  }

  /** One overlay's load; a failure is recorded and keeps whatever that overlay drew before. */
  async #loadOne(id: OverlayId, ctx: OverlayContext) {
    const overlay = OVERLAYS.find((o) => o.id === id)!;
    try {
      const store = await overlay.load(ctx);
      this.stores = { ...this.stores, [id]: store };
      const { [id]: _cleared, ...rest } = this.errors;
      this.errors = rest;
    } catch (error) {
      this.errors = { ...this.errors, [id]: errorMessage(error) };
    }
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(task).catch((e) => console.error('citygrid: overlay update failed', e));
    return this.#queue;
  }

  /** Starts applying change events; returns the function that stops it. */
  connect(): () => void {
    const push = createChangeBatcher((batch) => this.#receive(batch));
    return this.context().data.subscribe(push);
  }

  #receive(batch: ChangeBatch) {
    if (this.#pending) {
      mergeBatch(this.#pending, batch);
      return;
    }
    this.#pending = batch;
    void this.#enqueue(async () => {
      const next = this.#pending!;
      this.#pending = null;
      await this.#apply(next);
    });
  }

  async #apply(batch: ChangeBatch) {
    const ctx = this.context();
    const next = { ...this.stores };
    const caseIds = batch.get('cases');
    if (caseIds?.size && next.cases) {
      const before = openByGrid((next.cases as CaseStore).columns, caseIds);
      next.cases = await casesOverlay.refresh(next.cases as CaseStore, [...caseIds], ctx);
      const after = openByGrid((next.cases as CaseStore).columns, caseIds);
      if (next.grids) next.grids = adjustOpenCases(next.grids as GridStore, difference(after, before));
    }
    for (const overlay of OVERLAYS) {
      const ids = batch.get(overlay.table);
      if (overlay !== casesOverlay && ids?.size && next[overlay.id]) {
        next[overlay.id] = await overlay.refresh(next[overlay.id] as never, [...ids], ctx);
      }
    }
    this.stores = next;
    this.lastChangeAt = Date.now();
  }
}

/** How many of the cases `ids` are open, per grid they lie in. */
function openByGrid(c: CaseColumns, ids: Set<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < c.length; i++) {
    if (ids.has(c.ids[i]) && c.gridIds[i] >= 0 && isOpen(c.statuses[i])) counts.set(c.gridIds[i], (counts.get(c.gridIds[i]) ?? 0) + 1);
  }
  return counts;
}

function difference(after: Map<number, number>, before: Map<number, number>): Map<number, number> {
  const delta = new Map(after);
  for (const [grid, n] of before) delta.set(grid, (delta.get(grid) ?? 0) - n);
  return delta;
}
