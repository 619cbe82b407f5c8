import { expect, it } from 'vitest';
import type { Grid } from '../../../src/lib/data/types';
import { ancestorIds, levelForZoom } from '../../../src/lib/overlays/grids';

const grid = (id: number, level: Grid['level'], parentId: number | null): Grid => ({
  id, level, parentId, subdistrictId: 1, code: `G${id}`, nameZh: '', nameEn: '', responsibleName: '', responsiblePhone: '',
  openCases: 0, geometry: { type: 'MultiPolygon', coordinates: [] },
});

it('shows grids far out, micro-grids in the middle and meta-grids close in', () => {
  expect([12, 13.9, 14, 15.4, 15.5, 18].map(levelForZoom)).toEqual(['grid', 'grid', 'micro_grid', 'micro_grid', 'meta_grid', 'meta_grid']);
});

it('finds every grid above a set of meta-grids', () => {
  const store = { byLevel: { grid: [grid(1, 'grid', null), grid(2, 'grid', null)], micro_grid: [grid(10, 'micro_grid', 1)], meta_grid: [grid(100, 'meta_grid', 10), grid(101, 'meta_grid', 10)] } };
  expect(ancestorIds(store, [100, 101])).toEqual(new Set([100, 101, 10, 1]));
  expect(ancestorIds(store, [])).toEqual(new Set());
});
