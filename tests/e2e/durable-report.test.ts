import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, ReportedCase, TrackedCase } from '../../src/lib/data/types';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { openAt, reportCaseScript, view } from './support/dashboard';
import { watchPageErrors } from './support/page-watch';

/** On Pingliang Road, inside a grid of the service area. */
const SPOT = { lon: 121.5235, lat: 31.2585 };
const report = (description: string) => reportCaseScript(SPOT, description);

describe.skipIf(!HAS_CHROMIUM)('a confirmed report in the embedded database', () => {
  let app: App;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    context = await app.browser.newContext();
  }, 300_000);
  afterAll(async () => app?.close());

  it('survives closing the only tab the moment it is confirmed', async () => {
    const first = await openAt(app, view(15, SPOT.lat, SPOT.lon), { width: 1280, height: 800 }, context);
    const firstErrors = watchPageErrors(first);
    const reported = (await first.evaluate(report('平凉路流动摊贩占道经营（关页持久化 e2e）'))) as ReportedCase;
    // The only tab: closing it ends the worker that holds the database.
    await first.close();
    expect(firstErrors).toEqual([]);
    expect(reported.caseNo).toBeTruthy();
    expect(reported.trackingCode).toBeTruthy();

    const again = await openAt(app, view(15, SPOT.lat, SPOT.lon), { width: 1280, height: 800 }, context);
    const errors = watchPageErrors(again);
    const detail = (await again.evaluate(`window.citygrid.data.caseDetail(${reported.id})`)) as CaseDetail | null;
    expect(detail).toMatchObject({ id: reported.id, caseNo: reported.caseNo, categoryCode: 'E-0501' });

    const tracked = (await again.evaluate(`window.citygrid.data.trackCase(${JSON.stringify(reported.trackingCode)})`)) as TrackedCase | null;
    expect(tracked).toMatchObject({ caseNo: reported.caseNo, categoryCode: 'E-0501' });

    const next = (await again.evaluate(report('平凉路流动摊贩占道经营（第二次上报 e2e）'))) as ReportedCase;
    expect(next.id).not.toBe(reported.id);
    expect(next.caseNo).not.toBe(reported.caseNo);
    expect(errors).toEqual([]);
  }, 420_000);
});
