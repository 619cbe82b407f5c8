import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { openAt, view } from './support/dashboard';

describe.skipIf(!HAS_CHROMIUM)('accessibility of the dashboard (axe-core)', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await openAt(app, view(15, 31.2585, 121.5235));
  }, 300_000);
  afterAll(async () => app?.close());

  it('has no serious or critical violations, in Chinese and in English', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has none on a phone with the panels open', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    if (!(await page.locator('aside.side').isVisible())) await page.getByTestId('toggle-panels').click();
    await expect.poll(() => page.locator('aside.side').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('can be worked from the keyboard: every control is reachable with Tab', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // Tab order starts where the last click was: the title, at the top of the page.
    await page.locator('header h1').click();
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const html = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');
      if (!reached.includes(html)) reached.push(html);
    }
    const at = (pattern: RegExp) => reached.findIndex((html) => pattern.test(html));
    // Header first, then the layer panel, then the map and its controls.
    expect(at(/class="lang/)).toBeGreaterThanOrEqual(0);
    expect(at(/class="lang/)).toBeLessThan(at(/data-testid="toggle-grids"/));
    expect(at(/data-testid="toggle-grids"/)).toBeLessThan(at(/maplibregl-canvas/));
    expect(at(/maplibregl-ctrl-zoom-in/)).toBeGreaterThan(0);
  });
});
