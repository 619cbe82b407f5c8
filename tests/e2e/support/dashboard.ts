import type { BrowserContext, Page } from 'playwright-core';
import type { App } from './browser';

export const ALL_LAYERS = 'grids,cases,fire_stations,parking,volunteer_posts';
const OPEN = 'reported,registered,dispatched,handling,handled';

/** The hash of a view: camera and the overlays shown. */
export function view(zoom: number, lat: number, lon: number, layers = ALL_LAYERS, extra = '') {
  return `#map=${zoom}/${lat}/${lon}/0/0&layers=${layers}&status=${OPEN}&days=30${extra}`;
}

/** Opens a screen (the dashboard unless the hash names another) at a view and waits until every overlay has loaded and the map is idle. */
export async function openAt(app: App, hash: string, viewport = { width: 1280, height: 800 }, context?: BrowserContext): Promise<Page> {
  const page = context ? await context.newPage() : await app.browser.newPage({ viewport });
  if (context) await page.setViewportSize(viewport);
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(app.url + hash);
  await page.waitForSelector('[data-loaded="true"]:is([data-testid="dashboard"], [data-testid="inspect"])', { timeout: 180_000 });
  await settle(page);
  return page;
}

/** Goes to another view in the same page and waits for the map to redraw. */
export async function goTo(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash);
  await settle(page);
}

/** Waits for the map to stand still with every deck.gl layer drawn complete (fonts and icons in), then for two more frames. */
export async function settle(page: Page) {
  await page.waitForFunction(() => {
    const w = window as unknown as { citygridMap?: { loaded(): boolean; isMoving(): boolean }; citygridFrame?: { layers: number; loaded: number } };
    return w.citygridMap?.loaded() && !w.citygridMap.isMoving() && w.citygridFrame && w.citygridFrame.loaded === w.citygridFrame.layers;
  }, null, { timeout: 60_000 });
  await nextFrames(page);
}

/** Waits until the browser has drawn `count` more animation frames. */
export async function nextFrames(page: Page, count = 2) {
  await page.evaluate(`new Promise((resolve) => { let left = ${count}; const tick = () => (--left ? requestAnimationFrame(tick) : resolve(null)); requestAnimationFrame(tick); })`);
}

/** Screen position of a longitude/latitude on the map. */
export async function screenPoint(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([lon, lat]) => {
    const map = (window as unknown as { citygridMap: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } }).citygridMap;
    const p = map.project([lon, lat]);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, [lon, lat] as const);
}

/** Screenshot of the map alone (panels hidden), for pixel checks. */
export async function mapShot(page: Page, path?: string): Promise<Buffer> {
  const panels = 'header, .side, .queue, .work, .maplibregl-ctrl';
  await page.addStyleTag({ content: `${panels} { visibility: hidden !important; }` });
  const shot = await page.screenshot({ path });
  await page.addStyleTag({ content: `${panels} { visibility: visible !important; }` });
  return shot;
}

/** Page script that reports a street-stall case at a place through `window.citygrid.data`. */
export function reportCaseScript(place: { lon: number; lat: number }, description: string): string {
  return `window.citygrid.data.reportCase({ categoryCode: 'E-0501', lon: ${place.lon}, lat: ${place.lat}, description: ${JSON.stringify(description)} })`;
}

/** Waits until the data source answers and the map has caught up (a first visit paints the built-in view while the database starts). */
export async function waitLive(page: Page) {
  await page.waitForSelector('[data-testid="connection"][data-status="live"]', { timeout: 240_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="shown-view"]'), null, { timeout: 120_000 });
}
