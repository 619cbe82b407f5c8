import { casesOverlay, type CaseStore } from './cases';
import { ancestorIds, type GridStore } from './grids';
import { OVERLAYS } from '.';
import type { OverlayContext, OverlayId } from './overlay';
import { createChangeBatcher, type ChangeBatch } from '../live/change-batcher';

const LOAD_ORDER: OverlayId[] = ['fire_stations', 'volunteer_posts', 'parking', 'cases', 'grids'];

/** The rows every overlay draws, loaded once and then kept current from change events. */
export class OverlayStores {
  stores = $state.raw<Partial<Record<OverlayId, unknown>>>({});
  /** Why an overlay's last load failed, in the data source's words; absent once it loads. */
  errors = $state.raw<Partial<Record<OverlayId, string>>>({});
  lastChangeAt = $state(0);
  /** Loads and change batches run one at a time, so neither overwrites the other's newer rows. */
  #queue: Promise<void> = Promise.resolve();

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
      this.errors = { ...this.errors, [id]: error instanceof Error ? error.message : String(error) };
    }
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(task).catch((e) => console.error('citygrid: overlay update failed', e));
    return this.#queue;
  }

  /** Starts applying change events; returns the function that stops it. */
  connect(): () => void {
    const push = createChangeBatcher((batch) => void this.#enqueue(() => this.#apply(batch)));
    return this.context().data.subscribe(push);
  }

  async #apply(batch: ChangeBatch) {
    const ctx = this.context();
    const next = { ...this.stores };
    const caseIds = batch.get('cases');
    if (caseIds?.size && next.cases) {
      this.#addGridsOf(batch, next.cases as CaseStore, caseIds);
      next.cases = await casesOverlay.refresh(next.cases as CaseStore, [...caseIds], ctx);
      this.#addGridsOf(batch, next.cases as CaseStore, caseIds);
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

  /** A case changing moves the open-case counts of its grid and every grid above it. */
  #addGridsOf(batch: ChangeBatch, cases: CaseStore, caseIds: Set<number>) {
    const grids = this.stores.grids as GridStore | undefined;
    if (!grids) return;
    const c = cases.columns;
    const gridIds: number[] = [];
    for (let i = 0; i < c.length; i++) if (caseIds.has(c.ids[i]) && c.gridIds[i] >= 0) gridIds.push(c.gridIds[i]);
    const set = batch.get('grids') ?? new Set<number>();
    for (const id of ancestorIds(grids, gridIds)) set.add(id);
    if (set.size) batch.set('grids', set);
  }
}
