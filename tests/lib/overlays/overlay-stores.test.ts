import { describe, expect, it, vi } from 'vitest';
import { toCaseColumns } from '../../../src/lib/data/case-columns';
import type { ChangeEvent, CitygridData, Grid } from '../../../src/lib/data/types';
import type { GridStore } from '../../../src/lib/overlays/grids';
import { OverlayStores } from '../../../src/lib/overlays/overlay-stores.svelte';
import type { OverlayContext } from '../../../src/lib/overlays/overlay';

/** A data source whose parking and grid reads fail while `down` is set. */
function flakyData() {
  const calls: string[] = [];
  const source = {
    down: true,
    calls,
    data: {
      categories: async () => [],
      cases: async () => toCaseColumns([]),
      fireStations: async () => (calls.push('fireStations'), []),
      volunteerPosts: async () => (calls.push('volunteerPosts'), []),
      parkingLots: async () => {
        calls.push('parkingLots');
        if (source.down) throw new Error('Failed to fetch');
        return [];
      },
      grids: async () => {
        calls.push('grids');
        if (source.down) throw new Error('relation "grids" is locked');
        return [];
      },
    } as unknown as CitygridData,
  };
  return source;
}

const storesOver = (data: CitygridData) => new OverlayStores(() => ({ data }) as OverlayContext);

describe('overlay stores', () => {
  it('loads every overlay it can and records why the others failed, without rejecting', async () => {
    const source = flakyData();
    const stores = storesOver(source.data);
    await expect(stores.loadAll()).resolves.toBeUndefined();
    expect(Object.keys(stores.stores).sort()).toEqual(['cases', 'fire_stations', 'hotspots', 'volunteer_posts']);
    expect(stores.errors).toEqual({ parking: 'Failed to fetch', grids: 'relation "grids" is locked' });
  });

  it('retries only the failed overlays and clears their errors once they load', async () => {
    const source = flakyData();
    const stores = storesOver(source.data);
    await stores.loadAll();
    source.down = false;
    source.calls.length = 0;
    await stores.retryFailed();
    expect(source.calls.sort()).toEqual(['grids', 'grids', 'grids', 'parkingLots']);
    expect(stores.errors).toEqual({});
    expect(Object.keys(stores.stores)).toHaveLength(6);
  });

  it('keeps what an overlay drew when a reload of it fails', async () => {
    const source = flakyData();
    source.down = false;
    const stores = storesOver(source.data);
    await stores.loadAll();
    const parking = stores.stores.parking;
    source.down = true;
    await stores.reloadAll();
    expect(stores.stores.parking).toBe(parking);
    expect(Object.keys(stores.errors).sort()).toEqual(['grids', 'parking']);
  });

  it('coalesces changes that arrive during an apply into one re-read, and moves grid counts without re-reading grids', async () => {
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 0));
    const grid = (id: number, level: Grid['level'], parentId: number | null, openCases: number): Grid => ({
      id, level, parentId, subdistrictId: 1, code: `G${id}`, nameZh: '', nameEn: '', responsibleName: '', responsiblePhone: '',
      openCases, geometry: { type: 'MultiPolygon', coordinates: [] },
    });
    const row = (id: number, status: string) => ({ id, case_no: `C${id}`, category_code: 'E', source: 'resident_qr', status, lon: 0, lat: 0, grid_id: 100, reported_at: 0, due_at: 0, closed_at: null });
    const statuses = new Map([[1, 'reported'], [2, 'reported'], [3, 'reported']]);
    let emit: (e: ChangeEvent) => void = () => {};
    let release = () => {};
    const caseReads: number[][] = [];
    let gridReads = 0;
    const data = {
      categories: async () => [],
      cases: async (q: { ids?: number[] } = {}) => {
        if (q.ids) {
          caseReads.push([...q.ids].sort());
          if (caseReads.length === 1) await new Promise<void>((r) => (release = r));
        }
        return toCaseColumns([...statuses].filter(([id]) => !q.ids || q.ids.includes(id)).map(([id, s]) => row(id, s)));
      },
      grids: async (level: Grid['level']) => (gridReads++, { grid: [grid(1, 'grid', null, 3)], micro_grid: [grid(10, 'micro_grid', 1, 3)], meta_grid: [grid(100, 'meta_grid', 10, 3)] }[level]),
      fireStations: async () => [], volunteerPosts: async () => [], parkingLots: async () => [],
      subscribe: (listener: (e: ChangeEvent) => void) => ((emit = listener), () => {}),
    } as unknown as CitygridData;
    const stores = storesOver(data);
    await stores.loadAll();
    stores.connect();
    const change = (id: number, status: string) => (statuses.set(id, status), emit({ table: 'cases', op: 'UPDATE', row_id: id, at: '' }));

    change(1, 'closed');
    await vi.waitFor(() => expect(caseReads).toHaveLength(1));
    change(2, 'closed');
    await new Promise((r) => setTimeout(r, 5));
    change(3, 'rejected');
    await new Promise((r) => setTimeout(r, 5));
    release();
    await vi.waitFor(() => expect(caseReads).toEqual([[1], [2, 3]]));
    await vi.waitFor(() => expect((stores.stores.grids as GridStore).byLevel.grid[0].openCases).toBe(0));
    expect((stores.stores.grids as GridStore).byLevel.meta_grid[0].openCases).toBe(0);
    expect(gridReads).toBe(3);
    vi.unstubAllGlobals();
  });
});
