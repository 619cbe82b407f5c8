import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JS_BUDGET_GZIP_BYTES, fakeSupabase, parkingLoad } from '../../scripts/bench/parking-light';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';

describe.skipIf(!HAS_CHROMIUM)('the parking page on the Supabase build', () => {
  let supabase: Awaited<ReturnType<typeof fakeSupabase>>;
  let app: App;

  beforeAll(async () => {
    supabase = await fakeSupabase();
    app = await startApp({ production: true, supabaseUrl: supabase.url });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await supabase?.close();
  });

  it('shows its list from at most 150 kB of gzipped JS, without deck.gl or PGlite, and the map only after the list', async () => {
    const load = await parkingLoad(app.browser, app.url, 120_000);
    expect(load.jsBeforeListGzipBytes).toBeLessThanOrEqual(JS_BUDGET_GZIP_BYTES);
    expect(load.jsAll.filter((path) => /deckgl|pglite|live-map|database-worker/.test(path))).toEqual([]);
    expect(load.jsBeforeList.filter((path) => /maplibre|ParkingMap/.test(path))).toEqual([]);
    expect(load.jsAll.some((path) => /maplibre/.test(path))).toBe(true);
    expect(load.mapMs).toBeGreaterThan(load.firstListMs);
  }, 180_000);
});
