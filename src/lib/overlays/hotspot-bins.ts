import type { CasePatch } from '../data/case-columns';
import { isOpen, type CaseColumns } from '../data/types';
import { hexInto, hexOf, mercatorX, mercatorY, worldRadius } from './hexagons';

/**
 * Hotspots: open cases binned into hexagons of a constant size on screen,
 * weighted by how recent they are and whether they are overdue. Pure: no map
 * and no deck.gl, so it is measured and tested in Node.
 */

/** A case's heat halves every this many days after it was reported. */
export const HEAT_HALF_LIFE_DAYS = 3;
/** What an overdue case adds to its heat: as much as a case reported this minute. */
export const OVERDUE_HEAT = 1;
/** Hexagon radius on screen at the zoom it was binned for; it grows up to ×√2 until the next step. */
export const HEX_RADIUS_PX = 14;
/** Hotspots are drawn whole up to this zoom and fade out until HOTSPOTS_GONE_ZOOM, where case dots take over. */
export const HOTSPOTS_FULL_ZOOM = 12;
export const HOTSPOTS_GONE_ZOOM = 13.5;

const DECAY_PER_MS = Math.LN2 / (HEAT_HALF_LIFE_DAYS * 86_400_000);

/** 1 where hotspots are drawn whole, 0 where they are gone, linear between. */
export function hotspotOpacity(zoom: number): number {
  return Math.min(1, Math.max(0, (HOTSPOTS_GONE_ZOOM - zoom) / (HOTSPOTS_GONE_ZOOM - HOTSPOTS_FULL_ZOOM)));
}

/** The hexagon radius hotspots are binned with at `zoom`, in Web Mercator world units. */
export const hexRadiusForZoom = (zoom: number) => worldRadius(HEX_RADIUS_PX, zoom);

/** The heat of open case `i`: recency decaying with a half-life, plus a fixed amount once overdue. */
export function caseHeat(c: CaseColumns, i: number, now: number): number {
  const ageMs = Math.max(0, now - c.reportedAt[i]);
  return Math.exp(-ageMs * DECAY_PER_MS) + (c.dueAt[i] < now ? OVERDUE_HEAT : 0);
}

export interface HotspotCell {
  i: number;
  j: number;
  /** Hexagon radius in Mercator world units: with i and j, it names the cell. */
  radius: number;
  heat: number;
  count: number;
  overdue: number;
}

export interface HotspotBins {
  radius: number;
  cells: HotspotCell[];
  /** The overdue cases binned, by id and as [lon, lat] pairs: they keep their halo above the cells. */
  overdueIds: Int32Array;
  overduePositions: Float64Array;
}

/** The cell of case `i`. */
export function caseHex(c: CaseColumns, i: number, radius: number): [number, number] {
  return hexOf(mercatorX(c.positions[2 * i]), mercatorY(c.positions[2 * i + 1]), radius);
}

/** Whether case `i` counts in hotspots: open and accepted by the view's filters. */
export const countsAsHot = (c: CaseColumns, i: number, include: (i: number) => boolean) => isOpen(c.statuses[i]) && include(i);

/** Adds case `i` to a cell (or takes it out, `sign` -1). */
function tally(cell: HotspotCell, c: CaseColumns, i: number, now: number, sign: 1 | -1) {
  cell.heat += sign * caseHeat(c, i, now);
  cell.count += sign;
  if (c.dueAt[i] < now) cell.overdue += sign;
}

/** The overdue cases among `rows` of `c`, as ids and positions. */
function overdueOf(c: CaseColumns, rows: ArrayLike<number>, now: number): { ids: number[]; positions: number[] } {
  const ids: number[] = [];
  const positions: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (c.dueAt[i] < now) ids.push(c.ids[i]), positions.push(c.positions[2 * i], c.positions[2 * i + 1]);
  }
  return { ids, positions };
}

/**
 * Bins the open cases that `include` accepts. Cells are found through a
 * dense index over the span of cells touched (a few thousand at the zooms
 * hotspots are drawn at) rather than a hash map: one array read per case.
 */
export function binHotspots(c: CaseColumns, include: (i: number) => boolean, now: number, radius: number): HotspotBins {
  const { rows, hexes, min, max } = hexesOfHotCases(c, include, radius);
  const spanJ = max[1] - min[1] + 1;
  const index = cellIndex((max[0] - min[0] + 1) * spanJ);
  const cells: HotspotCell[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = hexes[2 * k];
    const j = hexes[2 * k + 1];
    const key = (i - min[0]) * spanJ + (j - min[1]);
    let at = index.get(key);
    if (at < 0) index.set(key, (at = cells.push({ i, j, radius, heat: 0, count: 0, overdue: 0 }) - 1));
    tally(cells[at], c, rows[k], now, 1);
  }
  const overdue = overdueOf(c, rows, now);
  return { radius, cells, overdueIds: Int32Array.from(overdue.ids), overduePositions: Float64Array.from(overdue.positions) };
}

