import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { screenPoint } from './support/dashboard';
import { watchPageErrors } from './support/page-watch';

const PHONE = { width: 390, height: 844 };
const SHOTS = 'tests/e2e/__results__';
/** Near 控江路34号小区停车场 (PK-KJR-001), in Kongjiang Road. */
const CHOSEN = { lon: 121.5188, lat: 31.2786 };
/** The heavy map code a resident's page must never load. */
const HEAVY = /@deck\.gl|@luma\.gl|live-map|\/overlays\//;

/** SQL on the page's embedded database, as its owner: a sensor's reading, a clock moved back. */
const ownerSql = (page: Page, sql: string, params: unknown[]) =>
  page.evaluate(async ([sql, params]) => {
    const db = await (globalThis as unknown as { citygridDatabase: Promise<{ transaction<T>(fn: (tx: { query(q: string, p: unknown[]): Promise<T> }) => Promise<T>): Promise<T> }> }).citygridDatabase;
    await db.transaction((tx) => tx.query(sql as string, params as unknown[]));
  }, [sql, params] as const);

const rows = (page: Page) => page.getByTestId('parking-lot');
const rowTexts = (page: Page) => rows(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));

async function mapReady(page: Page) {
  await page.waitForFunction(() => {
    const map = (window as unknown as { citygridMap?: { loaded(): boolean; isMoving(): boolean; getLayer(id: string): unknown } }).citygridMap;
    return map?.loaded() && !map.isMoving() && map.getLayer('parking-lots');
  }, null, { timeout: 120_000 });
}

