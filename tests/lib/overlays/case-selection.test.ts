import { describe, expect, it } from 'vitest';
import { toCaseColumns } from '../../../src/lib/data/case-columns';
import { byUrgency, casesInGrid, casesInHotspot } from '../../../src/lib/overlays/case-selection';
import { mixRule } from '../../../src/lib/overlays/grid-mix';
import { binHotspots, hexRadiusForZoom } from '../../../src/lib/overlays/hotspot-bins';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const HOUR = 3_600_000;
const row = (id: number, status: string, dueInHours: number, o: { lon?: number; gridId?: number } = {}) => ({
  id, case_no: `CG-${id}`, category_code: 'E-0501', source: 'resident_qr', status, lon: o.lon ?? 121.5, lat: 31.26, grid_id: o.gridId ?? 100,
  reported_at: new Date(NOW - 24 * HOUR).toISOString(), due_at: new Date(NOW + dueInHours * HOUR).toISOString(),
  closed_at: status === 'closed' ? new Date(NOW - HOUR).toISOString() : null,
});
const everyCase = () => true;

describe('the cases behind a hotspot or a grid', () => {
  it('orders by urgency: overdue first (most overdue first), then open by due time, then closed', () => {
    const c = toCaseColumns([row(1, 'reported', 5), row(2, 'handling', -1), row(3, 'closed', -9), row(4, 'registered', 1), row(5, 'dispatched', -3)]);
    const rows = byUrgency(c, [0, 1, 2, 3, 4], NOW);
    expect(rows.map((i) => c.ids[i])).toEqual([5, 2, 4, 1, 3]);
  });

  it('lists exactly the cases each hotspot cell counted', () => {
    const rows = Array.from({ length: 60 }, (_, k) => row(k + 1, k % 5 === 0 ? 'closed' : 'reported', (k % 7) - 3, { lon: 121.45 + (k % 12) * 0.01 }));
    const c = toCaseColumns(rows);
    const include = (i: number) => c.ids[i] !== 2;
    const bins = binHotspots(c, include, NOW, hexRadiusForZoom(12));
    const listed = bins.cells.map((cell) => casesInHotspot(c, cell, include, NOW));
    expect(listed.map((ids) => ids.length)).toEqual(bins.cells.map((cell) => cell.count));
    expect(new Set(listed.flat()).size).toBe(listed.flat().length);
    expect(listed.flat()).not.toContain(2);
    expect(listed.flat().every((id) => id % 5 !== 1)).toBe(true);
  });

  it('lists the cases of a grid and the grids below it that its donut counts, most urgent first', () => {
    const c = toCaseColumns([
      row(1, 'reported', 2, { gridId: 100 }), row(2, 'handling', -2, { gridId: 101 }), row(3, 'reported', 1, { gridId: 200 }),
      row(4, 'closed', -5, { gridId: 100 }), row(5, 'rejected', 1, { gridId: 100 }),
    ]);
    const rule = mixRule({ statuses: [], categories: [], sources: [], sinceDays: 30 }, c.categoryCodes, NOW);
    expect(casesInGrid(c, new Set([10, 100, 101]), rule)).toEqual([2, 1, 4]);
    expect(casesInGrid(c, new Set([999]), rule)).toEqual([]);
  });

  it('lists no case for a cell nothing fell in', () => {
    const c = toCaseColumns([row(1, 'reported', 1)]);
    expect(casesInHotspot(c, { i: 0, j: 0, radius: hexRadiusForZoom(12) }, everyCase, NOW)).toEqual([]);
  });
});
