import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/**
 * The residents' parking page on a phone over Chromium's "Fast 4G": the JS
 * (gzip) it loads before the list shows, and the time to that first list.
 * Throttling is the Chrome DevTools / Puppeteer "Fast 4G" preset, set through
 * CDP Network.emulateNetworkConditions: 9 Mbps × 0.9 down (1,012,500 B/s),
 * 1.5 Mbps × 0.9 up (168,750 B/s), 60 ms × 2.75 latency (165 ms); no CPU throttling.
 */
export const FAST_4G = { offline: false, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9, latency: 60 * 2.75 };
export const JS_BUDGET_GZIP_BYTES = 150 * 1000;
const PHONE = { width: 390, height: 844 };
/** Near 控江路34号小区停车场, in Kongjiang Road. */
const AT = '121.518800,31.278600';

export interface ParkingLoad {
  /** ms from navigation start until the first lot row is in the page. */
  firstListMs: number;
  /** ms until the map has drawn its style (after the list, by design). */
  mapMs: number | null;
  /** Every JS file fetched before the list showed, each gzipped (zlib level 9) as served compressed. */
  jsBeforeListGzipBytes: number;
  jsBeforeList: string[];
  /** Every byte the page received before the list showed (transfer sizes: JS, CSS, data, the embedded database). */
  bytesBeforeList: number;
  /** JS files fetched by the time the map was drawn. */
  jsAll: string[];
}

/** Ten lots around the point, a day of readings each: fixed rows, the same every run. */
function fakeRows(fn: string): unknown[] {
  const lots = Array.from({ length: 10 }, (_, i) => ({
    id: i + 1, code: `PK-BENCH-${i + 1}`, kind: ['public', 'residential', 'shared', 'on_street'][i % 4],
    name_zh: `测试路${i + 1}号停车场`, name_en: `No. ${i + 1} Test Road Car Park`, capacity: 100, free_spaces: 10 + i,
    fee_per_hour_cny: i % 3 === 0 ? null : i % 3, hours: '00:00-24:00', lon: 121.5188 + i * 0.0004, lat: 31.2786 + i * 0.0003,
    updated_at: new Date().toISOString(), distance_m: 40 + i * 45, open_now: true, age_s: 60, stale: false,
  }));
  if (fn === 'nearest_parking') return lots;
  if (fn === 'parking_history') {
    const now = Date.now();
    return lots.flatMap((l) => Array.from({ length: 96 }, (_, k) => ({
      lot_id: l.id, observed_at: new Date(now - (95 - k) * 15 * 60_000).toISOString(), free_spaces: 10 + ((k * 7 + l.id) % 40),
    })));
  }
  return [];
}

/**
 * A stand-in for a Supabase project: PostgREST's `/rest/v1/rpc/<fn>` with
 * fixed rows, CORS open. Enough for the page's reads, so the bench measures
 * the client alone; Realtime is not served (the page retries it quietly).
 */
export async function fakeSupabase(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const fn = /\/rest\/v1\/rpc\/(\w+)/.exec(req.url ?? '')?.[1];
    if (!fn) return void res.writeHead(404).end();
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fakeRows(fn))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const gzipBytes = (distFile: string) => gzipSync(readFileSync(distFile), { level: 9 }).length;

/** One cold visit (fresh context, empty cache) of `#/parking?at=…` on a 390×844 phone over Fast 4G. */
export async function parkingLoad(browser: Browser, appUrl: string, timeoutMs: number): Promise<ParkingLoad> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', FAST_4G);
    // The moment the first row enters the page, taken in the page: polling from here would add its own delay.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid="parking-lot"]')) return;
        (window as unknown as { firstListMs: number }).firstListMs = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${appUrl}#/parking?at=${AT}`);
    await page.waitForFunction(() => 'firstListMs' in window, null, { timeout: timeoutMs, polling: 100 });
    const firstListMs = await page.evaluate(() => (window as unknown as { firstListMs: number }).firstListMs);
    const resourcesAt = () => page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => ({ path: new URL(e.name).pathname, end: e.responseEnd, bytes: e.transferSize })));
    const scriptsAt = async () => (await resourcesAt()).filter((r) => r.path.endsWith('.js'));
    const received = (await resourcesAt()).filter((r) => r.end <= firstListMs);
    const beforeList = received.filter((r) => r.path.endsWith('.js')).map((s) => s.path);
    const mapMs = await page
      .waitForFunction(() => (window as unknown as { citygridMap?: { loaded(): boolean } }).citygridMap?.loaded() && performance.now(), null, { timeout: timeoutMs })
      .then(async (handle) => Number(await handle.jsonValue()))
      .catch(() => null);
    const all = (await scriptsAt()).map((s) => s.path);
    return {
      firstListMs,
      mapMs,
      jsBeforeListGzipBytes: beforeList.reduce((sum, path) => sum + gzipBytes(join('dist', path)), 0),
      jsBeforeList: beforeList,
      bytesBeforeList: received.reduce((sum, r) => sum + r.bytes, 0),
      jsAll: all,
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The best-of / median summary of several cold visits. */
export function summarise(loads: ParkingLoad[]) {
  return {
    visits: loads.length,
    firstListMsMedian: median(loads.map((l) => l.firstListMs)),
    mapMsMedian: median(loads.map((l) => l.mapMs ?? Number.NaN)),
    jsBeforeListGzipBytes: Math.max(...loads.map((l) => l.jsBeforeListGzipBytes)),
    jsBeforeList: loads[0].jsBeforeList,
    bytesBeforeListMedian: median(loads.map((l) => l.bytesBeforeList)),
    jsAll: loads[0].jsAll,
    loadsDeckOrPglite: loads.some((l) => l.jsAll.some((p) => /deckgl|pglite/.test(p))),
  };
}
