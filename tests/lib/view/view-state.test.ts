import { describe, expect, it } from 'vitest';
import { MapState } from '../../../src/lib/view/view-state.svelte';

describe('map state in the URL hash', () => {
  it('round-trips camera, layers, filters and coverage through the hash', () => {
    const a = new MapState();
    a.view = { lon: 121.52, lat: 31.258, zoom: 15.25, bearing: 30, pitch: 45 };
    a.visible.parking = false;
    a.filters.statuses = ['reported', 'handled'];
    a.filters.categories = ['E-0501'];
    a.filters.sources = ['ai_camera'];
    a.filters.sinceDays = 7;
    a.filters.overdueOnly = true;
    a.fireCoverage = true;
    const hash = a.toQuery();
    expect(hash).toContain('map=15.25/31.25800/121.52000/30/45');
    const b = new MapState();
    b.applyQuery(hash);
    expect(b.view).toEqual(a.view);
    expect(b.visible).toEqual({ hotspots: true, grids: true, cases: true, fire_stations: true, parking: false, volunteer_posts: true });
    expect(b.filters).toEqual({ statuses: ['reported', 'handled'], categories: ['E-0501'], sources: ['ai_camera'], sinceDays: 7, overdueOnly: true, replayAt: null });
    expect(b.fireCoverage).toBe(true);
  });

  it('ignores malformed or out-of-range values and unknown statuses', () => {
    const s = new MapState();
    const before = { ...s.view };
    s.applyQuery('map=99/500/abc&status=reported,exploded&days=0&src=carrier_pigeon');
    expect(s.view).toEqual(before);
    expect(s.filters.statuses).toEqual(['reported']);
    expect(s.filters.sources).toEqual([]);
    expect(s.filters.sinceDays).toBe(30);
  });

  it('keeps defaults for anything the hash does not mention', () => {
    const s = new MapState();
    s.applyQuery('');
    expect(Object.values(s.visible).every(Boolean)).toBe(true);
    expect(s.filters.statuses).toContain('handling');
    expect(s.filters.statuses).not.toContain('closed');
  });
});
