import { casesOverlay, caseStore, type CaseStore } from './cases';
import type { GridStore } from './grids';
import { OVERLAYS } from '.';
import type { OverlayContext, OverlayId } from './overlay';
import type { RowStore } from './row-store';
import { createChangeBatcher, mergeBatch, type ChangeBatch } from '../live/change-batcher';
import { shiftCaseTimes } from '../data/case-columns';
import { errorMessage } from '../data/rpc';
import type { CitygridData, FireStation, ParkingLot, VolunteerPost } from '../data/types';
import { snapshotReader, type ViewSnapshot } from '../data/view-snapshot';

const LOAD_ORDER: OverlayId[] = ['fire_stations', 'volunteer_posts', 'parking', 'cases', 'grids', 'hotspots'];
const SMALL_LAYERS: OverlayId[] = ['fire_stations', 'volunteer_posts', 'parking', 'grids'];
/** Catching up re-reads cases changed this long before the saved moment: a write that began before it may have committed after. */
const CATCH_UP_OVERLAP_MS = 60_000;
/** A moment no case was changed after: asks the database for its clock alone. */
const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

/** What the map shows while it is not yet current: a saved view, and since when. */
export interface ShownView {
  kind: ViewSnapshot['kind'];
  since: number;
}

/** The rows every overlay draws, loaded once and then kept current from change events. */
export class OverlayStores {
  stores = $state.raw<Partial<Record<OverlayId, unknown>>>({});
  /** Why an overlay's last load failed, in the data source's words; absent once it loads. */
  errors = $state.raw<Partial<Record<OverlayId, string>>>({});
  lastChangeAt = $state(0);
  /** Set while the map shows a saved view it has not yet caught up from; null once current. */
  shown = $state.raw<ShownView | null>(null);
  /** Called after each batch of changes is applied (benchmarks measure the lag with it). */
  onApplied: ((batch: ChangeBatch) => void) | null = null;
  /** The database time the stores are current as of, for catching up on the next visit. */
  #asOf = 0;
  /** Loads and change batches run one at a time, so neither overwrites the other's newer rows. */
  #queue: Promise<void> = Promise.resolve();
  /** Changes that arrived while a batch was being applied: one set, applied next, so a burst coalesces. */
  #pending: ChangeBatch | null = null;

  constructor(private readonly context: () => OverlayContext) {}

  /** Loads every overlay, cheapest first, each drawn as soon as it arrives (the database answers one query at a time). Never rejects. */
  loadAll(): Promise<void> {
    return this.#enqueue(async () => {
      const asOf = await this.#databaseNow();
      await this.#load(LOAD_ORDER);
      if (asOf !== null && !Object.keys(this.errors).length) this.#asOf = asOf;
    });
  }

  /** Draws a saved view at once, before the data source answers. */
  paint(snapshot: ViewSnapshot): Promise<void> {
    const reader = snapshotReader(snapshot) as CitygridData;
    this.shown = { kind: snapshot.kind, since: snapshot.kind === 'cache' ? snapshot.savedAt : snapshot.asOf };
    return this.#enqueue(() => this.#load(LOAD_ORDER, { ...this.context(), data: reader }));
  }

  /**
   * Brings a painted view up to date in place: the small layers are read
   * again, the cases changed since the view was saved are re-read by id and
   * patched in. Nothing is cleared first, so nothing flashes.
   */
  catchUp(snapshot: ViewSnapshot): Promise<void> {
    return this.#enqueue(async () => {
      const { data } = this.context();
      await data.ready;
      const cases = this.stores.cases as CaseStore | undefined;
      if (cases) await this.#catchUpCases(cases, snapshot.asOf, data);
      await this.#load(cases ? SMALL_LAYERS : LOAD_ORDER);
      if (!Object.keys(this.errors).length) this.shown = null;
    });
  }

  async #catchUpCases(store: CaseStore, asOf: number, data: CitygridData) {
    try {
      await this.#alignClock(store, data);
      const changed = await data.casesChangedSince(new Date(asOf - CATCH_UP_OVERLAP_MS));
      if (changed.ids.length) await this.#apply(new Map([['cases', new Set(changed.ids)]]));
      const counts = await data.layerCounts();
      // A case deleted since leaves no trace to catch up from: then read them all again.
      if (counts.cases !== (this.stores.cases as CaseStore).columns.length) await this.#load(['cases']);
      this.#asOf = changed.checkedAt;
    } catch (error) {
      this.errors = { ...this.errors, cases: errorMessage(error) };
    }
  }

  /** The seed view's times were moved to this device's clock; the database moved its own a moment later. One case read by id tells the difference. */
  async #alignClock(store: CaseStore, data: CitygridData) {
    const c = store.columns;
    if (!c.length) return;
    const fresh = await data.cases({ ids: [c.ids[0]] });
    const drift = fresh.length ? fresh.reportedAt[0] - c.reportedAt[0] : 0;
    if (drift) {
      shiftCaseTimes(c, drift);
      this.stores = { ...this.stores, cases: caseStore(c, store.categories) };
    }
  }

  async #databaseNow(): Promise<number | null> {
    try {
      return (await this.context().data.casesChangedSince(FAR_FUTURE)).checkedAt;
    } catch {
      return null;
    }
  }

  /** The stores as a view snapshot to save, or null until every overlay has loaded and caught up. */
  view(): ViewSnapshot | null {
    const s = this.stores;
    if (this.shown || !this.#asOf || LOAD_ORDER.some((id) => !s[id])) return null;
    const cases = s.cases as CaseStore;
    return {
      kind: 'cache',
      asOf: this.#asOf,
      savedAt: Date.now(),
      categories: cases.categories,
      grids: Object.values((s.grids as GridStore).byLevel).flat(),
      fireStations: (s.fire_stations as RowStore<FireStation>).rows,
      parkingLots: (s.parking as RowStore<ParkingLot>).rows,
      volunteerPosts: (s.volunteer_posts as RowStore<VolunteerPost>).rows,
      cases: cases.columns,
    };
  }

  /** Loads again only the overlays whose last load failed. */
  retryFailed(): Promise<void> {
    return this.#enqueue(() => this.#load(LOAD_ORDER.filter((id) => id in this.errors)));
  }

  /** Replaces every store with a fresh read, e.g. after an outage during which change events were missed. */
  reloadAll(): Promise<void> {
    return this.loadAll();
  }

  async #load(ids: OverlayId[], ctx = this.context()) {
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
      const before = next.cases as CaseStore;
      const cases = await casesOverlay.refresh(before, [...caseIds], ctx);
      next.cases = cases;
      for (const overlay of OVERLAYS) {
        if (overlay.followCases && next[overlay.id]) next[overlay.id] = overlay.followCases(next[overlay.id] as never, before, cases, ctx);
      }
    }
    for (const overlay of OVERLAYS) {
      const ids = batch.get(overlay.table);
      if (overlay !== casesOverlay && ids?.size && next[overlay.id]) {
        next[overlay.id] = await overlay.refresh(next[overlay.id] as never, [...ids], ctx);
      }
    }
    this.stores = next;
    this.lastChangeAt = Date.now();
    this.onApplied?.(batch);
  }
}
