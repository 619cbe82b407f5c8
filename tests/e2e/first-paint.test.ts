import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportedCase } from '../../src/lib/data/types';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { openAt, reportCaseScript, view } from './support/dashboard';
import { watchPageErrors } from './support/page-watch';

const SPOT = { lon: 121.5235, lat: 31.2585 };

interface CasesDrawn {
  count: number;
  shown: 'seed' | 'cache' | null;
  /** Milliseconds from navigation to the first frame with cases. */
  at: number;
  /** Whether the database answered before that frame. */
  databaseLive: boolean;
}

/** Records, in the page, whether the database was live when the first cases were drawn. */
const WATCH_DATABASE = `
  new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName('citygrid:cases-drawn')) {
      window.__databaseLiveAtCasesDrawn = document.querySelector('[data-testid="connection"]')?.getAttribute('data-status') === 'live';
    }
  }).observe({ type: 'mark', buffered: true });`;

async function casesDrawn(page: Page): Promise<CasesDrawn> {
  await page.waitForFunction(() => performance.getEntriesByName('citygrid:cases-drawn').length > 0, null, { timeout: 120_000 });
  return page.evaluate(() => {
    const [mark] = performance.getEntriesByName('citygrid:cases-drawn') as PerformanceMark[];
    const databaseLive = (window as unknown as { __databaseLiveAtCasesDrawn: boolean }).__databaseLiveAtCasesDrawn;
    return { ...(mark.detail as { count: number; shown: 'seed' | 'cache' | null }), at: mark.startTime, databaseLive };
  });
}

const caseCount = (page: Page) => page.evaluate(`window.citygrid.stores.stores.cases.columns.length`) as Promise<number>;
const hasCase = (page: Page, id: number) =>
  page.evaluate(`(() => { const c = window.citygrid.stores.stores.cases.columns; return c.ids.subarray(0, c.length).includes(${id}); })()`) as Promise<boolean>;
const savedViews = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    const open = indexedDB.open('citygrid-view', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('views');
    open.onsuccess = () => { const r = open.result.transaction('views').objectStore('views').count(); r.onsuccess = () => { open.result.close(); resolve(r.result); }; };
  })`) as Promise<number>;

describe.skipIf(!HAS_CHROMIUM)('first paint before the database', () => {
  let app: App;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    context = await app.browser.newContext();
    await context.addInitScript(WATCH_DATABASE);
  }, 300_000);
  afterAll(async () => app?.close());

  it('draws the seed view on a first visit while the database starts, then says it is current', async () => {
    const page = await openAt(app, view(14, SPOT.lat, SPOT.lon, 'cases'), { width: 1280, height: 800 }, context);
    const errors = watchPageErrors(page);
    const drawn = await casesDrawn(page);
    expect(drawn).toMatchObject({ shown: 'seed', databaseLive: false });
    expect(drawn.count).toBeGreaterThan(1000);
    await expect.poll(() => page.getByTestId('shown-view').count(), { timeout: 240_000 }).toBe(0);
    expect(await page.getByTestId('connection').getAttribute('data-status')).toBe('live');
    expect(await caseCount(page)).toBe(drawn.count);
    // Once current, the view is saved for the next visit.
    await expect.poll(() => savedViews(page), { timeout: 30_000 }).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('paints the saved view on a repeat visit and catches up on what changed since, in place', async () => {
    const page = await openAt(app, view(14, SPOT.lat, SPOT.lon, 'cases'), { width: 1280, height: 800 }, context);
    const before = await caseCount(page);
    // Written after the view was saved: the next visit must catch up on it.
    const reported = (await page.evaluate(reportCaseScript(SPOT, '平凉路乱堆物（首屏缓存 e2e）'))) as ReportedCase;
    await page.close();

    const again = await openAt(app, view(14, SPOT.lat, SPOT.lon, 'cases'), { width: 1280, height: 800 }, context);
    const drawn = await casesDrawn(again);
    expect(drawn).toMatchObject({ shown: 'cache', count: before, databaseLive: false });
    await expect.poll(() => hasCase(again, reported.id), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => again.getByTestId('shown-view').count(), { timeout: 60_000 }).toBe(0);
    expect(await caseCount(again)).toBe(before + 1);
  }, 300_000);
});
