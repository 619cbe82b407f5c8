import { describe, expect, it } from 'vitest';
import { toCaseColumns } from '../../../src/lib/data/case-columns';
import type { CaseColumns } from '../../../src/lib/data/types';
import { inGridMix, inHotspot, type CaseRule } from '../../../src/lib/overlays/case-selection';
import { mixRule } from '../../../src/lib/overlays/grid-mix';
import { binHotspots, hexRadiusForZoom } from '../../../src/lib/overlays/hotspot-bins';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const HOUR = 3_600_000;
const row = (id: number, status: string, dueInHours: number, o: { lon?: number; gridId?: number } = {}) => ({
  id, case_no: `CG-${id}`, category_code: 'E-0501', source: 'resident_qr', status, lon: o.lon ?? 121.5, lat: 31.26, grid_id: o.gridId ?? 100,
  reported_at: new Date(NOW - 24 * HOUR).toISOString(), due_at: new Date(NOW + dueInHours * HOUR).toISOString(),
  closed_at: status === 'closed' ? new Date(NOW - HOUR).toISOString() : null,
});
const idsWhere = (c: CaseColumns, rule: CaseRule) => Array.from({ length: c.length }, (_, i) => i).filter((i) => rule(c, i)).map((i) => c.ids[i]);

describe('the cases behind a hotspot or a grid', () => {
  it('chooses exactly the cases each hotspot cell counted', () => {
    const rows = Array.from({ length: 60 }, (_, k) => row(k + 1, k % 5 === 0 ? 'closed' : 'reported', (k % 7) - 3, { lon: 121.45 + (k % 12) * 0.01 }));
    const c = toCaseColumns(rows);
    const include = (i: number) => c.ids[i] !== 2;
    const bins = binHotspots(c, include, NOW, hexRadiusForZoom(12));
    const chosen = bins.cells.map((cell) => idsWhere(c, inHotspot(cell, include)));
    expect(chosen.map((ids) => ids.length)).toEqual(bins.cells.map((cell) => cell.count));
    expect(new Set(chosen.flat()).size).toBe(chosen.flat().length);
    expect(chosen.flat()).not.toContain(2);
    expect(chosen.flat().every((id) => id % 5 !== 1)).toBe(true);
  });

  it('chooses the cases of a grid and the grids below it that its donut counts', () => {
    const c = toCaseColumns([
      row(1, 'reported', 2, { gridId: 100 }), row(2, 'handling', -2, { gridId: 101 }), row(3, 'reported', 1, { gridId: 200 }),
      row(4, 'closed', -5, { gridId: 100 }), row(5, 'rejected', 1, { gridId: 100 }),
    ]);
    const rule = mixRule({ statuses: [], categories: [], sources: [], sinceDays: 30, overdueOnly: false, replayAt: null }, c.categoryCodes, NOW);
    expect(idsWhere(c, inGridMix(new Set([10, 100, 101]), rule))).toEqual([1, 2, 4]);
    expect(idsWhere(c, inGridMix(new Set([999]), rule))).toEqual([]);
  });

  it('chooses no case for a cell nothing fell in', () => {
    const c = toCaseColumns([row(1, 'reported', 1)]);
    expect(idsWhere(c, inHotspot({ i: 0, j: 0, radius: hexRadiusForZoom(12) }, () => true))).toEqual([]);
  });
});
