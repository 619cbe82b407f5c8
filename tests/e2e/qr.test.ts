import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { watchPageErrors } from './support/page-watch';

const SHOTS = 'tests/e2e/__results__';

describe.skipIf(!HAS_CHROMIUM)('the QR sheets, one per grid', () => {
  let app: App;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startApp();
    // One context: the phone's page below shares the database the sheet's page started.
    context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = watchPageErrors(page);
    await page.goto(`${app.url}#/qr`);
    await page.waitForSelector('[data-testid="qr-screen"][data-loaded="true"]', { timeout: 240_000 });
  }, 300_000);
  afterAll(async () => app?.close());

  it('prints a QR code for every grid, with its name and code, linking to the report page for that grid on this origin', async () => {
    const grids = (await page.evaluate(() =>
      (window as unknown as { citygrid: { data: { grids(level: string): Promise<{ code: string }[]> } } }).citygrid.data.grids('grid').then((g) => g.map((x) => x.code).sort()),
    )) as string[];
    expect(grids.length).toBeGreaterThan(3);
    const sheets = await page.locator('[data-testid="qr-sheet"]').evaluateAll((items) =>
      items.map((li) => ({ link: li.getAttribute('data-link'), code: li.querySelector('.code')?.textContent, svg: !!li.querySelector('svg path') })));
    expect(sheets.map((s) => s.code)).toEqual(grids);
    for (const sheet of sheets) {
      expect(sheet).toEqual({ link: `${app.url}#/report?grid=${sheet.code}`, code: sheet.code, svg: true });
    }
    expect(await page.locator('[data-testid="qr-sheet"]').first().textContent()).toMatch(/扫码上报/);
    await page.screenshot({ path: `${SHOTS}/qr-sheets.png` });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/qr-sheets-print.png` });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });

  it('opens the report page for the grid a code links to', async () => {
    const link = await page.locator('[data-testid="qr-sheet"]').first().getAttribute('data-link');
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(link!);
    await phone.waitForSelector('.grid-name', { timeout: 240_000 });
    expect(await phone.locator('.grid-name').textContent()).toContain(new URL(link!).hash.split('grid=')[1]);
    await phone.close();
  }, 300_000);

  it('has no serious or critical axe violations, and its print button is reached with Tab', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('h1').click();
    const reached: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(reached).toContain('打印');
  });
});
