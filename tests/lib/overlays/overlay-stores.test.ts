import { describe, expect, it } from 'vitest';
import { toCaseColumns } from '../../../src/lib/data/case-columns';
import type { CitygridData } from '../../../src/lib/data/types';
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
    expect(Object.keys(stores.stores).sort()).toEqual(['cases', 'fire_stations', 'volunteer_posts']);
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
    expect(Object.keys(stores.stores)).toHaveLength(5);
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
});
