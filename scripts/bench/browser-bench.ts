/**
 * The app against a bare deck.gl page (scripts/bench/baseline) drawing the
 * same case positions from one Float32Array on the same basemap, in the same
 * Chromium, in the same run: time to cases drawn on a first and a repeat
 * visit, page heap, live-update lag at a rate of changes, and frame time
 * panning with and without a burst of changes.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { decodeViewSnapshot } from '../../src/lib/data/view-snapshot';
import type { SnapshotManifest } from '../../src/lib/data/embedded/snapshot-manifest';
import { ensureSnapshot, snapshotDir } from '../db-snapshot';
import { record } from './measure';

const DIST = 'dist';
const SEED_CASES = 3000;

export interface BrowserBenchOptions {
  scales: number[];
  /** The scale at which live updates and frame times are measured. */
  liveScale: number;
  /** How long a visit may take to start its database and catch up. */
  catchUpMs: number;
  /** Changes per second to sustain, each for `seconds`. */
  rates: { perSecond: number; seconds: number }[];
}

async function buildBaseline() {
  await build({
    root: 'scripts/bench/baseline',
    base: '/baseline/',
    logLevel: 'warn',
    define: { 'import.meta.env.VITE_BASEMAP_STYLE': '""' },
    build: { outDir: join(process.cwd(), DIST, 'baseline'), emptyOutDir: true, target: 'es2022' },
  });
}

/** The database snapshot with `cases` cases, served as dist/db, and its positions for the baseline. */
export async function serveScale(cases: number): Promise<void> {
  const dir = cases <= SEED_CASES ? snapshotDir : `.cache/bench/db-${cases}`;
  await ensureSnapshot({ dir, extraCases: Math.max(cases - SEED_CASES, 0), log: (line) => console.log(`  ${line}`) });
  const served = join(DIST, 'db');
  rmSync(served, { recursive: true, force: true });
  mkdirSync(served);
  for (const file of readdirSync(dir)) copyFileSync(join(dir, file), join(served, file));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SnapshotManifest;
  const view = decodeViewSnapshot(new Uint8Array(readFileSync(join(dir, manifest.view))).buffer);
  const positions = Float32Array.from(view.cases.positions.subarray(0, view.cases.length * 2));
  writeFileSync(join(DIST, 'baseline', 'cases.f32'), Buffer.from(positions.buffer));
}

interface Drawn {
  ms: number;
  count: number;
  shown: string | null;
}

async function casesDrawn(page: Page): Promise<Drawn> {
  await page.waitForFunction(() => performance.getEntriesByName('citygrid:cases-drawn').length > 0, null, { timeout: 600_000, polling: 50 });
  return page.evaluate(() => {
    const [mark] = performance.getEntriesByName('citygrid:cases-drawn') as PerformanceMark[];
    const detail = mark.detail as { count: number; shown?: string | null };
    return { ms: mark.startTime, count: detail.count, shown: detail.shown ?? null };
  });
}

/** JS heap in use after a full garbage collection, in MB. */
async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function caughtUp(page: Page, timeout: number) {
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="shown-view"]') && document.querySelector('[data-testid="connection"]')?.getAttribute('data-status') === 'live',
    null,
    { timeout, polling: 500 },
  );
}

async function viewSaved(page: Page) {
  await page.waitForFunction(
    `new Promise((resolve) => {
      const open = indexedDB.open('citygrid-view', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('views');
      open.onsuccess = () => { const r = open.result.transaction('views').objectStore('views').count(); r.onsuccess = () => { open.result.close(); resolve(r.result > 0); }; };
    })`,
    null,
    { timeout: 300_000, polling: 1000 },
  );
}

