import { pointOnFeature } from '@turf/point-on-feature';
import type { MultiPolygon } from 'geojson';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { openAt, waitLive } from './support/dashboard';

const SHOTS = 'tests/e2e/__results__';
// The day's open cases: a new report is near the top of the queue, after the day's overdue ones.
const MAP = 'map=16/31.2585/121.5235/0/0&layers=grids,cases&status=reported,registered,dispatched,handling,handled&days=1';

/** A photo of the site, as a phone would take it: 2000 × 1500 px. */
function sitePhoto(): Buffer {
  const png = new PNG({ width: 2000, height: 1500 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([(i >> 6) & 255, (i >> 12) & 255, 120, 255], i);
  return PNG.sync.write(png);
}

/** The status mix of grid PLR-G01 the overview's donut draws: new, in progress, overdue, closed in the period. */
const donutOfGrid1 = (page: Page) =>
  page.evaluate(() => {
    const grids = (window as unknown as { citygrid: { stores: { stores: { grids: { byLevel: { grid: { id: number; code: string }[] }; mix?: { counts: Map<number, Int32Array> } } } } } }).citygrid.stores.stores.grids;
    const id = grids.byLevel.grid.find((g) => g.code === 'PLR-G01')!.id;
    return [...(grids.mix?.counts.get(id) ?? [0, 0, 0, 0])];
  });

const statusIn = (page: Page) => page.getByTestId('case-panel').getAttribute('data-status');

/** Opens a case by its number from the header's search box. */
async function openCase(page: Page, caseNo: string) {
  await page.getByTestId('case-search').getByRole('searchbox').fill(caseNo);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('case-panel').getAttribute('data-case-no')).toBe(caseNo);
}

/** Makes the offered move named `label` with the mouse, with a note and a photo where asked. */
async function move(page: Page, label: string, note?: string, photo?: Buffer) {
  await page.getByTestId('case-moves').getByRole('button', { name: new RegExp(`^\\d+ ${label}$`) }).click();
  const form = page.getByTestId('move-form');
  if (note) await form.locator('textarea').fill(note);
  if (photo) await form.locator('input[type="file"]').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: photo });
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => page.getByTestId('move-told').textContent(), { timeout: 30_000 }).toContain('已保存');
}

