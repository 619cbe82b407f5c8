import { caseNo } from '../data/case-columns';
import { CASE_SOURCES, CASE_STATUSES, type CaseColumns, type CitygridData } from '../data/types';
import { throttled } from '../live/throttled';

export type TickerKind = 'report' | 'alarm' | 'closure';

export interface TickerItem {
  key: string;
  kind: TickerKind;
  caseId: number;
  caseNo: string;
  categoryCode: string;
  lon: number;
  lat: number;
  at: number;
  /** An e-bike shed fire risk: the tour stops for it. */
  urgent: boolean;
}

/** Categories urgent enough to interrupt the tour: e-bike shed fire risk. */
export const URGENT_CATEGORIES: readonly string[] = ['E-0411'];
/** Events older than this when first seen are history, not news. */
export const TICKER_WINDOW_MS = 15 * 60_000;
/** The ticker keeps this many items: a wall runs for days. */
export const TICKER_LENGTH = 12;

/** What the cases read say happened within the window before `now`: new reports, camera alarms, closures. */
export function tickerItems(c: CaseColumns, now: number): TickerItem[] {
  const items: TickerItem[] = [];
  for (let i = 0; i < c.length; i++) {
    const status = CASE_STATUSES[c.statuses[i]];
    const closure = status === 'closed' && now - c.closedAt[i] <= TICKER_WINDOW_MS;
    const fresh = status !== 'closed' && status !== 'rejected' && now - c.reportedAt[i] <= TICKER_WINDOW_MS;
    if (!closure && !fresh) continue;
    const camera = CASE_SOURCES[c.sources[i]] === 'ai_camera';
    const kind: TickerKind = closure ? 'closure' : camera ? 'alarm' : 'report';
    const categoryCode = c.categoryCodes[c.categories[i]];
    items.push({
      key: `${c.ids[i]}:${kind}`, kind, caseId: c.ids[i], caseNo: caseNo(c, i), categoryCode,
      lon: c.positions[2 * i], lat: c.positions[2 * i + 1], at: closure ? c.closedAt[i] : c.reportedAt[i],
      urgent: !closure && URGENT_CATEGORIES.includes(categoryCode),
    });
  }
  return items;
}

/** Newest first, each event once, at most TICKER_LENGTH. */
export function mergeTicker(current: TickerItem[], arrived: TickerItem[]): TickerItem[] {
  const byKey = new Map(current.map((item) => [item.key, item]));
  for (const item of arrived) byKey.set(item.key, item);
  return [...byKey.values()].sort((a, b) => b.at - a.at).slice(0, TICKER_LENGTH);
}

/**
 * The wall's live ticker. It reads the cases that change events name, and
 * after an outage the cases changed while away (by the database's clock), so
 * nothing missed is left out. New urgent events go to `onUrgent` once each.
 */
export class WallTicker {
  items = $state.raw<TickerItem[]>([]);
  #pending = new Set<number>();
  /** Urgent events already passed on, with when they happened (forgotten once out of the window). */
  #seenUrgent = new Map<string, number>();
  #checkedAt = Date.now();
  /** What happened before the wall opened goes in the ticker but is not news: no interruption. */
  #quiet = true;

  constructor(
    private readonly data: CitygridData,
    private readonly onUrgent: (item: TickerItem) => void,
  ) {}

  start(): () => void {
    const reader = throttled(() => void this.#read(), 1000);
    const unsubscribe = this.data.subscribe((event) => {
      if (event.table !== 'cases' || event.op === 'DELETE') return;
      for (const id of event.row_ids ?? [event.row_id!]) this.#pending.add(id);
      reader.ask();
    });
    const stopResync = this.data.connection.onResync(() => void this.#catchUp().then(() => reader.ask()));
    void this.#catchUp(TICKER_WINDOW_MS)
      .then(() => this.#read())
      .then(() => (this.#quiet = false));
    return () => {
      unsubscribe();
      stopResync();
      reader.stop();
    };
  }

  /** Queues the cases changed since the last check (or within `lookBackMs` before it). */
  async #catchUp(lookBackMs = 60_000) {
    try {
      const changed = await this.data.casesChangedSince(new Date(this.#checkedAt - lookBackMs));
      changed.ids.forEach((id) => this.#pending.add(id));
      this.#checkedAt = changed.checkedAt;
    } catch {
      // Unreachable: the connection monitor says so, and its resync calls this again.
    }
  }

  async #read() {
    const ids = [...this.#pending];
    if (!ids.length) return;
    this.#pending.clear();
    try {
      const arrived = tickerItems(await this.data.cases({ ids }), Date.now());
      this.items = mergeTicker(this.items, arrived);
      const now = Date.now();
      for (const [key, at] of this.#seenUrgent) if (now - at > 2 * TICKER_WINDOW_MS) this.#seenUrgent.delete(key);
      for (const item of arrived) {
        if (!item.urgent || this.#seenUrgent.has(item.key)) continue;
        this.#seenUrgent.set(item.key, item.at);
        if (!this.#quiet) this.onUrgent(item);
      }
    } catch {
      ids.forEach((id) => this.#pending.add(id));
    }
  }
}
