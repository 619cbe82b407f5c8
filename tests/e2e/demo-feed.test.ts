import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { openAt, view, waitLive } from './support/dashboard';
import { watchPageErrors } from './support/page-watch';

/** The parking numbers the page shows now, as one fingerprint: they change when any lot's free spaces do. */
const PARKING_SHOWN = `window.citygrid.stores.stores.parking.rows.map((lot) => lot.freeSpaces).join(',')`;
const RUNNING = 'window.citygrid.demoFeed.running';

describe.skipIf(!HAS_CHROMIUM)('the demo feed in the browser', () => {
  let app: App;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startApp();
    page = await openAt(app, view(14, 31.2585, 121.5235, 'parking,volunteer_posts,cases'));
    errors = watchPageErrors(page);
    await waitLive(page);
  }, 300_000); // a first visit starts the database from its snapshot: minutes on a loaded two-core machine
  afterAll(async () => app?.close());

  const toggle = () => page.getByRole('button', { name: /演示数据流|Demo feed/ });

  it('stays off in a browser driven by tests, and says so in the header', async () => {
    expect(await page.evaluate(RUNNING)).toBe(false);
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    expect(await toggle().textContent()).toContain('演示数据流 · 关');
  });

  it('moves the parking numbers live once switched on from the keyboard, and stops when switched off', async () => {
    const before = await page.evaluate(PARKING_SHOWN);
    await toggle().focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(RUNNING)).toBe(true);
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    // An hour of the day a second, so a few ticks move many lots.
    await page.evaluate('window.citygrid.demoFeed.start({ speed: 3600 })');
    await expect.poll(() => page.evaluate(PARKING_SHOWN), { timeout: 60_000 }).not.toBe(before);
    await page.screenshot({ path: 'tests/e2e/__results__/demo-feed-on.png' });
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(RUNNING)).toBe(false);
    expect(await toggle().textContent()).toContain('关');
    expect(errors).toEqual([]);
  }, 120_000);

  it('keeps the choice for the tab through a reload', async () => {
    await page.evaluate('window.citygrid.demoFeed.start()');
    await page.reload();
    await page.waitForFunction('window.citygrid?.demoFeed?.running === true', null, { timeout: 240_000 });
    await page.evaluate('window.citygrid.demoFeed.stop()');
    await page.reload();
    await page.waitForFunction('window.citygrid?.demoFeed !== undefined', null, { timeout: 240_000 });
    expect(await page.evaluate(RUNNING)).toBe(false);
  }, 300_000);
});