describe.skipIf(!HAS_CHROMIUM)('a case worked to closed by a commander and an inspector, live in every tab', () => {
  let app: App;
  let context: BrowserContext;
  let commander: Page;
  let inspector: Page;
  let overview: Page;

  beforeAll(async () => {
    app = await startApp();
    context = await app.browser.newContext();
    commander = await openAt(app, `?as=commander#/inspect?${MAP}`, { width: 1280, height: 800 }, context);
    await waitLive(commander);
    inspector = await openAt(app, `?as=inspector-plr#/inspect?${MAP}`, { width: 1280, height: 800 }, context);
    overview = await openAt(app, `?as=commander#/?${MAP}`, { width: 1280, height: 800 }, context);
    await Promise.all([waitLive(inspector), waitLive(overview)]);
  }, 600_000);
  afterAll(async () => app?.close());

  /** Reports a case of `category` inside Pingliang Road grid 1, which the inspector works, from the overview tab. */
  async function report(categoryCode: string, description: string) {
    const geometry = (await overview.evaluate(() =>
      (window as unknown as { citygrid: { data: { grids(level: string): Promise<{ code: string; geometry: unknown }[]> } } }).citygrid.data
        .grids('grid').then((grids) => grids.find((g) => g.code === 'PLR-G01')!.geometry),
    )) as MultiPolygon;
    const [lon, lat] = pointOnFeature(geometry).geometry.coordinates;
    return (await overview.evaluate(
      (report) => (window as unknown as { citygrid: { data: { reportCase(r: object): Promise<{ id: number; caseNo: string; gridCode: string }> } } }).citygrid.data.reportCase(report),
      { categoryCode, lon, lat, description },
    ));
  }

  it('goes report → register → dispatch → handle → verify → close, each step live in the other tabs', async () => {
    const closeRate = () => overview.getByTestId('close-rate-total').getAttribute('data-value');
    await expect.poll(closeRate).toBeTruthy();
    const rateBefore = Number(await closeRate());
    const donutBefore = await donutOfGrid1(overview);

    // A resident's report, through the data interface until the report page exists.
    const reported = await report('E-0105', '垃圾房外堆放垃圾 garbage outside the bin room');
    expect(reported.gridCode, 'a grid the inspector works').toMatch(/^PLR-G01-/);
    await expect.poll(() => inspector.locator(`[data-testid="queue"] [data-case-id="${reported.id}"]`).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await donutOfGrid1(overview))[0], { timeout: 30_000 }).toBe(donutBefore[0] + 1);

    await openCase(commander, reported.caseNo);
    await openCase(inspector, reported.caseNo);
    expect(await inspector.getByTestId('case-panel').textContent()).toContain('平凉路');

    await move(commander, '立案');
    await expect.poll(() => statusIn(inspector), { timeout: 30_000 }).toBe('registered');
    await move(commander, '派遣');
    await expect.poll(() => statusIn(inspector), { timeout: 30_000 }).toBe('dispatched');

    await move(inspector, '处置中');
    await expect.poll(() => statusIn(commander), { timeout: 30_000 }).toBe('handling');
    await move(inspector, '待核查', '已清运，垃圾房周边已冲洗 cleared and washed', sitePhoto());
    await expect.poll(() => statusIn(commander), { timeout: 30_000 }).toBe('handled');
    await inspector.screenshot({ path: `${SHOTS}/workflow-handled.png` });

    await move(commander, '结案');
    await expect.poll(() => statusIn(inspector), { timeout: 30_000 }).toBe('closed');
    // Under load a close-rate read is spaced out to a tenth of the database's time, up to 20 s apart.
    await expect.poll(async () => Number(await closeRate()), { timeout: 45_000 }).toBeGreaterThan(rateBefore);
    // New back to what it was, closed one up (overdue moves with the clock, so it is not compared).
    await expect.poll(async () => { const d = await donutOfGrid1(overview); return [d[0], d[3]]; }, { timeout: 30_000 }).toEqual([donutBefore[0], donutBefore[3] + 1]);
    await overview.screenshot({ path: `${SHOTS}/workflow-overview.png` });

    const timeline = (await commander.getByTestId('case-timeline').textContent())!;
    for (const step of ['上报', '立案', '派遣', '处置中', '待核查', '结案', '已清运']) expect(timeline).toContain(step);
    expect(await commander.locator('.photos img').count()).toBe(1);
    await commander.screenshot({ path: `${SHOTS}/workflow-closed.png` });
  }, 300_000);

  it('works a case from the keyboard alone: queue, Enter, the number of a move, a note, Ctrl+Enter', async () => {
    const reported = await report('E-0501', '流动摊贩 street vendor');
    const row = inspector.locator(`[data-testid="queue"] [data-case-id="${reported.id}"]`);
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await inspector.keyboard.press('Escape');
    await row.focus();
    await inspector.keyboard.press('Enter');
    await expect.poll(() => inspector.getByTestId('case-panel').getAttribute('data-case-no')).toBe(reported.caseNo);
    const offered = await inspector.getByTestId('case-moves').getByRole('button').allTextContents();
    const reject = offered.findIndex((label) => label.includes('不予立案'));
    expect(reject).toBeGreaterThanOrEqual(0);
    await inspector.keyboard.press(String(reject + 1));
    await expect.poll(() => inspector.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await inspector.keyboard.type('重复上报，已由巡查处理 reported twice');
    await inspector.keyboard.press('Control+Enter');
    await expect.poll(() => statusIn(inspector), { timeout: 30_000 }).toBe('rejected');
    // Rejected is not open: it leaves the commander's queue too.
    await expect.poll(() => commander.locator(`[data-testid="queue"] [data-case-id="${reported.id}"]`).count(), { timeout: 30_000 }).toBe(0);
  }, 300_000);
});
