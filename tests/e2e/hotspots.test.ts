import { pointOnFeature } from '@turf/point-on-feature';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../src/lib/data/types';
import { PULSE_MS } from '../../src/lib/overlays/case-pulses';
import { hexPolygon } from '../../src/lib/overlays/hexagons';
import type { HotspotCell } from '../../src/lib/overlays/hotspot-bins';
import { GRID_MIX_COLOURS } from '../../src/lib/theme/theme';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { goTo, mapShot, openAt, reportCaseScript, screenPoint, view } from './support/dashboard';
import { decode, shareChanged, shareOfColour, type Rgb } from './support/pixels';

const SHOTS = 'tests/e2e/__results__';
const PINGLIANG = { lon: 121.51, lat: 31.262 };
const SPOT = { lon: 121.5235, lat: 31.2585 };

/** Share of pixels `test` accepts. */
function shareWhere(png: Buffer, test: (r: number, g: number, b: number) => boolean): number {
  const { data, width, height } = decode(png);
  let hits = 0;
  for (let i = 0; i < data.length; i += 4) if (test(data[i], data[i + 1], data[i + 2])) hits++;
  return hits / (width * height);
}

const hottestCell = (page: Page) =>
  page.evaluate(`(() => {
    const cells = window.citygrid.stores.stores.hotspots.drawn.bins.cells;
    return cells.reduce((a, b) => (b.heat > a.heat ? b : a));
  })()`) as Promise<HotspotCell>;

/** A grid of the level shown whose donut has new cases in it, with its open-case counts. */
const gridWithNewCases = (page: Page, level: Grid['level']) =>
  page.evaluate(`(() => {
    const grids = window.citygrid.stores.stores.grids;
    const counts = grids.mix.counts;
    return grids.byLevel['${level}'].find((g) => (counts.get(g.id)?.[0] ?? 0) > 0);
  })()`) as Promise<Grid>;

