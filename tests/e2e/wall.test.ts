import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { watchPageErrors } from './support/page-watch';
import { kpiValues, openWall, reportFireRiskScript, settleWall } from './support/wall';

const SHOTS = 'tests/e2e/__results__';
/** A spot inside Pingliang Road. */
const SPOT = { lon: 121.5235, lat: 31.2585 };
const KPIS = ['open_cases', 'overdue', 'reported_today', 'closed_today', 'close_rate', 'on_time_close_rate', 'median_close_hours', 'parking_occupancy', 'volunteers_on_duty', 'fire_reach'];

/** The height in pixels of an element's text, as laid out. */
const fontPx = (page: Page, selector: string) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), selector);

describe.skipIf(!HAS_CHROMIUM)('the command wall', () => {
  let app: App;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startApp();
    page = await app.browser.newPage({ viewport: { width: 3840, height: 2160 } });
    errors = watchPageErrors(page);
    await openWall(app, 'tour=off', { width: 3840, height: 2160 }, page);
  }, 400_000);
  afterAll(async () => app?.close());

  it('fills a 4K screen, dark, with every KPI, its trend, the clock and the live state, in type readable from 5 m', async () => {
    expect(await page.getByTestId('wall').getAttribute('data-scale')).toBe('2.00');
    const values = await kpiValues(page);
    expect(Object.keys(values).sort()).toEqual([...KPIS].sort());
    expect(values.open_cases).toMatch(/^[\d,]+$/);
    expect(values.close_rate).toMatch(/%$/);
    expect(await page.locator('[data-kpi="close_rate"] .note').textContent()).toMatch(/目标 96\.0 %/);
    expect(await page.getByTestId('wall-clock').textContent()).toMatch(/\d\d:\d\d:\d\d/);
    expect(await page.getByTestId('wall-connection').textContent()).toContain('实时');
    expect(await fontPx(page, '[data-kpi="open_cases"] .value')).toBeGreaterThanOrEqual(110);
    expect(await fontPx(page, '[data-kpi="open_cases"] h2')).toBeGreaterThanOrEqual(40);
    expect(await fontPx(page, '[data-testid="wall-ticker"] h2')).toBeGreaterThanOrEqual(40);
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="wall"]')!).backgroundColor);
    expect(background).toBe('rgb(6, 11, 20)');
    await page.screenshot({ path: `${SHOTS}/wall-4k.png` });
  });

  it('frames the served area to fill the map, and frames it again when the screen changes size', async () => {
    const framed = () => page.evaluate(() => {
      const map = (window as unknown as { citygridMap: { getBounds(): { getWest(): number; getEast(): number; getSouth(): number; getNorth(): number }; getContainer(): HTMLElement } }).citygridMap;
      const b = map.getBounds();
      return { west: b.getWest(), east: b.getEast(), south: b.getSouth(), north: b.getNorth(), width: map.getContainer().clientWidth };
    });
    /** What keeps the view from framing the area, or null. The four sub-districts span 121.423–121.538 E, 31.186–31.327 N. */
    const misfit = (b: Awaited<ReturnType<typeof framed>>) => {
      const problems = [b.west < 121.43, b.east > 121.53, b.south < 31.19, b.north > 31.32].every(Boolean) ? [] : ['cut off'];
      // Little to spare on the tighter axis.
      if (Math.min((b.east - b.west) / 0.115, (b.north - b.south) / 0.141) > 1.25) problems.push('too far out');
      return problems.length ? `${problems.join(', ')}: ${JSON.stringify(b)}` : null;
    };
    /** How far the sub-districts' southern edge reaches below the legend's top, in pixels: nothing framed may sit under it. */
    const south = Math.min(...(await page.evaluate(`window.citygrid.data.wallAreas(null)`) as { bounds: number[] }[]).map((a) => a.bounds[1]));
    const underLegend = () => page.evaluate((south) => {
      const map = (window as unknown as { citygridMap: { project(p: [number, number]): { y: number }; getContainer(): HTMLElement } }).citygridMap;
      const legendTop = document.querySelector('[data-testid="wall-legend"]')!.getBoundingClientRect().top - map.getContainer().getBoundingClientRect().top;
      return map.project([121.45, south]).y - legendTop;
    }, south);
    expect(misfit(await framed())).toBeNull();
    await expect.poll(underLegend, { timeout: 30_000 }).toBeLessThan(0);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await framed()).width, { timeout: 30_000 }).toBeLessThan(1500);
    await settleWall(page);
    await expect.poll(async () => misfit(await framed()), { timeout: 30_000 }).toBeNull();
    await expect.poll(underLegend, { timeout: 30_000 }).toBeLessThan(0);
    expect(await page.getByTestId('wall').getAttribute('data-scale')).toBe('1.00');
    // The overview is the density map alone, its legend with it; points come with the closer stops.
    expect(await page.getByTestId('wall').getAttribute('data-overlays')).toBe('false');
    expect(await page.getByTestId('wall-legend').textContent()).not.toContain('消防救援站');
    await page.screenshot({ path: `${SHOTS}/wall-1080p.png` });
  });

  it('lays out 32:9 and portrait walls with every tile visible', async () => {
    for (const [name, viewport] of [['32x9', { width: 3840, height: 1080 }], ['portrait', { width: 1080, height: 1920 }]] as const) {
      await page.setViewportSize(viewport);
      await settleWall(page);
      const hidden = await page.evaluate(() => [...document.querySelectorAll('[data-kpi], [data-testid="wall-ticker"], [data-testid="wall-clock"]')]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width < 10 || r.height < 10 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1; })
        .map((el) => el.getAttribute('data-kpi') ?? el.getAttribute('data-testid')));
      expect(hidden, name).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/wall-${name}.png` });
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('puts a new report in the ticker and moves the KPIs without a reload', async () => {
    const before = await kpiValues(page);
    await page.evaluate(() => ((window as unknown as { wallVisit: number }).wallVisit = 1));
    const reported = (await page.evaluate(`window.citygrid.data.reportCase({ categoryCode: 'E-0501', lon: ${SPOT.lon}, lat: ${SPOT.lat}, description: '大屏滚动 e2e' })`)) as { caseNo: string };
    await page.locator(`[data-testid="wall-ticker"] li[data-case-no="${reported.caseNo}"][data-kind="report"]`).waitFor({ timeout: 60_000 });
    const count = (s: string) => Number(s.replace(/[^\d]/g, ''));
    await expect.poll(async () => count((await kpiValues(page)).reported_today), { timeout: 60_000 }).toBe(count(before.reported_today) + 1);
    expect(await page.evaluate(() => (window as unknown as { wallVisit?: number }).wallVisit)).toBe(1);
  }, 120_000);

  it('stops the tour for an e-bike shed fire risk: flies there, names it, then tours on', async () => {
    const tour = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const tourErrors = watchPageErrors(tour);
    await openWall(app, 'tour=6s&areas=KJR,PLR&target=0.96', { width: 1920, height: 1080 }, tour);
    const wall = tour.getByTestId('wall');
    const step = async () => Number(await wall.getAttribute('data-tour-step'));
    // The tour moves on by itself: overview, Kongjiang Road, Pingliang Road, the worst grids.
    const stops = new Set<string>();
    await expect.poll(async () => { stops.add((await wall.getAttribute('data-tour-stop'))!); return stops.size; }, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(3);
    for (const stop of stops) expect(stop).toMatch(/^(overview|kongjiang_road|pingliang_road|KJR-G\d+|PLR-G\d+)$/);
    const reported = (await tour.evaluate(reportFireRiskScript(SPOT, '电动自行车棚 充电冒烟 e2e'))) as { caseNo: string };
    const alarm = tour.getByTestId('wall-alarm');
    await alarm.waitFor({ timeout: 60_000 });
    expect(await alarm.textContent()).toContain('电动自行车棚火灾隐患');
    expect(await alarm.textContent()).toContain(reported.caseNo);
    expect(await alarm.getAttribute('role')).toBe('alert');
    // The camera goes to the event and stays there while it is shown: the tour does not move on.
    const camera = () => tour.evaluate(() => {
      const map = (window as unknown as { citygridMap: { getZoom(): number; getCenter(): { lng: number; lat: number }; isMoving(): boolean } }).citygridMap;
      return { zoom: map.getZoom(), ...map.getCenter(), moving: map.isMoving() };
    });
    await expect.poll(async () => { const c = await camera(); return !c.moving && c.zoom > 16 && Math.hypot(c.lng - SPOT.lon, c.lat - SPOT.lat) < 0.0005; }, { timeout: 30_000 }).toBe(true);
    const pausedAt = await step();
    expect(await wall.getAttribute('data-overlays')).toBe('true');
    expect(await tour.getByTestId('wall-legend').textContent()).toContain('消防救援站');
    await settleWall(tour);
    await tour.screenshot({ path: `${SHOTS}/wall-alarm.png` });
    expect(await step()).toBe(pausedAt);
    expect(await tour.locator(`[data-testid="wall-ticker"] li.urgent[data-case-no="${reported.caseNo}"]`).count()).toBe(1);
    // Then the tour resumes: the banner goes and the stops move again.
    await alarm.waitFor({ state: 'detached', timeout: 90_000 });
    await expect.poll(step, { timeout: 30_000 }).toBeGreaterThan(pausedAt);
    expect(tourErrors).toEqual([]);
    await tour.close();
  }, 300_000);

  it('passes an axe-core scan, in Chinese and in English', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    const english = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await english.addInitScript(() => localStorage.setItem('citygrid.locale', 'en'));
    await openWall(app, 'tour=off', { width: 1920, height: 1080 }, english);
    expect(await english.getByTestId('wall-connection').textContent()).toContain('Live');
    expect(await english.locator('[data-kpi="overdue"] h2').textContent()).toBe('Overdue now');
    expect(await seriousViolations(english)).toEqual([]);
    await english.screenshot({ path: `${SHOTS}/wall-1080p-en.png` });
    await english.close();
  }, 300_000);

  it('raises no uncaught errors', () => {
    expect(errors).toEqual([]);
  });
});
