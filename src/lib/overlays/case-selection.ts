import { isOpen, type CaseColumns } from '../data/types';
import { mixClass, type MixRule } from './grid-mix';
import { caseHex, countsAsHot, type HotspotCell } from './hotspot-bins';

/**
 * The cases behind a hotspot or a grid's donut, most urgent first: what a
 * case list opens with when one is clicked. Pure functions over the case
 * columns, read at the moment of the click (rows move under live patches,
 * ids do not).
 */

/** Rows in urgency order: overdue first, then open by due time (soonest first), then the rest (closed) by due time. */
export function byUrgency(c: CaseColumns, rows: number[], now: number): number[] {
  const rank = (i: number) => (!isOpen(c.statuses[i]) ? 2 : c.dueAt[i] < now ? 0 : 1);
  return rows
    .map((i) => ({ i, rank: rank(i), due: c.dueAt[i] }))
    .sort((a, b) => a.rank - b.rank || a.due - b.due || c.ids[a.i] - c.ids[b.i])
    .map((r) => r.i);
}

/** Ids of the cases a hotspot cell counted (open, accepted by `include`), most urgent first. */
export function casesInHotspot(c: CaseColumns, cell: Pick<HotspotCell, 'i' | 'j' | 'radius'>, include: (i: number) => boolean, now: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < c.length; i++) {
    if (!countsAsHot(c, i, include)) continue;
    const [hi, hj] = caseHex(c, i, cell.radius);
    if (hi === cell.i && hj === cell.j) rows.push(i);
  }
  return byUrgency(c, rows, now).map((i) => c.ids[i]);
}

/** Ids of the cases a grid's donut counts, in `gridIds` (the grid and every grid below it), most urgent first. */
export function casesInGrid(c: CaseColumns, gridIds: ReadonlySet<number>, rule: MixRule): number[] {
  const rows: number[] = [];
  for (let i = 0; i < c.length; i++) if (gridIds.has(c.gridIds[i]) && mixClass(c, i, rule) >= 0) rows.push(i);
  return byUrgency(c, rows, rule.now).map((i) => c.ids[i]);
}
