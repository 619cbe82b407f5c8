import type { CasePatch } from '../data/case-columns';
import { CASE_SOURCES, CASE_STATUSES, isOpen, type CaseColumns } from '../data/types';
import type { CaseFilters } from '../view/view-state.svelte';

/**
 * Each grid's status mix, the donut it carries: new, in progress, overdue,
 * and closed within the period. Counted per finest grid from the case columns
 * and carried up to every grid above; a live patch moves only the grids of the
 * cases it changed. Pure: tested in Node.
 */
export const MIX_CLASSES = ['new', 'inProgress', 'overdue', 'closed'] as const;
export type MixClass = (typeof MIX_CLASSES)[number];

const NEW_STATUSES = new Set(['reported', 'registered'].map((s) => CASE_STATUSES.indexOf(s as never)));
const CLOSED = CASE_STATUSES.indexOf('closed');
const DAY_MS = 86_400_000;

export interface MixRule {
  now: number;
  /** Closed cases count when closed at or after this time (the filter's period). */
  closedSince: number;
  /** The view's category and source filters; its statuses do not apply, as the donut shows them all. */
  include: (c: CaseColumns, i: number) => boolean;
}

/** The rule for a view: its category and source filters, closed cases within its period. */
export function mixRule(filters: CaseFilters, categoryCodes: string[], now: number): MixRule {
  const categories = filters.categories.length ? new Set(filters.categories.map((code) => categoryCodes.indexOf(code))) : null;
  const sources = filters.sources.length ? new Set(filters.sources.map((s) => CASE_SOURCES.indexOf(s))) : null;
  return {
    now,
    closedSince: now - filters.sinceDays * DAY_MS,
    include: (c, i) => (!categories || categories.has(c.categories[i])) && (!sources || sources.has(c.sources[i])),
  };
}

/** The donut class of case `i` (an index into MIX_CLASSES), or -1 where it counts in none: rejected, closed before the period, filtered out. */
export function mixClass(c: CaseColumns, i: number, rule: MixRule): number {
  const status = c.statuses[i];
  if (!rule.include(c, i)) return -1;
  if (isOpen(status)) return c.dueAt[i] < rule.now ? 2 : NEW_STATUSES.has(status) ? 0 : 1;
  return status === CLOSED && c.closedAt[i] >= rule.closedSince ? 3 : -1;
}

/** Counts per grid id, one per MIX_CLASSES entry. */
export type GridMix = Map<number, Int32Array>;

/** Parent of each grid id; a grid without one is at the top. */
export type ParentOf = Map<number, number | null>;

export const parentsOf = (grids: Iterable<{ id: number; parentId: number | null }>): ParentOf => new Map([...grids].map((g) => [g.id, g.parentId]));

function add(mix: GridMix, parentOf: ParentOf, gridId: number, counts: ArrayLike<number>, sign: 1 | -1, copied?: Set<number>) {
  for (let id: number | null | undefined = gridId; id != null; id = parentOf.get(id)) {
    let row = mix.get(id);
    if (!row || (copied && !copied.has(id))) {
      row = row ? row.slice() : new Int32Array(MIX_CLASSES.length);
      mix.set(id, row);
      copied?.add(id);
    }
    for (let k = 0; k < row.length; k++) row[k] += sign * counts[k];
  }
}

/** The mix of every grid: counted per finest grid first, then carried up once per grid rather than once per case. */
export function gridMix(c: CaseColumns, parentOf: ParentOf, rule: MixRule): GridMix {
  const finest = new Map<number, Int32Array>();
  for (let i = 0; i < c.length; i++) {
    const k = c.gridIds[i] >= 0 ? mixClass(c, i, rule) : -1;
    if (k < 0) continue;
    let row = finest.get(c.gridIds[i]);
    if (!row) finest.set(c.gridIds[i], (row = new Int32Array(MIX_CLASSES.length)));
    row[k]++;
  }
  const mix: GridMix = new Map();
  for (const [gridId, counts] of finest) add(mix, parentOf, gridId, counts, 1);
  return mix;
}

/**
 * The mix after a live patch: the changed cases' old rows counted out and
 * their new rows counted in. A new map; only the rows it touched are copies,
 * so the mix it came from is left as it was.
 */
export function patchGridMix(mix: GridMix, patch: CasePatch, parentOf: ParentOf, rule: MixRule): GridMix {
  const next: GridMix = new Map(mix);
  const copied = new Set<number>();
  const one = new Int32Array(MIX_CLASSES.length);
  const count = (c: CaseColumns, i: number, sign: 1 | -1) => {
    const k = c.gridIds[i] >= 0 ? mixClass(c, i, rule) : -1;
    if (k < 0) return;
    one.fill(0)[k] = 1;
    add(next, parentOf, c.gridIds[i], one, sign, copied);
  };
  for (let k = 0; k < patch.before.length; k++) count(patch.before, k, -1);
  for (const i of patch.rows) count(patch.columns, i, 1);
  for (const id of copied) if (next.get(id)!.every((n) => n === 0)) next.delete(id);
  return next;
}