async function baselineVisits(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}baseline/`);
  const first = await casesDrawn(page);
  const heap = await heapMb(context, page);
  await page.reload();
  const repeat = await casesDrawn(page);
  await context.close();
  return { first, repeat, heap };
}

/**
 * A first visit (timed to cases drawn, then left to catch up and save its
 * view) and a repeat visit. Where the database cannot start within
 * `catchUpMs` the repeat visit is not measured, and the heap is taken while
 * the first visit still shows the built-in view.
 */
async function appVisits(browser: Browser, url: string, catchUpMs: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  const first = await casesDrawn(page);
  try {
    await caughtUp(page, catchUpMs);
  } catch {
    return { first, repeat: null, heap: await heapMb(context, page), caughtUp: false, context, page };
  }
  await viewSaved(page);
  const heap = await heapMb(context, page);
  await page.close();
  const again = await context.newPage();
  await again.goto(url);
  const repeat = await casesDrawn(again);
  await caughtUp(again, catchUpMs);
  return { first, repeat, heap, caughtUp: true, context, page: again };
}

/**
 * Writes `perSecond` case changes a second for `seconds` (two statements a
 * second, each moving a slice of cases between handling and handled as the
 * service role would: PGlite's IndexedDB store flushes whole files per
 * commit, so a feed writes in slices) and measures, for each change, the
 * time until the page has applied it to its store.
 */
function liveScript(perSecond: number, seconds: number): string {
  return `(async () => {
    const db = await window.citygridDatabase;
    const { rows } = await db.query("select id from cases where status in ('handling', 'handled') order by random() limit 50000");
    const ids = rows.map((r) => r.id);
    const perTick = Math.max(1, Math.round(${perSecond} / 2));
    const sent = new Map();
    const lags = [];
    window.citygrid.stores.onApplied = (batch) => {
      const now = performance.now();
      for (const id of batch.get('cases') ?? []) {
        const at = sent.get(id);
        if (at !== undefined) { lags.push(now - at); sent.delete(id); }
      }
    };
    const started = performance.now();
    let written = 0;
    let next = 0;
    while (performance.now() - started < ${seconds} * 1000) {
      const tick = performance.now();
      const slice = [];
      for (let k = 0; k < perTick; k++) slice.push(ids[(next++) % ids.length]);
      for (const id of slice) if (!sent.has(id)) sent.set(id, tick);
      await db.transaction(async (tx) => {
        await tx.query("select set_config('request.jwt.claims', '{\\"role\\":\\"service_role\\"}', true), set_config('citygrid.transition_note', 'bench feed', true)");
        await tx.query("update cases set status = case when status = 'handling' then 'handled'::case_status else 'handling'::case_status end where id = any($1)", [slice]);
      });
      written += slice.length;
      const wait = 500 - (performance.now() - tick);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const writing = (performance.now() - started) / 1000;
    const drainUntil = performance.now() + 30000;
    while (sent.size && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
    window.citygrid.stores.onApplied = null;
    lags.sort((a, b) => a - b);
    const at = (q) => lags.length ? lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] : null;
    return { written, writtenPerSecond: written / writing, applied: lags.length, notApplied: sent.size, p50: at(0.5), p95: at(0.95), max: lags[lags.length - 1] ?? null };
  })()`;
}

/** Median frame interval while the map pans for `ms`, measured with requestAnimationFrame in the page. */
function panFrameScript(ms: number): string {
  return `new Promise((resolve) => {
    const frames = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => { frames.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    window.citygridMap.panBy([300, 150], { duration: ${ms}, easing: (t) => t });
    setTimeout(() => { running = false; frames.sort((a, b) => a - b); resolve(frames.length ? frames[Math.floor(frames.length / 2)] : null); }, ${ms});
  })`;
}

/** Median frame time panning, or null when the renderer drew no frame at all in the time (SwiftShader at scale). */
async function panFrames(page: Page): Promise<number | null> {
  await page.evaluate(panFrameScript(1000)); // warm-up: shaders, label atlases
  return (await page.evaluate(panFrameScript(3000))) as number | null;
}

async function liveAtRate(page: Page, options: BrowserBenchOptions, details: Record<string, unknown>) {
  const n = `${options.liveScale / 1000}k`;
  const live: { perSecond: number; seconds: number; p95: number }[] = [];
  for (const { perSecond, seconds } of options.rates) {
    const result = (await page.evaluate(liveScript(perSecond, seconds))) as { p50: number; p95: number; writtenPerSecond: number; notApplied: number };
    live.push({ perSecond, seconds, ...result });
    console.log(`  live ${perSecond}/s for ${seconds} s at ${n}: ${JSON.stringify(result)}`);
    const slowest = live[0];
    if (live.length > 1) record(`live lag p95, ${perSecond} changes/s at ${n}`, `live lag p95, ${slowest.perSecond} changes/s`, slowest.p95, result.p95);
  }
  details.live = live;
  const quiet = await panFrames(page);
  const burst = page.evaluate(liveScript(1000, 8));
  const busy = await panFrames(page);
  await burst;
  details.panFrames = { quiet, withBurst: busy };
  if (quiet && busy) record(`pan frame with 1,000 changes/s at ${n}`, 'pan frame without (SwiftShader)', quiet, busy);
  else console.log(`  pan frames at ${n}: no frame drawn within 3 s (${JSON.stringify(details.panFrames)})`);
}

export async function browserBench(browser: Browser, url: string, options: BrowserBenchOptions): Promise<Record<string, unknown>> {
  const details: Record<string, unknown> = {};
  for (const cases of options.scales) {
    const n = `${cases / 1000}k`;
    await serveScale(cases);
    const baseline = await baselineVisits(browser, url);
    const app = await appVisits(browser, url, options.catchUpMs);
    details[n] = { baseline, app: { first: app.first, repeat: app.repeat, heap: app.heap, caughtUp: app.caughtUp } };
    console.log(`  ${n}: ${JSON.stringify(details[n])}`);
    record(`cases drawn, first visit, ${n}`, 'bare deck.gl page, first visit', baseline.first.ms, app.first.ms);
    if (app.repeat) record(`cases drawn, repeat visit, ${n}`, 'bare deck.gl page, repeat visit', baseline.repeat.ms, app.repeat.ms);
    record(`page heap ${app.caughtUp ? 'after load' : 'at first paint'}, ${n}`, 'bare deck.gl page heap', baseline.heap, app.heap, 'MB');
    if (cases === options.liveScale && app.caughtUp) await liveAtRate(app.page, options, details);
    await app.context.close();
  }
  return details;
}

export { buildBaseline };
