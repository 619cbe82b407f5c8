import { describe, expect, it } from 'vitest';
import { patchCaseColumns, toCaseColumns } from '../../../src/lib/data/case-columns';
import { gridMix, mixClass, mixRule, parentsOf, patchGridMix } from '../../../src/lib/overlays/grid-mix';
import type { CaseFilters } from '../../../src/lib/view/view-state.svelte';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const HOUR = 3_600_000;
const FILTERS: CaseFilters = { statuses: ['reported'], categories: [], sources: [], sinceDays: 7, overdueOnly: false, replayAt: null };
const row = (id: number, status: string, gridId: number, o: { overdue?: boolean; closedDaysAgo?: number; category?: string } = {}) => ({
  id, case_no: `CG-${id}`, category_code: o.category ?? 'E-0501', source: 'resident_qr', status, lon: 121.5, lat: 31.26, grid_id: gridId,
  reported_at: new Date(NOW - 48 * HOUR).toISOString(), due_at: new Date(NOW + (o.overdue ? -HOUR : HOUR)).toISOString(),
  closed_at: o.closedDaysAgo == null ? null : new Date(NOW - o.closedDaysAgo * 24 * HOUR).toISOString(),
});
// Grid 1 holds micro-grid 10, which holds meta-grids 100 and 101; grid 2 stands alone.
const PARENTS = parentsOf([{ id: 1, parentId: null }, { id: 2, parentId: null }, { id: 10, parentId: 1 }, { id: 100, parentId: 10 }, { id: 101, parentId: 10 }]);
const asObject = (mix: Map<number, Int32Array>) => Object.fromEntries([...mix].map(([id, counts]) => [id, [...counts]]));

describe('grid status mix', () => {
  it('sorts each case into new, in progress, overdue or closed within the period, whatever statuses the view shows', () => {
    const c = toCaseColumns([
      row(1, 'reported', 100), row(2, 'registered', 100), row(3, 'dispatched', 100), row(4, 'handled', 100),
      row(5, 'handling', 100, { overdue: true }), row(6, 'closed', 100, { closedDaysAgo: 2 }), row(7, 'closed', 100, { closedDaysAgo: 9 }),
      row(8, 'rejected', 100),
    ]);
    const rule = mixRule(FILTERS, c.categoryCodes, NOW);
    expect(Array.from({ length: c.length }, (_, i) => mixClass(c, i, rule))).toEqual([0, 0, 1, 1, 2, 3, -1, -1]);
  });

  it('applies the category and source filters', () => {
    const c = toCaseColumns([row(1, 'reported', 100), row(2, 'reported', 100, { category: 'E-0104' })]);
    const rule = mixRule({ ...FILTERS, categories: ['E-0104'] }, c.categoryCodes, NOW);
    expect([mixClass(c, 0, rule), mixClass(c, 1, rule)]).toEqual([-1, 0]);
    expect(mixClass(c, 1, mixRule({ ...FILTERS, sources: ['ai_camera'] }, c.categoryCodes, NOW))).toBe(-1);
  });

  it('counts each finest grid and carries the counts up to every grid above it', () => {
    const c = toCaseColumns([row(1, 'reported', 100), row(2, 'handling', 101), row(3, 'reported', 101, { overdue: true }), row(4, 'closed', 2, { closedDaysAgo: 1 })]);
    expect(asObject(gridMix(c, PARENTS, mixRule(FILTERS, c.categoryCodes, NOW)))).toEqual({
      100: [1, 0, 0, 0], 101: [0, 1, 1, 0], 10: [1, 1, 1, 0], 1: [1, 1, 1, 0], 2: [0, 0, 0, 1],
    });
  });

  it('moves with a live patch exactly as counting again would, leaving the old mix as it was', () => {
    const c = toCaseColumns([row(1, 'reported', 100), row(2, 'handling', 101), row(3, 'reported', 101), row(9, 'reported', 2)]);
    const rule = mixRule(FILTERS, c.categoryCodes, NOW);
    const before = gridMix(c, PARENTS, rule);
    const snapshot = asObject(before);
    // 1 is dispatched, 2 closed, 3 deleted, 4 arrives overdue in grid 2.
    const patch = patchCaseColumns(c, [1, 2, 3, 4], toCaseColumns([row(1, 'dispatched', 100), row(2, 'closed', 101, { closedDaysAgo: 0 }), row(4, 'reported', 2, { overdue: true })]));
    const patched = patchGridMix(before, patch, PARENTS, rule);
    expect(asObject(patched)).toEqual(asObject(gridMix(patch.columns, PARENTS, rule)));
    expect(asObject(before)).toEqual(snapshot);
    expect(asObject(patched)[10]).toEqual([0, 1, 0, 1]);
  });
});