/** The rows of the cases that count, their hexagons as (i, j) pairs, and the span of those. */
function hexesOfHotCases(c: CaseColumns, include: (i: number) => boolean, radius: number) {
  const rows = new Int32Array(c.length);
  const hexes = new Int32Array(c.length * 2);
  const cell = new Int32Array(2);
  const min = [Infinity, Infinity];
  const max = [-Infinity, -Infinity];
  let n = 0;
  for (let i = 0; i < c.length; i++) {
    if (!countsAsHot(c, i, include)) continue;
    hexInto(mercatorX(c.positions[2 * i]), mercatorY(c.positions[2 * i + 1]), radius, cell);
    min[0] = Math.min(min[0], cell[0]);
    min[1] = Math.min(min[1], cell[1]);
    max[0] = Math.max(max[0], cell[0]);
    max[1] = Math.max(max[1], cell[1]);
    rows[n] = i;
    hexes[2 * n] = cell[0];
    hexes[2 * n++ + 1] = cell[1];
  }
  return { rows: rows.subarray(0, n), hexes, min, max };
}

/** Cell number by key: a typed array where the span is small enough, a map otherwise. */
function cellIndex(span: number): { get(key: number): number; set(key: number, at: number): void } {
  if (span <= 1 << 22) {
    const dense = new Int32Array(span).fill(-1);
    return { get: (key) => dense[key], set: (key, at) => (dense[key] = at) };
  }
  const sparse = new Map<number, number>();
  return { get: (key) => sparse.get(key) ?? -1, set: (key, at) => sparse.set(key, at) };
}

/**
 * The bins after a live patch: the changed cases' old rows taken out of their
 * cells and their new rows put in, as counting them all again would give
 * (`includeOf` gives the filter for a set of columns). The bins patched are
 * left as they were.
 */
export function patchHotspots(bins: HotspotBins, patch: CasePatch, includeOf: (c: CaseColumns) => (i: number) => boolean, now: number): HotspotBins {
  const cells = bins.cells.map((cell) => ({ ...cell }));
  const at = new Map(cells.map((cell, k) => [`${cell.i},${cell.j}`, k]));
  const move = (c: CaseColumns, rows: Iterable<number>, sign: 1 | -1) => {
    const include = includeOf(c);
    const hot: number[] = [];
    for (const i of rows) {
      if (!countsAsHot(c, i, include)) continue;
      const [hi, hj] = caseHex(c, i, bins.radius);
      let k = at.get(`${hi},${hj}`);
      if (k === undefined) at.set(`${hi},${hj}`, (k = cells.push({ i: hi, j: hj, radius: bins.radius, heat: 0, count: 0, overdue: 0 }) - 1));
      tally(cells[k], c, i, now, sign);
      hot.push(i);
    }
    return hot;
  };
  move(patch.before, Array.from({ length: patch.before.length }, (_, k) => k), -1);
  const added = overdueOf(patch.columns, move(patch.columns, patch.rows, 1), now);
  const changed = new Set([...patch.before.ids.subarray(0, patch.before.length), ...patch.rows.map((i) => patch.columns.ids[i])]);
  return { radius: bins.radius, cells: cells.filter((cell) => cell.count > 0), ...overdueAfter(bins, changed, added) };
}

/** The overdue halos with the changed cases' taken out and `added` put in. */
function overdueAfter(bins: HotspotBins, changed: Set<number>, added: { ids: number[]; positions: number[] }) {
  const overdueIds = new Int32Array(bins.overdueIds.length + added.ids.length);
  const overduePositions = new Float64Array(overdueIds.length * 2);
  let n = 0;
  for (let k = 0; k < bins.overdueIds.length; k++) {
    if (changed.has(bins.overdueIds[k])) continue;
    overdueIds[n] = bins.overdueIds[k];
    overduePositions[2 * n] = bins.overduePositions[2 * k];
    overduePositions[2 * n++ + 1] = bins.overduePositions[2 * k + 1];
  }
  overdueIds.set(added.ids, n);
  overduePositions.set(added.positions, 2 * n);
  n += added.ids.length;
  return { overdueIds: overdueIds.subarray(0, n), overduePositions: overduePositions.subarray(0, 2 * n) };
}

/** Heat class 0 (coolest) to `classes - 1`: linear up to the 95th percentile of the cells, so one extreme cell does not wash the others out. */
export function heatClasses(cells: HotspotCell[], classes: number): Uint8Array {
  const sorted = cells.map((cell) => cell.heat).sort((a, b) => a - b);
  const top = sorted[Math.floor((sorted.length - 1) * 0.95)] ?? 1;
  return Uint8Array.from(cells, (cell) => Math.min(classes - 1, Math.floor((cell.heat / top) * classes)));
}
