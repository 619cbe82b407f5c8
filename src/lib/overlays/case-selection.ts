import type { CaseColumns } from '../data/types';
import { mixClass, type MixRule } from './grid-mix';
import { caseHex, countsAsHot, type HotspotCell } from './hotspot-bins';

/**
 * Which cases a click on a hotspot or a grid's donut chose: predicates over
 * the case columns, asked again as live patches move the rows, so the list
 * they open stays current.
 */
export type CaseRule = (c: CaseColumns, i: number) => boolean;

/** The cases a hotspot cell counts: open, accepted by `include`, binned into the cell. */
export function inHotspot(cell: Pick<HotspotCell, 'i' | 'j' | 'radius'>, include: (i: number) => boolean): CaseRule {
  return (c, i) => {
    if (!countsAsHot(c, i, include)) return false;
    const [hi, hj] = caseHex(c, i, cell.radius);
    return hi === cell.i && hj === cell.j;
  };
}

/** The cases a grid's donut counts, in `gridIds` (the grid and every grid below it). */
export function inGridMix(gridIds: ReadonlySet<number>, rule: MixRule): CaseRule {
  return (c, i) => gridIds.has(c.gridIds[i]) && mixClass(c, i, rule) >= 0;
}
