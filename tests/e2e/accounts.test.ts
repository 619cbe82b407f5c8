import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { openAt, view } from './support/dashboard';
import { watchPageErrors } from './support/page-watch';

/** Inside meta-grids of PLR-G01 (the Pingliang Road inspector's) and of PPX-G01 (not theirs). */
const IN_PLR = { lon: 121.5148, lat: 31.2527 };
const IN_PPX = { lon: 121.4376, lat: 31.3183 };
const VIEW = view(15, 31.2585, 121.5235);

const account = (page: Page) => page.getByTestId('account');
const whoIsShown = async (page: Page) => (await page.getByTestId('account-button').textContent())?.replace(/\s+/g, ' ').trim();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

/** Reports a case at each place, tries to register both as the current account, and says what happened. */
const MOVE_BOTH = `(async ([mine, other]) => {
  const data = window.citygrid.data;
  const report = (p, d) => data.reportCase({ categoryCode: 'E-0501', lon: p.lon, lat: p.lat, description: d });
  const [a, b] = [await report(mine, '平凉路网格内 accounts e2e'), await report(other, '彭浦新村 accounts e2e')];
  const outcome = (id) => data.transitionCase(id, 'reported', 'registered').then(() => 'moved', (e) => e.message);
  return { grids: [a.gridCode, b.gridCode], outcomes: [await outcome(a.id), await outcome(b.id)] };
})`;

describe.skipIf(!HAS_CHROMIUM)('accounts on the embedded database', () => {
  let app: App;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startApp();
    context = await app.browser.newContext();
    page = await openAt(app, `?as=inspector-plr${VIEW}`, { width: 1280, height: 800 }, context);
    errors = watchPageErrors(page);
  }, 300_000); // a first visit starts the database from its snapshot: minutes on a loaded two-core machine
  afterAll(async () => app?.close());

  it('shows who you are in the header: ?as=inspector-plr is the Pingliang Road inspector', async () => {
    expect(await account(page).getAttribute('data-account')).toBe('inspector-plr');
    expect(await whoIsShown(page)).toBe('当前身份： 李明 网格巡查员');
    await page.getByRole('button', { name: 'Switch language' }).click();
    expect(await whoIsShown(page)).toBe('Signed in as： Li Ming Inspector');
    await page.getByRole('button', { name: 'Switch language' }).click();
  });

  it('lets the inspector move a case in their grids and refuses one elsewhere, in the database', async () => {
    const { grids, outcomes } = (await page.evaluate(`${MOVE_BOTH}(${JSON.stringify([IN_PLR, IN_PPX])})`)) as { grids: string[]; outcomes: string[] };
    expect(grids[0]).toMatch(/^PLR-G01-/);
    expect(grids[1]).toMatch(/^PPX-G01-/);
    expect(outcomes[0]).toBe('moved');
    expect(outcomes[1]).toMatch(/not found among the cases you may work/);
  });

  it('opens the menu with the demo accounts as radio buttons, accessibly (axe-core)', async () => {
    await page.getByTestId('account-button').click();
    const menu = page.getByTestId('account-menu');
    await menu.waitFor();
    expect(await page.getByRole('radio').count()).toBe(5);
    expect(await page.getByRole('radio', { checked: true }).getAttribute('value')).toBe('inspector-plr');
    expect(await focused(page)).toBe('account-inspector-plr');
    await page.screenshot({ path: 'tests/e2e/__results__/account-menu.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('account-button');
    expect(await account(page).getAttribute('data-account')).toBe('inspector-plr');
  });

  it('switches to the commander with the keyboard alone, and the dashboard reads its layers again', async () => {
    // Tab order starts where the last click was: the title, at the top of the page.
    await page.locator('header h1').click();
    for (let i = 0; i < 20 && (await focused(page)) !== 'account-button'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('account-button');
    await page.evaluate(`window.gridsBefore = window.citygrid.stores.stores.grids`);
    await page.keyboard.press('Enter');
    await page.getByTestId('account-menu').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('account-commander');
    await page.keyboard.press('Enter');
    await page.getByTestId('account-menu').waitFor({ state: 'hidden' });
    expect(await account(page).getAttribute('data-account')).toBe('commander');
    expect(await whoIsShown(page)).toBe('当前身份： 王建国 指挥长');
    expect(await focused(page)).toBe('account-button');
    expect(await page.getByRole('status').filter({ hasText: '已切换为 王建国 · 指挥长' }).count()).toBe(1);
    // The commander works every grid: the case the inspector could not move, the commander can.
    const { outcomes } = (await page.evaluate(`${MOVE_BOTH}(${JSON.stringify([IN_PLR, IN_PPX])})`)) as { outcomes: string[] };
    expect(outcomes).toEqual(['moved', 'moved']);
    await expect.poll(() => page.evaluate(`window.citygrid.stores.stores.grids !== window.gridsBefore`)).toBe(true);
  });

  it('switches through the data interface too, and a reload of the tab keeps the account', async () => {
    await page.evaluate(`window.citygrid.data.session.use('admin')`);
    await expect.poll(() => account(page).getAttribute('data-account')).toBe('admin');
    expect(await whoIsShown(page)).toBe('当前身份： 赵敏 管理员');
    expect(new URL(page.url()).searchParams.get('as')).toBe('admin');
    await page.reload();
    await page.waitForSelector('[data-testid="account"][data-account="admin"]', { timeout: 180_000 });
    expect(await page.evaluate(`window.citygrid.data.session.current.claims.app_metadata.citygrid_role`)).toBe('admin');
  }, 240_000);

  it('fits a phone, accessibly', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('account-button').click();
    await page.getByTestId('account-menu').waitFor();
    const box = (await page.getByTestId('account-menu').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'tests/e2e/__results__/account-menu-phone.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('raises no uncaught errors', () => {
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!HAS_CHROMIUM)('accounts on Supabase', () => {
  /** Nothing listens on the discard port: every request fails at once. */
  const UNREACHABLE = 'http://127.0.0.1:9';
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ supabaseUrl: UNREACHABLE });
    page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.url}?as=commander#/inspect?as=admin`);
    await page.waitForSelector('[data-testid="account"]', { timeout: 60_000 });
  }, 300_000);
  afterAll(async () => app?.close());

  it('never takes the account from ?as=: nobody is signed in', async () => {
    expect(await account(page).getAttribute('data-account')).toBe('public');
    expect(await whoIsShown(page)).toBe('当前身份： 未登录 公众');
    expect(await page.evaluate(`'use' in window.citygrid.data.session`)).toBe(false);
  });

  it('offers staff a sign-in form with a password or an emailed link, accessibly (axe-core)', async () => {
    await page.getByTestId('account-button').click();
    await page.getByTestId('account-menu').waitFor();
    expect(await focused(page)).toBe('INPUT');
    expect(await page.getByLabel('邮箱').getAttribute('type')).toBe('email');
    await page.screenshot({ path: 'tests/e2e/__results__/account-sign-in.png' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says why a sign-in failed', async () => {
    await page.getByLabel('邮箱').fill('li.ming@example.org');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByTestId('account-sign-in').click();
    const alert = page.getByRole('alert').filter({ hasText: '登录失败' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await account(page).getAttribute('data-account')).toBe('public');
  });
});
