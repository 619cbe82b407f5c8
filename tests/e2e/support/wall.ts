import type { Page } from 'playwright-core';
import type { App } from './browser';
import { nextFrames } from './dashboard';

/** Opens the command wall with a set-up query and waits until its map, KPIs and data source are live. */
export async function openWall(app: App, query: string, viewport: { width: number; height: number }, page?: Page): Promise<Page> {
  const wall = page ?? (await app.browser.newPage({ viewport }));
  if (page) await page.setViewportSize(viewport);
  wall.on('pageerror', (e) => console.error('[page error]', e.message));
  await wall.goto(`${app.url}#/wall${query ? `?${query}` : ''}`);
  await wall.waitForSelector('[data-testid="wall"][data-loaded="true"]', { timeout: 240_000 });
  await wall.waitForSelector('[data-testid="wall-connection"][data-status="live"]', { timeout: 240_000 });
  await settleWall(wall);
  return wall;
}

/**
 * Waits for the map to stand still with every layer drawn complete, like the
 * dashboard's settle, with room for a 4K wall: on a loaded machine without a
 * GPU one frame of it takes seconds.
 */
export async function settleWall(page: Page) {
  await page.waitForFunction(() => {
    const w = window as unknown as { citygridMap?: { loaded(): boolean; isMoving(): boolean }; citygridFrame?: { layers: number; loaded: number } };
    return w.citygridMap?.loaded() && !w.citygridMap.isMoving() && w.citygridFrame && w.citygridFrame.loaded === w.citygridFrame.layers;
  }, null, { timeout: 240_000, polling: 500 });
  await nextFrames(page);
}

/** The wall's KPI tiles by key, as shown. */
export async function kpiValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-kpi]')].map((tile) => [tile.getAttribute('data-kpi'), tile.querySelector('.value')?.textContent?.trim() ?? ''])),
  );
}

/** Page script that reports an e-bike shed fire risk at a place: the urgent event the tour stops for. */
export function reportFireRiskScript(place: { lon: number; lat: number }, description: string): string {
  return `window.citygrid.data.reportCase({ categoryCode: 'E-0411', lon: ${place.lon}, lat: ${place.lat}, description: ${JSON.stringify(description)} })`;
}
