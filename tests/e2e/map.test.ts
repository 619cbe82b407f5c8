import { pointOnFeature } from '@turf/point-on-feature';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitygridData } from '../../src/lib/data/types';
import { BASEMAP } from '../../src/lib/theme/theme';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { goTo, mapShot, openAt, screenPoint, settle, view } from './support/dashboard';
import { hex, shareChanged, shareOfColour } from './support/pixels';

const SHOTS = 'tests/e2e/__results__';
const PINGLIANG = { lon: 121.522, lat: 31.259 };
const data = (page: Page) => ({
  run: <T>(fn: (d: CitygridData) => Promise<T>) =>
    page.evaluate(`(${fn.toString()})(window.citygrid.data)`) as Promise<T>,
});

describe.skipIf(!HAS_CHROMIUM)('the map in Chromium', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await openAt(app, view(15, PINGLIANG.lat, PINGLIANG.lon));
  }, 300_000);
  afterAll(async () => app?.close());

  it('draws the offline basemap: land, the Huangpu River, streets', async () => {
    await goTo(page, view(12, 31.255, 121.495, ''));
    const shot = await mapShot(page, `${SHOTS}/basemap.png`);
    expect(shareOfColour(shot, hex(BASEMAP.light.water), 6)).toBeGreaterThan(0.01);
    expect(shareOfColour(shot, hex(BASEMAP.light.land), 4)).toBeGreaterThan(0.2);
    expect(shareOfColour(shot, hex(BASEMAP.light.elevatedRoad), 10)).toBeGreaterThan(0.002);
  });

  it('draws every overlay on its own', async () => {
    await goTo(page, view(15, PINGLIANG.lat, PINGLIANG.lon, ''));
    const empty = await mapShot(page);
    for (const layer of ['grids', 'cases', 'fire_stations', 'parking', 'volunteer_posts']) {
      await goTo(page, view(15, PINGLIANG.lat, PINGLIANG.lon, layer));
      const shot = await mapShot(page, `${SHOTS}/${layer}.png`);
      expect(shareChanged(empty, shot), layer).toBeGreaterThan(0.0005);
    }
    await goTo(page, view(15, PINGLIANG.lat, PINGLIANG.lon));
    await page.screenshot({ path: `${SHOTS}/all-layers.png` });
  });

  it('shows the count of every layer read from the embedded database', async () => {
    const counts = await data(page).run((d) => d.layerCounts());
    await page.getByTestId('layer-counts').locator('summary').click();
    for (const [layer, n] of Object.entries(counts)) {
      await expect.poll(() => page.getByTestId(`count-${layer}`).textContent(), { message: layer }).toBe(String(n));
    }
    expect(counts).toMatchObject({ subdistricts: 4, grids: 60, micro_grids: 268, meta_grids: 1739 });
    await page.getByTestId('layer-counts').locator('summary').click();
  });

  it('shades the meta-grids no fire station reaches when coverage is on', async () => {
    const layers = 'grids,fire_stations';
    await goTo(page, view(14.5, PINGLIANG.lat, PINGLIANG.lon, layers));
    const off = await mapShot(page);
    await goTo(page, view(14.5, PINGLIANG.lat, PINGLIANG.lon, layers, '&cover=1'));
    const on = await mapShot(page, `${SHOTS}/fire-coverage.png`);
    expect(shareChanged(off, on, 20)).toBeGreaterThan(0.05);
    await expect.poll(() => page.getByTestId('legend').textContent()).toContain('未覆盖元网格');
  });

  it('shows a tooltip when hovering a parking lot', async () => {
    const lots = await data(page).run((d) => d.parkingLots([121.515, 31.255, 121.53, 31.265]));
    const lot = lots[0];
    await goTo(page, view(16, lot.lat, lot.lon, 'parking'));
    const at = await screenPoint(page, lot.lon, lot.lat);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('.citygrid-tooltip').innerText(), { timeout: 10_000 }).toContain(lot.nameZh);
    await page.screenshot({ path: `${SHOTS}/tooltip-parking.png` });
    await page.mouse.move(5, 790);
  });

  it('lists the cases of the grid clicked, most urgent first, with its responsible person', async () => {
    const grids = await data(page).run((d) => d.grids('grid'));
    const grid = grids.find((g) => g.code === 'PLR-G05')!;
    const [lon, lat] = pointOnFeature(grid.geometry).geometry.coordinates;
    await goTo(page, view(13.5, lat, lon, 'grids'));
    const at = await screenPoint(page, lon, lat);
    await page.mouse.click(at.x, at.y);
    const list = page.getByTestId('case-list');
    await expect.poll(() => list.textContent()).toContain('PLR-G05');
    const text = (await list.textContent())!;
    expect(text).toContain(grid.nameZh);
    expect(text).toContain(grid.responsibleName);
    // Listed: the grid's open cases the 30-day filter keeps.
    const listed = Number(/(\d+) 件/.exec(text)?.[1]);
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual(grid.openCases);
    expect(await list.locator('button.row').count()).toBe(Math.min(listed, 50));
    await page.screenshot({ path: `${SHOTS}/grid-case-list.png` });
    await list.getByRole('button', { name: '关闭' }).click();
  });

  it('opens the case clicked in the case panel, with its number and status', async () => {
    const open = await data(page).run((d) =>
      d.cases({ bbox: [121.515, 31.255, 121.53, 31.265], statuses: ['handling'] }).then((c) => ({ id: c.ids[0], caseNo: new TextDecoder().decode(c.caseNoBytes.subarray(0, 24)).replace(/\0+$/, ''), lon: c.positions[0], lat: c.positions[1] })),
    );
    await goTo(page, view(18, open.lat, open.lon, 'cases'));
    const at = await screenPoint(page, open.lon, open.lat);
    await page.mouse.click(at.x, at.y);
    const panel = page.getByTestId('case-panel');
    await expect.poll(() => panel.getAttribute('data-case-no')).toBe(open.caseNo);
    expect(await panel.textContent()).toContain('处置中');
    expect(await panel.textContent(), 'the public may not move cases').toContain('当前账号不能操作此案件');
    await page.screenshot({ path: `${SHOTS}/case-panel-public.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('switches every panel to English and back', async () => {
    await goTo(page, view(15, PINGLIANG.lat, PINGLIANG.lon));
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect.poll(() => page.getByTestId('legend').textContent()).toContain('Legend');
    expect(await page.getByTestId('layer-panel').textContent()).toContain('Volunteer posts');
    await page.screenshot({ path: `${SHOTS}/english.png` });
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect.poll(() => page.getByTestId('legend').textContent()).toContain('图例');
  });

  it('filters cases by status from the panel, on the GPU, and keeps the filter in the link', async () => {
    await goTo(page, view(15, PINGLIANG.lat, PINGLIANG.lon, 'cases'));
    const all = await mapShot(page);
    await page.getByText('案件筛选').click();
    for (const status of ['上报', '立案', '派遣', '处置中']) await page.getByTestId('layer-panel').getByLabel(status, { exact: true }).uncheck();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('status=handled&');
    await settle(page);
    const handledOnly = await mapShot(page, `${SHOTS}/cases-handled-only.png`);
    expect(shareChanged(all, handledOnly)).toBeGreaterThan(0.001);
    await page.getByText('案件筛选').click();
  });

  it('hides a layer from the panel and keeps the choice in the link', async () => {
    await page.getByTestId('toggle-parking').uncheck();
    await expect.poll(() => page.evaluate(() => location.hash)).not.toMatch(/layers=[^&]*parking/);
    await page.getByTestId('toggle-parking').check();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/layers=[^&]*parking/);
  });

  it('fits a phone screen', async () => {
    const phone = await openAt(app, view(14, PINGLIANG.lat, PINGLIANG.lon), { width: 390, height: 844 });
    expect(await phone.getByTestId('layer-panel').isVisible()).toBe(false);
    await phone.screenshot({ path: `${SHOTS}/phone.png` });
    await phone.getByTestId('toggle-panels').click();
    await phone.screenshot({ path: `${SHOTS}/phone-panels.png` });
    const box = await phone.getByTestId('layer-panel').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
