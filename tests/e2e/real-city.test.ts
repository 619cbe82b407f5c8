import { readFileSync } from 'node:fs';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP } from '../../src/lib/theme/theme';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { goTo, mapShot, openAt, screenPoint, settle, view } from './support/dashboard';
import { decode, hex, shareChanged, shareOfColour, type Rgb } from './support/pixels';

const SHOTS = 'tests/e2e/__results__';
const WATER = hex(BASEMAP.light.water);
const LAND = hex(BASEMAP.light.land);

/** Mid-river on the OSM centre-line, 200+ m from either bank (checked against the riverbank polygons). */
const HUANGPU = {
  yangpuBridge: { lon: 121.5245, lat: 31.24957 },
  lujiazuiBend: { lon: 121.498, lat: 31.24749 },
};
/**
 * On the old synthetic centre-lines, inside an OSM land polygon and far from the real water
 * (computed from the deleted scripts/geo/water.ts): the synthetic Huangpu cut west of the
 * real one below Longhua, and the synthetic Suzhou Creek zig-zagged north of Changshou Road.
 */
const FORMER_SYNTHETIC_RIVER = {
  huangpuNearLonghua: { lon: 121.46785, lat: 31.17969 },
  suzhouCreekZigZag: { lon: 121.4379, lat: 31.23931 },
};

/** Share of the pixels within `radiusPx` of a point that have the colour. */
function shareAround(png: Buffer, at: { x: number; y: number }, colour: Rgb, radiusPx = 10, tolerance = 6): number {
  const { data, width } = decode(png);
  let hits = 0;
  let all = 0;
  for (let y = Math.round(at.y) - radiusPx; y <= Math.round(at.y) + radiusPx; y++) {
    for (let x = Math.round(at.x) - radiusPx; x <= Math.round(at.x) + radiusPx; x++) {
      const i = (y * width + x) * 4;
      all++;
      if ([0, 1, 2].every((c) => Math.abs(data[i + c] - colour[c]) <= tolerance)) hits++;
    }
  }
  return hits / all;
}

async function basemapAt(page: Page, place: { lon: number; lat: number }, colour: Rgb, name: string): Promise<number> {
  await goTo(page, view(15, place.lat, place.lon, ''));
  const shot = await mapShot(page, `${SHOTS}/real-city-${name}.png`);
  return shareAround(shot, await screenPoint(page, place.lon, place.lat), colour);
}

describe.skipIf(!HAS_CHROMIUM)('the real city on the map', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await openAt(app, view(15, HUANGPU.yangpuBridge.lat, HUANGPU.yangpuBridge.lon, ''));
  }, 300_000);
  afterAll(async () => app?.close());

  it('draws river water where the real Huangpu flows', async () => {
    for (const [name, place] of Object.entries(HUANGPU)) {
      expect(await basemapAt(page, place, WATER, name), name).toBeGreaterThan(0.9);
    }
  });

  it('draws land where the synthetic river used to run', async () => {
    for (const [name, place] of Object.entries(FORMER_SYNTHETIC_RIVER)) {
      expect(await basemapAt(page, place, LAND, name), name).toBeGreaterThan(0.9);
      expect(await basemapAt(page, place, WATER, name), name).toBe(0);
    }
  });

  it('credits OpenStreetMap under the ODbL and says what is synthetic', async () => {
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect.poll(() => attribution.textContent()).toContain('© OpenStreetMap contributors');
    expect(await attribution.textContent()).toContain('ODbL 1.0');
    expect(await attribution.textContent()).toContain('合成演示数据');
    expect(await attribution.locator('a[href="https://www.openstreetmap.org/copyright"]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect.poll(() => attribution.textContent()).toContain('Synthetic demo data');
    expect(await attribution.textContent()).toContain('© OpenStreetMap contributors');
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect.poll(() => attribution.textContent()).toContain('合成演示数据');
  });

  it('names the neighbouring places in English in the English interface', async () => {
    // Place names are drawn with the grids overlay; this view shows neighbours (North Bund, North Sichuan Road) but no grid.
    await goTo(page, view(14.5, 31.25, 121.47, 'grids'));
    const chinese = await mapShot(page);
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect.poll(async () => shareChanged(chinese, await mapShot(page)), { timeout: 20_000 }).toBeGreaterThan(0.002);
    await mapShot(page, `${SHOTS}/real-city-english-labels.png`);
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect.poll(async () => shareChanged(chinese, await mapShot(page)), { timeout: 20_000 }).toBeLessThan(0.0005);
  });

  it('shows the whole service area in 4K: the real river, the four real outlines and the grids inside them', async () => {
    const subdistricts = JSON.parse(readFileSync('geo/subdistricts.geojson', 'utf8')) as FeatureCollection;
    const [west, south, east, north] = bbox(subdistricts);
    await page.setViewportSize({ width: 3840, height: 2160 });
    await goTo(page, view(13, (south + north) / 2, (west + east) / 2));
    await page.evaluate(
      (bounds) => (window as unknown as { citygridMap: { fitBounds(b: unknown, o: unknown): void } }).citygridMap.fitBounds(bounds, { padding: 60, animate: false }),
      [[west, south], [east, north]],
    );
    await settle(page);
    const shot = await mapShot(page, `${SHOTS}/real-city-4k.png`);
    expect(decode(shot)).toMatchObject({ width: 3840, height: 2160 });
    expect(shareOfColour(shot, WATER, 6)).toBeGreaterThan(0.01);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 180_000);
});
