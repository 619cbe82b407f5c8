import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parkingFixture } from '../support/parking-fixtures';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { openAt, view, waitLive } from './support/dashboard';
import { watchPageErrors } from './support/page-watch';

describe.skipIf(!HAS_CHROMIUM)('the admin’s parking drop-zone', () => {
  let app: App;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startApp();
    page = await openAt(app, `?as=admin${view(14, 31.2585, 121.5235, 'parking')}`);
    errors = watchPageErrors(page);
    await waitLive(page);
  }, 300_000); // a first visit starts the database from its snapshot: minutes on a loaded two-core machine
  afterAll(async () => app?.close());

  const panel = () => page.getByTestId('parking-import');
  const report = () => page.getByTestId('parking-import-report');

  it('checks a chosen file first, listing each refused row with its line and reason, and writes nothing yet', async () => {
    await panel().locator('summary').click();
    await page.getByTestId('parking-import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(parkingFixture('bad.csv')) });
    await report().waitFor();
    expect(await report().getAttribute('data-written')).toBe('false');
    const refused = await report().locator('.refused li').allTextContents();
    expect(refused).toHaveLength(10);
    expect(refused[0]).toBe('第 2 行 IMP-BAD-01: 位置 (13.7373, 51.0504) 在服务区域之外');
    expect(refused[7]).toBe('第 9 行 —: 该行有 7 个字段，表头有 11 个');
    expect(await page.evaluate(`window.citygrid.data.parkingLots().then((lots) => lots.some((l) => l.code === 'IMP-BAD-11'))`)).toBe(false);
    await report().scrollIntoViewIfNeeded();
    await panel().screenshot({ path: 'tests/e2e/__results__/parking-import-checked.png' });
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('imports the rows that passed, and the new lot reaches the map', async () => {
    await page.getByTestId('parking-import-go').click();
    await expect.poll(() => report().getAttribute('data-written')).toBe('true');
    await expect
      .poll(() => page.evaluate(`window.citygrid.stores.stores.parking.rows.some((lot) => lot.code === 'IMP-BAD-11')`), { timeout: 30_000 })
      .toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it('takes a dropped ParkAPI file too', async () => {
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'city.json', { type: 'application/json' }));
      document.querySelector('[data-testid="parking-import"] .zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, parkingFixture('parkapi.json'));
    await expect.poll(() => report().locator('.title').textContent()).toContain('city.json');
    expect(await report().locator('.refused li').allTextContents()).toEqual([
      '第 2 条 shanghaikongjiang: 新停车场缺少空余车位和观测时间（free_spaces、observed_at）',
      '第 3 条 shanghaioverfull: 空余车位 25 超过车位总数 20',
    ]);
  }, 60_000);

  it('is not offered to anyone but an admin', async () => {
    await page.evaluate(`window.citygrid.data.session.use('commander')`);
    await expect.poll(() => panel().count()).toBe(0);
  });
});
