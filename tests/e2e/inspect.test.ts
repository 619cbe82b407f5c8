import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { openAt, settle, waitLive } from './support/dashboard';

const SHOTS = 'tests/e2e/__results__';
const QUEUE = '#/inspect?map=14.5/31.2585/121.5235/0/0&layers=grids,cases&status=reported,registered,dispatched,handling,handled&days=30';

/** Due times of the listed rows, read from the columns the page holds. */
const listedDueTimes = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as { citygrid: { stores: { stores: { cases: { columns: { ids: Int32Array; dueAt: Float64Array; length: number } } } } } }).citygrid.stores.stores.cases.columns;
    const ids = [...document.querySelectorAll<HTMLElement>('[data-testid="queue"] button.row')].map((b) => Number(b.dataset.caseId));
    const at = new Map<number, number>();
    for (let i = 0; i < c.length; i++) at.set(c.ids[i], c.dueAt[i]);
    return ids.map((id) => at.get(id)!);
  });

describe.skipIf(!HAS_CHROMIUM)('the case queue (#/inspect)', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await openAt(app, QUEUE);
    await waitLive(page);
  }, 400_000);
  afterAll(async () => app?.close());

  it('lists the open cases by due time, the longest overdue first, and keeps the screen in the link', async () => {
    const queue = page.getByTestId('queue');
    await expect.poll(() => queue.locator('button.row').count()).toBe(50);
    const due = await listedDueTimes(page);
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(await queue.textContent()).toMatch(/\d+ 件，按处置时限排序/);
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/inspect\?map=/);
  });

  it('opens a case from the keyboard alone, the map following it, and goes back with Escape', async () => {
    const rows = page.locator('[data-testid="queue"] button.row');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await rows.nth(2).getAttribute('data-case-id');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.caseId)).toBe(second);
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('case-panel');
    await expect.poll(() => panel.getAttribute('data-status')).toBeTruthy();
    await settle(page);
    const [centre, position] = await page.evaluate((id) => {
      const w = window as unknown as { citygridMap: { getCenter(): { lng: number; lat: number } }; citygrid: { stores: { stores: { cases: { columns: { ids: Int32Array; positions: Float64Array; length: number } } } } } };
      const c = w.citygrid.stores.stores.cases.columns;
      const i = c.ids.subarray(0, c.length).indexOf(id);
      const m = w.citygridMap.getCenter();
      return [[m.lng, m.lat], [c.positions[2 * i], c.positions[2 * i + 1]]];
    }, Number(second));
    expect(centre[0]).toBeCloseTo(position[0], 4);
    expect(centre[1]).toBeCloseTo(position[1], 4);
    await page.screenshot({ path: `${SHOTS}/inspect-case-open.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.caseId), 'focus back on the row').toBe(second);
  });

  it('opens the case a typed case number names', async () => {
    const caseNo = await page.locator('[data-testid="queue"] button.row .no').nth(4).textContent();
    await page.getByRole('searchbox').fill(caseNo!.toLowerCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('case-panel').getAttribute('data-case-no')).toBe(caseNo);
    await page.getByRole('searchbox').fill('CG19990101-999999');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="case-search"] [role="alert"]').textContent()).toContain('没有编号为 CG19990101-999999 的案件');
    await page.keyboard.press('Escape');
  });

  it('keeps only overdue cases when asked', async () => {
    await page.getByText('案件筛选').first().click();
    await page.getByTestId('overdue-only').check();
    const now = await page.evaluate(() => Date.now());
    await expect.poll(async () => (await listedDueTimes(page)).every((due) => due < now)).toBe(true);
    expect(await page.evaluate(() => location.hash)).toContain('overdue=1');
    await page.getByTestId('overdue-only').uncheck();
  });

  it('exports the filtered queue as CSV and GeoJSON', async () => {
    const total = Number(/(\d+) 件/.exec((await page.getByTestId('queue').textContent())!)![1]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\ufeffcase_no,category_code,category,status')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(total + 1);
    const [geo] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    const collection = JSON.parse(readFileSync((await geo.path())!, 'utf8'));
    expect(collection.features).toHaveLength(total);
    expect(collection.features[0].geometry.type).toBe('Point');
  });

  it('replays the last week of reports on the map', async () => {
    const slider = page.locator('#replay-slider');
    await slider.focus();
    for (let i = 0; i < 48; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => (window as unknown as { citygrid: { mapState: { filters: { replayAt: number | null } } } }).citygrid.mapState.filters.replayAt)).not.toBeNull();
    expect(await page.getByTestId('replay').textContent()).toContain('前 24 小时的上报');
    await page.getByRole('button', { name: '实时' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { citygrid: { mapState: { filters: { replayAt: number | null } } } }).citygrid.mapState.filters.replayAt)).toBeNull();
  });

  it('fits a phone: the queue as a sheet, the case over it', async () => {
    const caseNo = (await page.locator('[data-testid="queue"] button.row .no').first().textContent())!;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('case-search').getByRole('searchbox').fill(caseNo);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('case-panel').isVisible()).toBe(true);
    expect(await page.getByTestId('queue').isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/inspect-phone.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('queue').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
