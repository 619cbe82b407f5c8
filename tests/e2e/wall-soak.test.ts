import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, startApp, type App } from './support/browser';
import { watchPageErrors } from './support/page-watch';
import { openWall } from './support/wall';
import { hasDemoFeed, soakWall } from './support/wall-soak';

/** At least ten minutes, as a wall must run for days; `WALL_SOAK_MINUTES` lengthens it. */
const MINUTES = Math.max(10, Number(process.env.WALL_SOAK_MINUTES ?? 10));
/** Heap growth allowed from the first sample to the last: caches settle, a leak keeps growing. */
const ALLOWED_GROWTH = 1.2;
const ALLOWED_SLACK_BYTES = 4 * 2 ** 20;

describe.skipIf(!HAS_CHROMIUM)('the command wall over a long run with the live demo feed', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ production: true });
  }, 600_000);
  afterAll(async () => app?.close());

  it(`keeps its heap flat for ${MINUTES} minutes while the feed writes and the tour runs`, async (ctx) => {
    const page = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = watchPageErrors(page);
    await openWall(app, 'tour=20s', { width: 1920, height: 1080 }, page);
    if (!(await hasDemoFeed(page))) {
      console.warn('wall soak skipped: this build has no window.citygrid.demoFeed');
      ctx.skip();
    }
    const result = await soakWall(page, MINUTES);
    mkdirSync('tests/e2e/__results__', { recursive: true });
    writeFileSync('tests/e2e/__results__/wall-soak.json', JSON.stringify(result, null, 2));
    console.log(`wall soak: heap ${(result.startBytes / 2 ** 20).toFixed(1)} MB → ${(result.endBytes / 2 ** 20).toFixed(1)} MB over ${MINUTES} min, ${result.casesWritten} cases written`);
    expect(result.casesWritten).toBeGreaterThan(0);
    expect(result.endBytes).toBeLessThanOrEqual(result.startBytes * ALLOWED_GROWTH + ALLOWED_SLACK_BYTES);
    // Not a creep either: the second half grows no more than the slack.
    const half = result.samples[Math.floor(result.samples.length / 2)];
    expect(result.endBytes - half.usedBytes).toBeLessThanOrEqual(ALLOWED_SLACK_BYTES);
    expect(await page.getByTestId('wall-connection').getAttribute('data-status')).toBe('live');
    expect(errors).toEqual([]);
  }, (MINUTES + 12) * 60_000);
});
