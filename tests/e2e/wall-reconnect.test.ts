import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { fakeSupabase, FAKE_SUPABASE_URL, type FakeSupabase } from './support/fake-supabase';
import { watchPageErrors } from './support/page-watch';
import { kpiValues, openWall } from './support/wall';

const SPOT = { lon: 121.5235, lat: 31.2585 };
const count = (shown: string) => Number(shown.replace(/[^\d]/g, ''));

describe.skipIf(!HAS_CHROMIUM)('the command wall through a network outage', () => {
  let fake: FakeSupabase;
  let app: App;
  let page: Page;
  let errors: string[];
  let before: Record<string, string>;
  let missed: { caseNo: string };

  beforeAll(async () => {
    fake = await fakeSupabase();
    app = await startApp({ supabaseUrl: FAKE_SUPABASE_URL });
    page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    errors = watchPageErrors(page);
    await fake.serve(page);
    await openWall(app, 'tour=off', { width: 1920, height: 1080 }, page);
    await page.evaluate(() => ((window as unknown as { wallVisit: number }).wallVisit = 1));
  }, 400_000);
  afterAll(async () => {
    await fake?.close();
    await app?.close();
  });

  it('keeps the last numbers with a stale marker while the network is down', async () => {
    before = await kpiValues(page);
    fake.setDown(true);
    const stale = page.getByTestId('wall-stale');
    await stale.waitFor({ timeout: 60_000 });
    expect(await stale.textContent()).toMatch(/数据停在 \d\d:\d\d/);
    expect(await page.getByTestId('wall-connection').textContent()).toMatch(/数据停在 \d\d:\d\d/);
    expect(await page.getByTestId('wall-kpis').getAttribute('data-stale')).toBe('true');
    expect(await kpiValues(page)).toEqual(before);
    // A report the wall cannot hear of while it is cut off.
    missed = await fake.service.reportCase({ categoryCode: 'E-0501', lon: SPOT.lon, lat: SPOT.lat, description: '断网期间上报 e2e' });
    await page.screenshot({ path: 'tests/e2e/__results__/wall-stale.png' });
  }, 120_000);

  it('reconnects with backoff and catches up on what it missed, without a reload', async () => {
    expect(['reconnecting', 'offline']).toContain(await page.getByTestId('wall-connection').getAttribute('data-status'));
    fake.setDown(false);
    // The next probe is at most 30 s (with jitter) away.
    await page.waitForSelector('[data-testid="wall-connection"][data-status="live"]', { timeout: 60_000 });
    await page.getByTestId('wall-stale').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator(`[data-testid="wall-ticker"] li[data-case-no="${missed.caseNo}"]`).waitFor({ timeout: 60_000 });
    await expect.poll(async () => count((await kpiValues(page)).reported_today), { timeout: 60_000 }).toBe(count(before.reported_today) + 1);
    expect(await page.getByTestId('wall-kpis').getAttribute('data-stale')).toBe('false');
    expect(await page.evaluate(() => (window as unknown as { wallVisit?: number }).wallVisit)).toBe(1);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await page.screenshot({ path: 'tests/e2e/__results__/wall-caught-up.png' });
  }, 180_000);

  it('raises no uncaught errors', () => {
    expect(errors).toEqual([]);
  });
});
