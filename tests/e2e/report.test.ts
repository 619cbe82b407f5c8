import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseStatus } from '../../src/lib/data/types';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { watchPageErrors } from './support/page-watch';

const SHOTS = 'tests/e2e/__results__';
const PHONE = { width: 390, height: 844 };

/** A 3000×2000 photo, as a phone takes it: the page has to shrink it under the database's 1 MB. */
function streetPhoto(): Buffer {
  const png = new PNG({ width: 3000, height: 2000 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([(i * 7) & 255, (i >> 9) & 255, (i >> 15) & 255, 255], i);
  return PNG.sync.write(png);
}

/** Opens a resident screen on a phone and waits until it has what it reads from the database. */
async function openResident(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 240_000 });
  return page;
}

/** The report map, once its basemap has drawn and it stands still. */
const mapSettled = (page: Page) =>
  page.waitForFunction(() => {
    const map = (window as unknown as { citygridReportMap?: { loaded(): boolean; isMoving(): boolean } }).citygridReportMap;
    return map?.loaded() && !map.isMoving();
  }, null, { timeout: 60_000 });

/** Moves a case as a staff page's account, through its data interface. */
const moveAs = (page: Page, id: number, from: CaseStatus, to: CaseStatus, note?: string) =>
  page.evaluate(([id, from, to, note]) => (window as unknown as { citygrid: { data: { transitionCase(...a: unknown[]): Promise<void> } } })
    .citygrid.data.transitionCase(id, from, to, note), [id, from, to, note] as const);

