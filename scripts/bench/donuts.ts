/**
 * Three ways to draw a donut on each of the 1,739 meta-grids at 100k cases,
 * timed on the CPU work each needs when the mix changes: the shader donut the
 * app uses (four counts and a position per grid); ring sectors as polygons
 * for a SolidPolygonLayer (built in metres for the zoom, then triangulated
 * with earcut as deck.gl does); and an icon atlas with one canvas-drawn donut
 * per distinct mix, quantized to sixteenths, drawn in Chromium.
 *
 *   npx tsx scripts/bench/donuts.ts
 */
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import earcut from 'earcut';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createCitygridData } from '../../src/lib/data/citygrid-data';
import { SqlTransport, type SqlDatabase } from '../../src/lib/data/sql-transport';
import { donuts, type Donut } from '../../src/lib/overlays/grid-donuts';
import { gridMix, mixRule, parentsOf } from '../../src/lib/overlays/grid-mix';
import { gridStore } from '../../src/lib/overlays/grids';
import { OPEN_STATUSES } from '../../src/lib/view/view-state.svelte';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/support/browser';
import { addSyntheticCases, ensureSnapshot } from '../db-snapshot';
import { printTable, record, time } from './measure';
import { EmbeddedSession } from '../../src/lib/accounts/session';

const ZOOM = 16;
const RADIUS_PX = 10;
const STEPS_PER_TURN = 48;

/** What the DonutLayer uploads: a position, four counts and a radius per grid. */
function shaderAttributes(list: Donut[]) {
  const positions = new Float64Array(list.length * 3);
  const counts = new Float32Array(list.length * 4);
  const radii = new Float32Array(list.length);
  list.forEach((d, k) => {
    positions.set([d.position[0], d.position[1], 0], k * 3);
    counts.set(d.counts, k * 4);
    radii[k] = RADIUS_PX;
  });
  return radii.length;
}

/** Each non-empty segment as a ring sector polygon in degrees (its size in pixels turned to degrees for the zoom), triangulated. */
function sectorPolygons(list: Donut[]) {
  let triangles = 0;
  for (const d of list) {
    const degPerPx = 360 / (512 * 2 ** ZOOM);
    const [outer, inner] = [RADIUS_PX * degPerPx, RADIUS_PX * 0.45 * degPerPx];
    const cosLat = Math.cos((d.position[1] * Math.PI) / 180);
    let start = 0;
    for (const n of d.counts) {
      const end = start + n / d.total;
      if (n > 0) {
        const steps = Math.max(2, Math.ceil((end - start) * STEPS_PER_TURN));
        const ring: number[] = [];
        for (const [r, from, to] of [[outer, start, end], [inner, end, start]]) {
          for (let s = 0; s <= steps; s++) {
            const a = 2 * Math.PI * (from + ((to - from) * s) / steps);
            ring.push(d.position[0] + (Math.sin(a) * r) / cosLat, d.position[1] + Math.cos(a) * r);
          }
        }
        triangles += earcut(ring).length / 3;
      }
      start = end;
    }
  }
  return triangles;
}

/** Draws one donut per distinct quantized mix into a canvas atlas, in the page: the icon-atlas way. */
function drawAtlas(mixes: number[][]): { icons: number; ms: number } {
  const started = performance.now();
  const keys = new Map<string, number[]>();
  for (const counts of mixes) {
    const total = counts.reduce((a, b) => a + b, 0);
    const shares = counts.map((n) => Math.round((n / total) * 16));
    keys.set(shares.join(','), shares);
  }
  const size = 48;
  const perRow = 32;
  const canvas = new OffscreenCanvas(perRow * size, Math.ceil(keys.size / perRow) * size);
  const g = canvas.getContext('2d')!;
  const colours = ['#f97316', '#2563eb', '#dc2626', '#b0bccc'];
  [...keys.values()].forEach((shares, k) => {
    const [cx, cy] = [(k % perRow) * size + size / 2, Math.floor(k / perRow) * size + size / 2];
    let start = -Math.PI / 2;
    shares.forEach((share, c) => {
      const end = start + (share / 16) * 2 * Math.PI;
      g.beginPath();
      g.arc(cx, cy, size / 2 - 1, start, end);
      g.arc(cx, cy, (size / 2) * 0.45, end, start, true);
      g.fillStyle = colours[c];
      g.fill();
      start = end;
    });
  });
  g.getImageData(0, 0, canvas.width, canvas.height);
  return { icons: keys.size, ms: performance.now() - started };
}

const snapshot = readFileSync(await ensureSnapshot(() => {}));
const db = await PGlite.create({ extensions: { postgis }, loadDataDir: new Blob([snapshot]) });
const seedCount = Number((await db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0].n);
await addSyntheticCases(db, 100_000 - seedCount);
const transport = new SqlTransport(db as unknown as SqlDatabase);
const data = createCitygridData(transport, new EmbeddedSession(transport));
const [grid, micro_grid, meta_grid] = await Promise.all((['grid', 'micro_grid', 'meta_grid'] as const).map((level) => data.grids(level)));
const grids = gridStore({ grid, micro_grid, meta_grid });
const columns = await data.cases();
await db.close();
const now = Date.now();
const mix = gridMix(columns, parentsOf([...grid, ...micro_grid, ...meta_grid]), mixRule({ statuses: [...OPEN_STATUSES], categories: [], sources: [], sinceDays: 30, overdueOnly: false, replayAt: null }, columns.categoryCodes, now));
const list = donuts(grids, mix, 'meta_grid');
console.log(`  ${columns.length} cases, ${list.length} meta-grid donuts`);

const shaderMs = await time(() => shaderAttributes(donuts(grids, mix, 'meta_grid')), 5);
let triangles = 0;
const polygonMs = await time(() => (triangles = sectorPolygons(list)), 3);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
const runs = [];
for (let k = 0; k < 3; k++) runs.push(await page.evaluate(drawAtlas, list.map((d) => d.counts)));
await browser.close();
const atlas = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
console.log(`  polygons: ${triangles} triangles; atlas: ${atlas.icons} distinct icons`);
record(`donuts on ${list.length} meta-grids: shader, attributes`, 'ring sectors as polygons + earcut', polygonMs, shaderMs);
record(`donuts on ${list.length} meta-grids: shader, attributes`, 'icon atlas drawn in a canvas', atlas.ms, shaderMs);
printTable();
