import type { CDPSession, Page } from 'playwright-core';

export interface HeapSample {
  /** Minutes since the soak began. */
  minute: number;
  /** JS heap in use after a forced garbage collection, bytes. */
  usedBytes: number;
  /** Cases the wall's page holds, to show the data did move. */
  cases: number;
  tourStep: number;
}

export interface SoakResult {
  samples: HeapSample[];
  startBytes: number;
  endBytes: number;
  /** Cases the demo feed wrote during the soak, as the database counts them. */
  casesWritten: number;
}

/** The demo feed's handle in the page: `window.citygrid.demoFeed`. */
const FEED = '(window.citygrid && window.citygrid.demoFeed)';

export const hasDemoFeed = (page: Page) => page.evaluate(`Boolean(${FEED})`) as Promise<boolean>;

/** The page's JS heap after a full garbage collection (CDP: HeapProfiler.collectGarbage, Runtime.getHeapUsage). */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

const caseCount = (page: Page) => page.evaluate(`window.citygrid.data.layerCounts().then((c) => c.cases)`) as Promise<number>;

/**
 * Runs the demo feed against an open wall for `minutes`, sampling the heap
 * whenever the tour moves on (a condition the wall meets by itself, not a
 * fixed sleep) and at most once a minute. The first sample is taken after a
 * full round of the tour, back on the overview: by then every stop's layers,
 * tiles, labels, fonts and shaders have been made once (the overview alone
 * draws none of the point layers).
 */
export async function soakWall(page: Page, minutes: number, speed = 1, log: (line: string) => void = console.log): Promise<SoakResult> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const tourStep = async () => Number(await page.getByTestId('wall').getAttribute('data-tour-step'));
  const nextStep = async () => {
    const step = await tourStep();
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid="wall"]')?.getAttribute('data-tour-step')) > s, step, { timeout: 180_000, polling: 1000 });
  };
  const onOverview = (yes: boolean) =>
    page.waitForFunction((want) => (document.querySelector('[data-testid="wall"]')?.getAttribute('data-tour-stop') === 'overview') === want, yes, {
      timeout: 600_000,
      polling: 1000,
    });
  await page.evaluate(`${FEED}.start({ speed: ${speed} })`);
  await onOverview(false);
  await onOverview(true);
  const casesAtStart = await caseCount(page);
  const began = Date.now();
  const sample = async (): Promise<HeapSample> => {
    const s = { minute: (Date.now() - began) / 60_000, usedBytes: await heapAfterGc(cdp), cases: await caseCount(page), tourStep: await tourStep() };
    log(`wall soak: ${s.minute.toFixed(1)} min, heap ${(s.usedBytes / 2 ** 20).toFixed(1)} MB, ${s.cases} cases, tour step ${s.tourStep}`);
    return s;
  };
  const samples = [await sample()];
  while (Date.now() - began < minutes * 60_000) {
    await nextStep();
    if (Date.now() - began - samples.at(-1)!.minute * 60_000 >= 60_000) samples.push(await sample());
  }
  if (!(await page.evaluate(`${FEED}.running`))) throw new Error('the demo feed stopped during the soak');
  await page.evaluate(`${FEED}.stop()`);
  samples.push(await sample());
  await cdp.detach();
  return { samples, startBytes: samples[0].usedBytes, endBytes: samples.at(-1)!.usedBytes, casesWritten: samples.at(-1)!.cases - casesAtStart };
}
