import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WallArea, WallGrid } from '../../../src/lib/data/types';
import { WallTour, type WallAlarm } from '../../../src/lib/wall/tour.svelte';
import { tourStops, worstGrids } from '../../../src/lib/wall/tour-stops';

const area = (code: string): WallArea => ({ code, shortCode: code.slice(0, 3).toUpperCase(), nameZh: code, nameEn: code, bounds: [121, 31, 121.1, 31.1] });
const grid = (code: string, openCases: number, overduePerKm2: number, openPerKm2: number): WallGrid => ({
  id: code.length, code, nameZh: code, nameEn: code, areaKm2: 1, openCases, overdue: overduePerKm2, openPerKm2, overduePerKm2, bounds: [121, 31, 121.01, 31.01],
});
const alarm = (key: string): WallAlarm => ({ key, lon: 121.5, lat: 31.25, titleZh: '电动自行车棚火灾隐患', titleEn: 'E-bike shed fire risk', detail: key, at: 0 });

describe('tour stops', () => {
  it('visits the whole area, each sub-district, then the three worst grids', () => {
    const grids = [grid('A', 5, 1, 9), grid('B', 3, 4, 3), grid('C', 0, 0, 0), grid('D', 2, 1, 12), grid('E', 1, 0, 1)];
    expect(worstGrids(grids).map((g) => g.code)).toEqual(['B', 'D', 'A']);
    const stops = tourStops([area('kongjiang_road'), area('pingliang_road')], grids);
    expect(stops.map((s) => `${s.kind}:${s.key}`)).toEqual(['overview:overview', 'area:kongjiang_road', 'area:pingliang_road', 'grid:B', 'grid:D', 'grid:A']);
  });

  it('skips the per-area stops for a wall of one sub-district, and has none before the areas are known', () => {
    expect(tourStops([area('wuliqiao')], []).map((s) => s.kind)).toEqual(['overview']);
    expect(tourStops([], [grid('A', 1, 1, 1)])).toEqual([]);
  });
});

describe('the auto-tour', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const stops = tourStops([area('a'), area('b')], []);

  it('moves to the next stop each period, round and round', () => {
    const tour = new WallTour(() => stops, 10_000);
    const stop = tour.start();
    expect(tour.stop?.key).toBe('overview');
    vi.advanceTimersByTime(10_000);
    expect(tour.stop?.key).toBe('a');
    vi.advanceTimersByTime(20_000);
    expect(tour.stop?.key).toBe('overview');
    expect(tour.step).toBe(4);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(tour.step).toBe(4);
  });

  it('stops for an urgent event, holds it, then gives the interrupted stop a full turn', () => {
    const tour = new WallTour(() => stops, 10_000, 30_000);
    tour.start();
    vi.advanceTimersByTime(15_000);
    expect(tour.stop?.key).toBe('a');
    tour.interrupt(alarm('fire-1'));
    tour.interrupt(alarm('fire-1'));
    expect(tour.alarm?.key).toBe('fire-1');
    vi.advanceTimersByTime(29_000);
    expect(tour.stop?.key).toBe('a');
    expect(tour.step).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(tour.alarm).toBeNull();
    expect(tour.stop?.key).toBe('a');
    vi.advanceTimersByTime(9_999);
    expect(tour.stop?.key).toBe('a');
    vi.advanceTimersByTime(1);
    expect(tour.stop?.key).toBe('b');
  });

  it('shows events that arrive together one after another', () => {
    const tour = new WallTour(() => stops, null, 30_000);
    tour.start();
    tour.interrupt(alarm('fire-1'));
    tour.interrupt(alarm('fire-2'));
    vi.advanceTimersByTime(30_000);
    expect(tour.alarm?.key).toBe('fire-2');
    vi.advanceTimersByTime(30_000);
    expect(tour.alarm).toBeNull();
    expect(tour.stop?.key).toBe('overview');
  });

  it('stays on the whole area when the tour is off', () => {
    const tour = new WallTour(() => stops, null);
    tour.start();
    vi.advanceTimersByTime(600_000);
    expect(tour.stop?.key).toBe('overview');
    expect(tour.step).toBe(1);
  });
});
