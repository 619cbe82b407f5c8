import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { nextFrames, openAt, reportCaseScript, screenPoint, view } from './support/dashboard';
import { shareChanged } from './support/pixels';

describe.skipIf(!HAS_CHROMIUM)('live updates across tabs', () => {
  let app: App;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    context = await app.browser.newContext();
  }, 300_000);
  afterAll(async () => app?.close());

  it('shows a case reported in another tab without a reload', async () => {
    const spot = { lon: 121.5235, lat: 31.2585 };
    const wall = await openAt(app, view(18, spot.lat, spot.lon, 'cases'), { width: 1280, height: 800 }, context);
    const centre = await screenPoint(wall, spot.lon, spot.lat);
    const clip = { x: centre.x - 30, y: centre.y - 30, width: 60, height: 60 };
    const before = await wall.screenshot({ clip });
    const phone = await openAt(app, view(14, spot.lat, spot.lon), { width: 390, height: 844 }, context);
    const reported = (await phone.evaluate(reportCaseScript(spot, '平凉路流动摊贩 e2e'))) as { id: number };
    await expect
      .poll(() => wall.evaluate(`(() => { const c = window.citygrid.stores.stores.cases.columns; return c.ids.subarray(0, c.length).includes(${reported.id}); })()`), { timeout: 20_000 })
      .toBe(true);
    await nextFrames(wall);
    await wall.screenshot({ path: 'tests/e2e/__results__/live-new-case.png' });
    expect(shareChanged(before, await wall.screenshot({ clip }))).toBeGreaterThan(0.02);
    expect(await wall.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  }, 300_000); // a first visit starts the database from its snapshot: minutes on a loaded two-core machine

});
