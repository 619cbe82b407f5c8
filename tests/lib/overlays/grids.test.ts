import { expect, it } from 'vitest';
import type { Grid } from '../../../src/lib/data/types';
import { adjustOpenCases, ancestorIds, gridStore, levelForZoom } from '../../../src/lib/overlays/grids';

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