describe.skipIf(!HAS_CHROMIUM)('parking near me on a phone', () => {
  let app: App;
  let page: Page;
  let errors: string[];
  const requested: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    page = await app.browser.newPage({ viewport: PHONE });
    errors = watchPageErrors(page);
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${app.url}#/parking`);
    await mapReady(page);
  }, 300_000);
  afterAll(async () => app?.close());

  it('finds parking from a point tapped on the map: nearest first, as the database orders them', async () => {
    const at = await screenPoint(page, CHOSEN.lon, CHOSEN.lat);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => rows(page).count(), { timeout: 120_000 }).toBeGreaterThan(3);
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('起点：地图上选的点');
    const hash = new URL(page.url()).hash;
    const [lon, lat] = /at=([\d.]+),([\d.]+)/.exec(hash)!.slice(1).map(Number);
    expect(Math.abs(lon - CHOSEN.lon)).toBeLessThan(0.002);
    expect(Math.abs(lat - CHOSEN.lat)).toBeLessThan(0.002);
    const shown = await rows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-lot-id'))));
    const expected = await page.evaluate(
      async ([lon, lat]) => (await (window as unknown as { citygrid: { data: { nearestParking(a: number, b: number, c: number, d: number): Promise<{ id: number }[]> } } }).citygrid.data.nearestParking(lon, lat, 1, 10)).map((l) => l.id),
      [lon, lat],
    );
    expect(shown).toEqual(expected);
    const first = (await rowTexts(page))[0];
    expect(first).toMatch(/空位 \d+\/\d+/);
    expect(first).toMatch(/\d+ m/);
    expect(first).toMatch(/免费|¥[\d.]+\/小时|收费未知/);
    expect(first).toMatch(/营业中|未开放/);
    const links = await rows(page).first().locator('.handoff a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links[0]).toMatch(/^geo:31\.\d+,121\.\d+\?q=/);
    expect(links[1]).toMatch(/^https:\/\/uri\.amap\.com\/navigation\?to=121\.\d+,31\.\d+/);
    expect(links[2]).toMatch(/^https:\/\/api\.map\.baidu\.com\/marker\?location=31\.\d+,121\.\d+.*coord_type=bd09ll/);
    await page.screenshot({ path: `${SHOTS}/parking-phone.png`, fullPage: true });
  }, 300_000);

  it('moves a number live and marks a stale one without hiding it', async () => {
    const first = rows(page).first();
    const id = Number(await first.getAttribute('data-lot-id'));
    const [, , capacity] = /(\d+)\/(\d+)/.exec(await first.getByTestId('free-of').innerText())!.map(Number);
    const next = capacity > 3 ? 3 : 1;
    await ownerSql(page, 'select record_parking_reading($1, $2)', [id, next]);
    await expect.poll(() => first.getByTestId('free-of').innerText()).toBe(`空位 ${next}/${capacity}`);
    await expect.poll(() => first.getByTestId('freshness').innerText()).toMatch(/刚刚更新/);

    await ownerSql(page, `update parking_lots set updated_at = now() - interval '2 hours' where id = $1`, [id]);
    await expect.poll(() => first.getByTestId('freshness').innerText()).toMatch(/120 分钟前更新\s*数据过时/);
    expect(await first.getAttribute('data-lot-id')).toBe(String(id));
    await page.screenshot({ path: `${SHOTS}/parking-live-stale.png` });
  }, 120_000);

  it('finds parking from a searched place, and selecting a lot highlights it on the map', async () => {
    await page.getByLabel('搜索街道、停车场或网格').fill('控江路');
    await page.getByRole('button', { name: /控江路街道/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).innerText()).toBe('起点：控江路街道');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(3);
    await rows(page).nth(1).getByRole('button').click();
    await expect.poll(() => rows(page).nth(1).getByRole('button').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.evaluate(() => JSON.stringify((window as unknown as { citygridMap: { getFilter(id: string): unknown } }).citygridMap.getFilter('parking-selected'))))
      .toBe(JSON.stringify(['==', ['get', 'id'], Number(await rows(page).nth(1).getAttribute('data-lot-id'))]));
    await page.screenshot({ path: `${SHOTS}/parking-search.png` });

    // And the other way: a lot tapped on the map is selected in the list.
    await mapReady(page);
    const third = rows(page).nth(2);
    const id = Number(await third.getAttribute('data-lot-id'));
    const spot = await page.evaluate((id) => {
      const map = (window as unknown as { citygridMap: { querySourceFeatures(s: string): { properties: { id: number }; geometry: { coordinates: number[] } }[] } }).citygridMap;
      return map.querySourceFeatures('parking-lots').find((f) => f.properties.id === id)!.geometry.coordinates;
    }, id);
    const at = await screenPoint(page, spot[0], spot[1]);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => third.getByRole('button').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('起点：控江路街道');
  }, 120_000);

  it('says clearly when a point is outside the service area', async () => {
    await page.evaluate(() => (location.hash = '#/parking?at=121.60000,31.20000'));
    await page.reload();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 120_000 }).toMatch(/不在服务范围内/);
  }, 180_000);

  it('locates me where the browser allows it, and explains a refusal', async () => {
    const allowed = await app.browser.newContext({ viewport: PHONE, geolocation: { longitude: CHOSEN.lon, latitude: CHOSEN.lat }, permissions: ['geolocation'] });
    const mine = await allowed.newPage();
    await mine.goto(`${app.url}#/parking`);
    await mine.getByTestId('locate').click();
    await expect.poll(() => mine.getByRole('heading', { level: 2 }).innerText(), { timeout: 120_000 }).toBe('起点：我的位置');
    await expect.poll(() => mine.getByTestId('parking-lot').count(), { timeout: 120_000 }).toBeGreaterThan(3);
    await allowed.close();

    const refused = await app.browser.newContext({ viewport: PHONE });
    const theirs = await refused.newPage();
    await theirs.goto(`${app.url}#/parking`);
    await theirs.getByTestId('locate').click();
    await expect.poll(() => theirs.getByRole('alert').innerText(), { timeout: 60_000 }).toMatch(/没有定位权限/);
    await refused.close();
  }, 300_000);

  it('can be worked from the keyboard: language, locate, search, a result, a lot', async () => {
    await page.goto(`${app.url}#/parking?at=${CHOSEN.lon},${CHOSEN.lat}`);
    await expect.poll(() => rows(page).count(), { timeout: 120_000 }).toBeGreaterThan(3);
    const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/class="lang/);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/data-testid="locate"/);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/id="parking-search"/);
    await page.keyboard.type('江浦路');
    await page.keyboard.press('Enter');
    const result = page.locator('.places button').first();
    await result.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/<button type="button"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).innerText()).toMatch(/^起点：江浦路/);
    // Past the map and its controls to the first lot.
    for (let i = 0; i < 30 && !/class="pick/.test(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/class="pick/);
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).first().getByRole('button').getAttribute('aria-pressed')).toBe('true');
  }, 180_000);

  it('has no serious or critical accessibility violations, in Chinese and in English', async () => {
    await mapReady(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Switch language/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Find parking');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/parking-phone-en.png`, fullPage: true });
    await page.getByRole('button', { name: /Switch language/ }).click();
  }, 120_000);

  it('loads no deck.gl, no shared live map and no overlay code, and throws nothing', () => {
    expect(requested.filter((url) => HEAVY.test(url))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