/** Records, in the page, when deck.gl draws a frame. */
const RECORD_FRAMES = `(() => {
  window.__frames = [];
  let last = window.citygridFrame.at;
  const tick = () => {
    if (window.citygridFrame.at !== last) (last = window.citygridFrame.at), window.__frames.push(Date.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Whether deck.gl drew no frame for `ms`. */
const stillFor = (page: Page, ms: number) =>
  page.evaluate(`(async () => {
    const before = window.citygridFrame.at;
    await new Promise((resolve) => setTimeout(resolve, ${ms}));
    return window.citygridFrame.at === before;
  })()`) as Promise<boolean>;

describe.skipIf(!HAS_CHROMIUM)('hotspots, grid donuts and live pulses', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await openAt(app, view(12.3, PINGLIANG.lat, PINGLIANG.lon, 'hotspots'));
  }, 300_000);
  afterAll(async () => app?.close());

  it('draws hotspots zoomed out, the hottest cells at the red end of the ramp', async () => {
    await goTo(page, view(12.3, PINGLIANG.lat, PINGLIANG.lon, ''));
    const empty = await mapShot(page);
    await goTo(page, view(12.3, PINGLIANG.lat, PINGLIANG.lon, 'hotspots,grids'));
    const hot = await mapShot(page, `${SHOTS}/hotspots.png`);
    expect(shareChanged(empty, hot)).toBeGreaterThan(0.01);
    expect(shareWhere(hot, (r, g, b) => r > 150 && g < 90 && b < 100)).toBeGreaterThan(0.0005);
  });

  it('fades hotspots out zooming in, where the case dots take over', async () => {
    await goTo(page, view(12.3, PINGLIANG.lat, PINGLIANG.lon, 'cases'));
    const dotsOnly = await mapShot(page);
    await goTo(page, view(12.3, PINGLIANG.lat, PINGLIANG.lon, 'hotspots,cases'));
    expect(shareChanged(dotsOnly, await mapShot(page))).toBeGreaterThan(0.01);
    await goTo(page, view(14, PINGLIANG.lat, PINGLIANG.lon, 'cases'));
    const closeDots = await mapShot(page);
    await goTo(page, view(14, PINGLIANG.lat, PINGLIANG.lon, 'hotspots,cases'));
    expect(shareChanged(closeDots, await mapShot(page))).toBeLessThan(0.0005);
  });

  it('lists the cases inside a hotspot clicked, most urgent first', async () => {
    await goTo(page, view(12.3, PINGLIANG.lat, PINGLIANG.lon, 'hotspots'));
    const cell = await hottestCell(page);
    const corners = hexPolygon(cell.i, cell.j, cell.radius);
    const centre = await screenPoint(page, corners.reduce((s, c) => s + c[0], 0) / 6, corners.reduce((s, c) => s + c[1], 0) / 6);
    await page.mouse.click(centre.x, centre.y);
    const list = page.getByTestId('case-list');
    await expect.poll(() => list.textContent()).toContain(`${cell.count} 件，最紧急的在前`);
    expect(await list.locator('button.row').count()).toBe(Math.min(cell.count, 50));
    expect(await list.locator('button.row .no').first().textContent()).toMatch(/CG\d{8}-\d{6}/);
    await page.screenshot({ path: `${SHOTS}/hotspot-case-list.png` });
    await page.keyboard.press('Escape');
  });

  it('gives each grid a donut of its status mix at grid zoom, and opens the grid from it', async () => {
    await goTo(page, view(14.2, PINGLIANG.lat, PINGLIANG.lon + 0.01, 'grids'));
    const shot = await mapShot(page, `${SHOTS}/grid-donuts.png`);
    const [fresh, , , closed] = GRID_MIX_COLOURS.map((c) => c.slice(0, 3) as Rgb);
    expect(shareOfColour(shot, fresh, 10)).toBeGreaterThan(0.0001);
    const donutGrey = shareOfColour(shot, closed, 10);
    // Zoomed out, where hotspots tell the story, the grids carry no donut.
    await goTo(page, view(12.3, PINGLIANG.lat, PINGLIANG.lon, 'grids'));
    expect(donutGrey).toBeGreaterThan(10 * shareOfColour(await mapShot(page), closed, 10));

    await goTo(page, view(14.2, PINGLIANG.lat, PINGLIANG.lon + 0.01, 'grids'));
    const grid = await gridWithNewCases(page, 'micro_grid');
    const [lon, lat] = pointOnFeature(grid.geometry).geometry.coordinates;
    await goTo(page, view(15, lat, lon, 'grids'));
    const at = await screenPoint(page, lon, lat);
    await page.mouse.move(at.x, at.y);
    // The donut, not the outline under it, answers the pointer: its tooltip lists the mix.
    await expect.poll(() => page.locator('.citygrid-tooltip').innerText(), { timeout: 10_000 }).toContain('期内结案');
    await page.mouse.click(at.x, at.y);
    const list = page.getByTestId('case-list');
    await expect.poll(() => list.textContent()).toContain(grid.code);
    expect(await list.textContent()).toMatch(/新案件\s*[1-9]/);
    expect(await list.textContent()).toContain('期内结案');
    await page.screenshot({ path: `${SHOTS}/grid-donut-case-list.png` });
    await page.keyboard.press('Escape');
  });

  it('pulses a case that arrives live, then stops drawing once the ring has faded', async () => {
    await goTo(page, view(17, SPOT.lat, SPOT.lon, 'cases'));
    const centre = await screenPoint(page, SPOT.lon, SPOT.lat);
    const clip = { x: centre.x - 60, y: centre.y - 60, width: 120, height: 120 };
    await page.evaluate(RECORD_FRAMES);
    const reported = (await page.evaluate(reportCaseScript(SPOT, '平凉路脉冲 e2e'))) as { id: number };
    const pulseOf = `window.citygrid.stores.stores.cases.pulses.find((p) => p.id === ${reported.id})?.startedAt ?? null`;
    await expect.poll(() => page.evaluate(pulseOf), { timeout: 30_000, interval: 50 }).not.toBeNull();
    await page.screenshot({ clip, path: `${SHOTS}/pulse.png` });
    const startedAt = (await page.evaluate(pulseOf)) as number;
    await expect.poll(() => stillFor(page, 1000), { timeout: 20_000 }).toBe(true);
    // Frames while the ring grows and fades, and the map still once it has faded: no animation left running.
    const frames = (await page.evaluate('window.__frames')) as number[];
    expect(frames.filter((t) => t > startedAt && t <= startedAt + PULSE_MS).length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
