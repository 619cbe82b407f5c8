import { isOpen, type CaseColumns } from '../data/types';

/**
 * Row indexes of the cases `includes` accepts, most urgent first: open cases
 * by due time (so the longest overdue lead), then closed ones, latest first.
 */
export function mostUrgentFirst(c: CaseColumns, includes: (c: CaseColumns, i: number) => boolean): number[] {
  const rows: number[] = [];
  for (let i = 0; i < c.length; i++) if (includes(c, i)) rows.push(i);
  const key = (i: number) => (isOpen(c.statuses[i]) ? c.dueAt[i] : Number.MAX_SAFE_INTEGER - c.closedAt[i]);
  return rows.sort((a, b) => key(a) - key(b) || c.ids[a] - c.ids[b]);
}
