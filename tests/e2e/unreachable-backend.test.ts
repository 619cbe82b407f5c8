import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { countRequests, watchPageErrors } from './support/page-watch';

/** Nothing listens on the discard port, so every fetch fails at once. */
const UNREACHABLE = 'http://127.0.0.1:9';
const LAYER_NAMES_ZH = ['网格', '市容案件', '消防站', '停车场', '滨江志愿岗'];

const badge = (page: Page) => page.getByTestId('connection');
const attempt = async (page: Page) => Number(await badge(page).getAttribute('data-attempt'));

describe.skipIf(!HAS_CHROMIUM)('a Supabase backend that cannot be reached', () => {
  let app: App;
  let page: Page;
  let errors: string[];
  let requests: { readonly count: number };

  beforeAll(async () => {
    app = await startApp({ supabaseUrl: UNREACHABLE });
    page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = watchPageErrors(page);
    requests = countRequests(page, UNREACHABLE);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="dashboard"]', { timeout: 60_000 });
  }, 300_000);
  afterAll(async () => app?.close());

  it('says so in the header: reconnecting, then offline', async () => {
    await page.waitForSelector('[data-testid="connection"][data-status="reconnecting"]', { timeout: 30_000 });
    await expect.poll(() => badge(page).textContent()).toMatch(/重连中（第 \d+ 次）/);
    // Four failed probes, backing off from one second: about 15 s.
    await page.waitForSelector('[data-testid="connection"][data-status="offline"]', { timeout: 60_000 });
    expect(await badge(page).textContent()).toMatch(/离线，自 \d\d:\d\d/);
    expect(await attempt(page)).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('names every layer that failed to load, with the reason in words', async () => {
    const panel = page.getByTestId('load-errors');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.getAttribute('role')).toBe('alert');
    const text = await panel.textContent();
    for (const name of LAYER_NAMES_ZH) expect(text).toContain(name);
    expect(text).toContain('Failed to fetch');
    expect(text).toContain('无法连接数据服务');
    const dashboard = page.getByTestId('dashboard');
    expect(await dashboard.getAttribute('data-failed')).toBe('5');
    expect(await dashboard.getAttribute('data-loaded')).toBe('false');
  });

  it('says all of it accessibly (axe-core: no serious or critical violations)', async () => {
    await page.getByTestId('load-errors').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the layer counts failed instead of waiting forever', async () => {
    await page.getByTestId('layer-counts').locator('summary').click();
    const countsError = page.getByTestId('counts-error');
    await countsError.waitFor({ timeout: 30_000 });
    expect(await countsError.textContent()).toContain('图层统计读取失败');
    expect(await page.getByTestId('count-cases').textContent()).toBe('—');
  });

  it('tries again at once when Retry is clicked', async () => {
    for (const retry of ['retry-load', 'connection-retry']) {
      const [sent, tried] = [requests.count, await attempt(page)];
      await page.getByTestId(retry).click();
      await expect.poll(() => requests.count, { message: retry, timeout: 5_000 }).toBeGreaterThan(sent);
      await expect.poll(() => attempt(page), { message: retry, timeout: 5_000 }).toBeGreaterThan(tried);
    }
    await page.getByTestId('retry-counts').click();
    await page.getByTestId('counts-error').waitFor();
    await page.screenshot({ path: 'tests/e2e/__results__/unreachable-backend.png' });
  });

  it('says it in English too', async () => {
    await page.getByRole('button', { name: 'Switch language' }).click();
    expect(await badge(page).textContent()).toMatch(/Offline since \d\d:\d\d/);
    expect(await page.getByTestId('load-errors').textContent()).toContain('Some layers could not be loaded');
    expect(await page.getByTestId('counts-error').textContent()).toContain('Could not read the layer counts');
    await page.screenshot({ path: 'tests/e2e/__results__/unreachable-backend-en.png' });
    await page.getByRole('button', { name: 'Switch language' }).click();
  });

  it('raises no uncaught errors or unhandled rejections', () => {
    expect(errors).toEqual([]);
  });
});
