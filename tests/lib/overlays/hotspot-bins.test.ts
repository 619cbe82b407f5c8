import { describe, expect, it } from 'vitest';
import { patchCaseColumns, toCaseColumns } from '../../../src/lib/data/case-columns';
import { binHotspots, caseHeat, heatClasses, hexRadiusForZoom, hotspotOpacity, HEX_RADIUS_PX, patchHotspots, type HotspotBins, type HotspotCell } from '../../../src/lib/overlays/hotspot-bins';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const DAY = 86_400_000;
const row = (id: number, status: string, lon: number, lat: number, ageDays = 0, overdue = false) => ({
  id, case_no: `CG-${id}`, category_code: 'E-0501', source: 'resident_qr', status, lon, lat, grid_id: 7,
  reported_at: new Date(NOW - ageDays * DAY).toISOString(), due_at: new Date(NOW + (overdue ? -1 : 1) * 3_600_000).toISOString(), closed_at: null,
});
const everyCase = () => true;

describe('hotspot weights and cells', () => {
  it('keeps cells the same size on screen, stepping by half zoom levels', () => {
    const onScreenPx = (zoom: number) => hexRadiusForZoom(zoom) * 512 * 2 ** zoom;
    for (const zoom of [11, 12.2, 12.5, 13.9]) {
      expect(onScreenPx(zoom)).toBeGreaterThanOrEqual(HEX_RADIUS_PX - 1e-9);
      expect(onScreenPx(zoom)).toBeLessThan(HEX_RADIUS_PX * Math.SQRT2);
    }
    expect(hexRadiusForZoom(12.2)).toBe(hexRadiusForZoom(12.4));
    expect(hexRadiusForZoom(12.5)).toBeLessThan(hexRadiusForZoom(12.4));
  });

  it('weighs a case by recency, halving every three days, and adds one once overdue', () => {
    const c = toCaseColumns([row(1, 'reported', 121.5, 31.26), row(2, 'reported', 121.5, 31.26, 3), row(3, 'reported', 121.5, 31.26, 6, true)]);
    expect(caseHeat(c, 0, NOW)).toBeCloseTo(1);
    expect(caseHeat(c, 1, NOW)).toBeCloseTo(0.5);
    expect(caseHeat(c, 2, NOW)).toBeCloseTo(1.25);
  });

  it('bins only the open cases the filter accepts, summing their heat and keeping the overdue ones for their halo', () => {
    const c = toCaseColumns([
      row(1, 'reported', 121.5, 31.26), row(2, 'handling', 121.5001, 31.2601, 3, true), row(3, 'closed', 121.5, 31.26),
      row(4, 'rejected', 121.5, 31.26), row(5, 'reported', 121.6, 31.3), row(6, 'dispatched', 121.5, 31.26),
    ]);
    const bins = binHotspots(c, (i) => c.ids[i] !== 6, NOW, hexRadiusForZoom(12));
    const byCount = [...bins.cells].sort((a, b) => b.count - a.count);
    expect(byCount.map((cell) => cell.count)).toEqual([2, 1]);
    expect(byCount[0].heat).toBeCloseTo(1 + 0.5 + 1);
    expect(byCount[0].overdue).toBe(1);
    expect([...bins.overduePositions]).toEqual([121.5001, 31.2601]);
  });

  it('moves with a live patch exactly as binning again would, leaving the old bins as they were', () => {
    const c = toCaseColumns([
      row(1, 'reported', 121.5, 31.26), row(2, 'handling', 121.5001, 31.2601, 3, true), row(3, 'reported', 121.6, 31.3, 1, true), row(4, 'dispatched', 121.55, 31.28),
    ]);
    const radius = hexRadiusForZoom(12);
    const before = binHotspots(c, everyCase, NOW, radius);
    const copy = structuredClone(before);
    // 1 closes, 2 moves across town, 3 is deleted, 5 arrives overdue.
    const patch = patchCaseColumns(c, [1, 2, 3, 5], toCaseColumns([row(1, 'closed', 121.5, 31.26), row(2, 'handling', 121.55, 31.28, 3, true), row(5, 'registered', 121.6, 31.3, 0, true)]));
    const patched = patchHotspots(before, patch, () => everyCase, NOW);
    const afresh = binHotspots(patch.columns, everyCase, NOW, radius);
    const cells = (bins: HotspotBins) => bins.cells.map((cell) => `${cell.i},${cell.j}: ${cell.count} ${cell.overdue} ${cell.heat.toFixed(6)}`).sort();
    expect(cells(patched)).toEqual(cells(afresh));
    expect([...patched.overdueIds].sort()).toEqual([...afresh.overdueIds].sort());
    expect(patched.overduePositions.length).toBe(afresh.overduePositions.length);
    expect(before).toEqual(copy);
  });

  it('bins nothing when no case counts', () => {
    const c = toCaseColumns([row(1, 'closed', 121.5, 31.26)]);
    expect(binHotspots(c, everyCase, NOW, hexRadiusForZoom(12)).cells).toEqual([]);
  });

  it('classes heat linearly up to the 95th percentile, so one extreme cell does not wash out the rest', () => {
    const cells = [...Array.from({ length: 19 }, (_, k) => k + 1), 1000].map((heat) => ({ heat }) as HotspotCell);
    const classes = heatClasses(cells, 5);
    expect(classes[19]).toBe(4);
    expect(classes[18]).toBe(4);
    expect(classes[0]).toBe(0);
    expect(classes[9]).toBe(2);
  });

  it('draws hotspots whole zoomed out and fades them out towards street level', () => {
    expect([10, 12, 12.75, 13.5, 16].map(hotspotOpacity)).toEqual([1, 1, 0.5, 0, 0]);
  });
});
