import { expect, it } from 'vitest';
import { patchCaseColumns, toCaseColumns } from '../../../src/lib/data/case-columns';
import type { Grid } from '../../../src/lib/data/types';
import { caseStore } from '../../../src/lib/overlays/cases';
import { currentMix, donuts } from '../../../src/lib/overlays/grid-donuts';
import { adjustOpenCases, afterCasePatch, ancestorIds, gridAndBelow, gridStore, levelForZoom } from '../../../src/lib/overlays/grids';
import type { OverlayContext } from '../../../src/lib/overlays/overlay';

const grid = (id: number, level: Grid['level'], parentId: number | null): Grid => ({
  id, level, parentId, subdistrictId: 1, code: `G${id}`, nameZh: '', nameEn: '', responsibleName: '', responsiblePhone: '',
  openCases: 0, geometry: { type: 'MultiPolygon', coordinates: [] },
});

it('shows grids far out, micro-grids in the middle and meta-grids close in', () => {
  expect([12, 13.9, 14, 15.4, 15.5, 18].map(levelForZoom)).toEqual(['grid', 'grid', 'micro_grid', 'micro_grid', 'meta_grid', 'meta_grid']);
});

it('finds every grid above a set of meta-grids', () => {
  const store = gridStore({ grid: [grid(1, 'grid', null), grid(2, 'grid', null)], micro_grid: [grid(10, 'micro_grid', 1)], meta_grid: [grid(100, 'meta_grid', 10), grid(101, 'meta_grid', 10)] });
  expect(ancestorIds(store, [100, 101])).toEqual(new Set([100, 101, 10, 1]));
  expect(ancestorIds(store, [])).toEqual(new Set());
});

it('moves open-case counts up the hierarchy from per-grid deltas, leaving untouched levels as they were', () => {
  const store = gridStore({ grid: [grid(1, 'grid', null), grid(2, 'grid', null)], micro_grid: [grid(10, 'micro_grid', 1)], meta_grid: [grid(100, 'meta_grid', 10), grid(101, 'meta_grid', 10)] });
  const once = adjustOpenCases(store, new Map([[100, 2], [101, 1]]));
  const counts = (s: typeof store) => Object.fromEntries(Object.values(s.byLevel).flat().map((g) => [g.id, g.openCases]));
  expect(counts(once)).toEqual({ 1: 3, 2: 0, 10: 3, 100: 2, 101: 1 });
  const twice = adjustOpenCases(once, new Map([[101, -1], [2, 0]]));
  expect(counts(twice)).toEqual({ 1: 2, 2: 0, 10: 2, 100: 2, 101: 0 });
  expect(adjustOpenCases(store, new Map([[100, 0]]))).toBe(store);
  expect(adjustOpenCases(store, new Map([[2, 1]])).byLevel.meta_grid).toBe(store.byLevel.meta_grid);
  // The outlines deck.gl draws stay the same arrays: a count change never re-tessellates.
  expect(once.shapes).toBe(store.shapes);
});

const square = (x: number): Grid['geometry'] => ({ type: 'MultiPolygon', coordinates: [[[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]] });
const hierarchy = () =>
  gridStore({
    grid: [{ ...grid(1, 'grid', null), geometry: square(0) }],
    micro_grid: [{ ...grid(10, 'micro_grid', 1), geometry: square(0) }],
    meta_grid: [{ ...grid(100, 'meta_grid', 10), geometry: square(0) }, { ...grid(101, 'meta_grid', 10), geometry: square(0.5) }],
  });
const NOW = Date.parse('2026-11-24T08:00:00Z');
const caseRow = (id: number, status: string, gridId: number) => ({
  id, case_no: `CG-${id}`, category_code: 'E-0501', source: 'resident_qr', status, lon: 0.5, lat: 0.5, grid_id: gridId,
  reported_at: new Date(NOW - 3_600_000).toISOString(), due_at: new Date(NOW + 3_600_000).toISOString(), closed_at: null,
});
const viewAt = (now: number) => ({ now, state: { filters: { statuses: [], categories: [], sources: [], sinceDays: 30 } } }) as unknown as OverlayContext;

it('finds a grid and every grid below it', () => {
  expect(gridAndBelow(hierarchy(), 1)).toEqual(new Set([1, 10, 100, 101]));
  expect(gridAndBelow(hierarchy(), 101)).toEqual(new Set([101]));
});

it('keeps the donuts of the grids current through a live patch, without counting every case again', () => {
  const grids = hierarchy();
  const before = caseStore(toCaseColumns([caseRow(1, 'reported', 100), caseRow(2, 'handling', 101)]), [], NOW);
  const ctx = viewAt(NOW);
  expect([...currentMix(grids, before, ctx).get(1)!]).toEqual([1, 1, 0, 0]);
  const patch = patchCaseColumns(before.columns, [2, 3], toCaseColumns([caseRow(2, 'handled', 101), caseRow(3, 'registered', 101)]));
  const after = { ...before, columns: patch.columns, lastPatch: patch };
  const next = afterCasePatch(grids, before, after, ctx);
  expect(next.mix?.cases).toBe(after);
  expect([...currentMix(next, after, ctx).get(1)!]).toEqual([2, 1, 0, 0]);
  expect(next.byLevel.grid[0].openCases).toBe(1);
  expect(donuts(next, next.mix!.counts, 'meta_grid').map((d) => [d.id, d.counts])).toEqual([[100, [1, 0, 0, 0]], [101, [1, 1, 0, 0]]]);
});

it('counts the donuts afresh when the minute or the filters have moved since', () => {
  const grids = hierarchy();
  const cases = caseStore(toCaseColumns([caseRow(1, 'reported', 100)]), [], NOW);
  const first = currentMix(grids, cases, viewAt(NOW));
  expect(currentMix(grids, cases, viewAt(NOW + 1000))).toBe(first);
  // Two hours on, the case is overdue.
  expect([...currentMix(grids, cases, viewAt(NOW + 2 * 3_600_000)).get(100)!]).toEqual([0, 0, 1, 0]);
});