describe.skipIf(!HAS_CHROMIUM)('a resident reports a problem from a QR code and follows it to the end', () => {
  let app: App;
  let context: BrowserContext;
  let phone: Page;
  let errors: string[];
  let trackingCode = '';
  let caseNo = '';

  beforeAll(async () => {
    app = await startApp();
    context = await app.browser.newContext();
    phone = await openResident(context, `${app.url}#/report?grid=PLR-G01`, '[data-testid="report-screen"] .choice');
    errors = watchPageErrors(phone);
  }, 300_000);
  afterAll(async () => app?.close());

  it('reports with a photo from a grid’s QR link, the spot defaulting to the grid', async () => {
    await expect.poll(() => phone.getByTestId('report-coords').textContent()).toMatch(/^31\.\d{5}, 121\.\d{5}$/);
    await expect.poll(() => phone.locator('.grid-name').textContent()).toContain('PLR-G01');
    // Categories show a picture and a plain name, never the internal code.
    const choices = await phone.locator('.choice').allTextContents();
    expect(choices.join(' ')).toContain('非法小广告');
    expect(choices.join(' ')).not.toMatch(/[EC]-\d{4}/);

    // The map opens on the grid's point, and a tap moves the spot there.
    await mapSettled(phone);
    const coords = async () => (await phone.getByTestId('report-coords').textContent())!.split(', ').map(Number);
    const [lat, lon] = await coords();
    const view = await phone.evaluate(() => {
      const map = (window as unknown as { citygridReportMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).citygridReportMap;
      return { lon: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() };
    });
    expect(view.lon).toBeCloseTo(lon, 4);
    expect(view.lat).toBeCloseTo(lat, 4);
    expect(view.zoom).toBeGreaterThanOrEqual(15);
    await phone.locator('.location-map').scrollIntoViewIfNeeded();
    const box = (await phone.locator('.location-map').boundingBox())!;
    await phone.mouse.click(box.x + box.width / 2 + 80, box.y + box.height / 2);
    await expect.poll(async () => (await coords())[1], { timeout: 30_000 }).toBeGreaterThan(lon + 0.0002);

    await phone.getByText('非法小广告').click();
    await phone.getByLabel('描述问题').fill('平凉路电线杆上贴满小广告（扫码上报 e2e）');
    await phone.getByTestId('report-photo-input').setInputFiles({ name: 'street.png', mimeType: 'image/png', buffer: streetPhoto() });
    await expect.poll(() => phone.locator('.thumbs img').count(), { timeout: 30_000 }).toBe(1);
    await mapSettled(phone);
    await phone.screenshot({ path: `${SHOTS}/report-form.png`, fullPage: true });

    await phone.getByRole('button', { name: '提交上报' }).click();
    await phone.waitForSelector('[data-testid="report-sent"]', { timeout: 60_000 });
    await expect.poll(() => phone.getByTestId('sent-photos').textContent(), { timeout: 60_000 }).toBe('已附照片 1 张');
    caseNo = (await phone.getByTestId('sent-case-no').textContent())!;
    trackingCode = (await phone.getByTestId('sent-tracking-code').textContent())!;
    expect(caseNo).toMatch(/^CG\d{8}-\d{6,}$/);
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(await phone.getByTestId('sent-track-link').getAttribute('href')).toBe(`#/track/${trackingCode}`);
    await phone.screenshot({ path: `${SHOTS}/report-sent.png`, fullPage: true });
    expect(await seriousViolations(phone)).toEqual([]);

    // The grid's inspector sees the case, in their grid, with the photo shrunk to a JPEG under 1 MB.
    const inspector = await openResident(context, `${app.url}?as=inspector-plr#/qr`, '[data-testid="qr-screen"]');
    const detail = (await inspector.evaluate(async (no) => {
      const data = (window as unknown as { citygrid: { data: { findCase(n: string): Promise<{ id: number }>; caseDetail(id: number): Promise<unknown> } } }).citygrid.data;
      return data.caseDetail((await data.findCase(no)).id);
    }, caseNo)) as CaseDetail;
    expect(detail).toMatchObject({ categoryCode: 'E-0203', source: 'resident_qr', gridCode: expect.stringMatching(/^PLR-G01/) });
    expect(detail.photos).toHaveLength(1);
    expect(detail.photos[0]).toMatchObject({ mime: 'image/jpeg', status: 'reported' });
    expect(detail.photos[0].bytes).toBeLessThan(1_000_000);
    await inspector.close();
    expect(errors).toEqual([]);
  }, 300_000);

  it('follows it by tracking code, sees the staff’s moves arrive live, answers “not fixed” and sees it reopen', async () => {
    await phone.getByTestId('sent-track-link').click();
    await phone.waitForSelector('[data-testid="tracked-case"]', { timeout: 30_000 });
    const status = () => phone.getByTestId('tracked-status').textContent();
    expect(await status()).toBe('已上报');
    expect(await phone.locator('[data-testid="tracked-case"]').textContent()).toContain(caseNo);

    const commander = await openResident(context, `${app.url}?as=commander#/qr`, '[data-testid="qr-screen"]');
    const inspector = await openResident(context, `${app.url}?as=inspector-plr#/qr`, '[data-testid="qr-screen"]');
    const id = (await phone.evaluate((code) => (window as unknown as { citygrid: { data: { trackCase(c: string): Promise<{ id: number }> } } })
      .citygrid.data.trackCase(code).then((t) => t.id), trackingCode));
    await moveAs(commander, id, 'reported', 'registered');
    await expect.poll(status, { timeout: 30_000 }).toBe('已受理');
    await moveAs(commander, id, 'registered', 'dispatched');
    await moveAs(inspector, id, 'dispatched', 'handling');
    await expect.poll(status, { timeout: 30_000 }).toBe('处理中');
    await moveAs(inspector, id, 'handling', 'handled', '小广告已清除 posters removed');
    await expect.poll(status, { timeout: 30_000 }).toBe('已处理，待您确认');
    await phone.waitForSelector('[data-testid="verdict"]');
    // Staff notes stay private.
    expect(await phone.locator('body').textContent()).not.toContain('posters removed');
    await phone.screenshot({ path: `${SHOTS}/track-handled.png`, fullPage: true });
    expect(await seriousViolations(phone)).toEqual([]);

    // "Not fixed" needs a word on what is still wrong.
    await phone.getByRole('button', { name: /未解决/ }).click();
    await expect.poll(() => phone.getByRole('alert').textContent()).toBe('请说明还有什么问题。');
    await phone.getByLabel(/还有什么问题/).fill('路口那根杆子上还有 the pole at the corner still has some');
    await phone.getByRole('button', { name: /未解决/ }).click();
    await expect.poll(status, { timeout: 30_000 }).toBe('处理中');
    expect(await phone.locator('.told').textContent()).toBe('已退回重新处理。');
    expect(await phone.locator('[data-testid="verdict"]').count()).toBe(0);
    const steps = await phone.locator('[data-testid="timeline"] li').allTextContents();
    expect(steps.map((s) => s.replace(/\d.*$/, ''))).toEqual(['已上报', '已受理', '已派遣', '处理中', '已处理，待您确认', '处理中']);
    await phone.screenshot({ path: `${SHOTS}/track-reopened.png`, fullPage: true });
    expect(await phone.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await commander.close();
    await inspector.close();
    expect(errors).toEqual([]);
  }, 300_000);

  it('refuses a spot outside the service area, saying so, and keeps what was typed', async () => {
    const page = await openResident(context, `${app.url}#/report?lon=121.30&lat=31.10`, '[data-testid="report-screen"] .choice');
    await page.getByText('暴露垃圾').click();
    await page.getByLabel('描述问题').fill('服务范围外 out of area');
    await page.getByRole('button', { name: '提交上报' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/不在服务范围内/);
    expect(await page.getByLabel('描述问题').inputValue()).toBe('服务范围外 out of area');
    expect(await page.locator('[data-testid="report-sent"]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/report-outside-area.png`, fullPage: true });
    await page.close();
  }, 300_000);

  it('has no serious or critical axe violations on the report and track pages, in Chinese and in English', async () => {
    const page = await openResident(context, `${app.url}#/report?grid=PLR-G02`, '[data-testid="report-screen"] .choice');
    await mapSettled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Switch language/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Report a problem');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/report-form-en.png`, fullPage: true });
    await page.evaluate((code) => (location.hash = `#/track/${code}`), trackingCode);
    await page.waitForSelector('[data-testid="tracked-case"]', { timeout: 30_000 });
    expect(await page.getByTestId('tracked-status').textContent()).toBe('Being dealt with');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/track-en.png`, fullPage: true });
    // Back to Chinese for the tests after this one: the choice is kept per browser.
    await page.getByRole('button', { name: /Switch language/ }).click();
    await page.close();
  }, 300_000);

  it('can be reported and followed from the keyboard alone', async () => {
    const page = await openResident(context, `${app.url}#/report?grid=PLR-G02`, '[data-testid="report-screen"] .choice');
    await mapSettled(page);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return `${el?.tagName.toLowerCase()}${el?.type ? `:${el.type}` : ''}${el?.className.includes('maplibregl-canvas') ? ':map' : ''}`;
    });
    // Tab order: the language switch, then the categories, where arrow keys choose.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:button');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input:radio');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('textarea:textarea');
    await page.keyboard.type('公共座椅损坏（键盘上报 e2e）');
    const path: string[] = [];
    for (let i = 0; i < 15 && !(await focused()).startsWith('button:submit'); i++) {
      await page.keyboard.press('Tab');
      path.push(await focused());
      // On the map, arrow keys move the spot under the pin.
      if (path.at(-1)!.endsWith(':map')) {
        const before = await page.getByTestId('report-coords').textContent();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => page.getByTestId('report-coords').textContent(), { timeout: 30_000 }).not.toBe(before);
      }
    }
    expect(path).toContain('input:file');
    expect(path).toContain('canvas:map');
    expect(path.indexOf('input:file')).toBeLessThan(path.indexOf('canvas:map'));
    expect(path.at(-1)).toBe('button:submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="report-sent"]', { timeout: 60_000 });
    await page.getByTestId('sent-track-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="tracked-case"]', { timeout: 30_000 });
    expect(await page.getByTestId('tracked-status').textContent()).toBe('已上报');
    // The second category, chosen with an arrow key.
    expect(await page.locator('#case-title').textContent()).toBe('公共设施损坏');
    await page.close();
  }, 300_000);
});
