import { isOpen, type CaseColumns } from '../data/types';

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

const DAY_MS = 86_400_000;
const DECAY_PER_MS = Math.LN2 / (HEAT_HALF_LIFE_DAYS * DAY_MS);
/** A map of 512-pixel tiles: the world is 512 · 2^zoom pixels wide. */
const WORLD_PX = 512;
const SQRT3 = Math.sqrt(3);

/** 1 where hotspots are drawn whole, 0 where they are gone, linear between. */
export function hotspotOpacity(zoom: number): number {
  return Math.min(1, Math.max(0, (HOTSPOTS_GONE_ZOOM - zoom) / (HOTSPOTS_GONE_ZOOM - HOTSPOTS_FULL_ZOOM)));
}

/** Hexagon circumradius in Web Mercator world units (the world is 1 × 1), stepped by half zoom levels so cells do not churn while zooming. */
export function hexRadiusForZoom(zoom: number): number {
  return HEX_RADIUS_PX / (WORLD_PX * 2 ** (Math.floor(zoom * 2) / 2));
}

/** The heat of open case `i`: recency decaying with a half-life, plus a fixed amount once overdue. */
export function caseHeat(c: CaseColumns, i: number, now: number): number {
  const ageMs = Math.max(0, now - c.reportedAt[i]);
  return Math.exp(-ageMs * DECAY_PER_MS) + (c.dueAt[i] < now ? OVERDUE_HEAT : 0);
}

export const mercatorX = (lon: number) => (lon + 180) / 360;
export const mercatorY = (lat: number) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** The pointy-top hexagon (column i, row j; odd rows shifted half a cell) whose centre is nearest a Mercator point: d3-hexbin's layout. */
export function hexOf(x: number, y: number, radius: number): [number, number] {
  const cell = new Int32Array(2);
  hexInto(x, y, radius, cell);
  return [cell[0], cell[1]];
}

/** hexOf, written into `out`: binning a hundred thousand cases allocates nothing per case. */
function hexInto(x: number, y: number, radius: number, out: Int32Array) {
  const py = y / radius / 1.5;
  let j = Math.round(py);
  const px = x / radius / SQRT3 - (j & 1) / 2;
  let i = Math.round(px);
  const dy = py - j;
  if (Math.abs(dy) * 3 > 1) {
    const dx = px - i;
    const i2 = i + (px < i ? -1 : 1) / 2;
    const j2 = j + (py < j ? -1 : 1);
    const dx2 = px - i2;
    const dy2 = py - j2;
    // Distances in cell units are stretched (a column is √3 radii wide, a row 1.5 radii tall): compared in radii.
    if (3 * dx * dx + 2.25 * dy * dy > 3 * dx2 * dx2 + 2.25 * dy2 * dy2) {
      i = i2 + ((j & 1) ? 1 : -1) / 2;
      j = j2;
    }
  }
  out[0] = i;
  out[1] = j;
}

/** The centre of hexagon (i, j), in Mercator world units. */
export function hexCentre(i: number, j: number, radius: number): [number, number] {
  return [(i + (j & 1) / 2) * radius * SQRT3, j * radius * 1.5];
}

/** The six corners of hexagon (i, j) as [lon, lat], shrunk by `coverage` so neighbours keep a gap. */
export function hexPolygon(i: number, j: number, radius: number, coverage = 1): [number, number][] {
  const [cx, cy] = hexCentre(i, j, radius);
  return Array.from({ length: 6 }, (_, k) => {
    const angle = (k * Math.PI) / 3;
    return [lonOf(cx + Math.sin(angle) * radius * coverage), latOf(cy - Math.cos(angle) * radius * coverage)] as [number, number];
  });
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
  /** Positions of the overdue cases binned, [lon, lat] pairs: they keep their halo above the cells. */
  overduePositions: Float64Array;
}

/** The cell of case `i`, as the bins key it. */
export function caseHex(c: CaseColumns, i: number, radius: number): [number, number] {
  return hexOf(mercatorX(c.positions[2 * i]), mercatorY(c.positions[2 * i + 1]), radius);
}

/** Whether case `i` counts in hotspots: open and accepted by the view's filters. */
export const countsAsHot = (c: CaseColumns, i: number, include: (i: number) => boolean) => isOpen(c.statuses[i]) && include(i);

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
  const overdue: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const i = hexes[2 * k];
    const j = hexes[2 * k + 1];
    const key = (i - min[0]) * spanJ + (j - min[1]);
    let at = index.get(key);
    if (at < 0) index.set(key, (at = cells.push({ i, j, radius, heat: 0, count: 0, overdue: 0 }) - 1));
    const cell = cells[at];
    cell.heat += caseHeat(c, row, now);
    cell.count++;
    if (c.dueAt[row] < now) {
      cell.overdue++;
      overdue.push(c.positions[2 * row], c.positions[2 * row + 1]);
    }
  }
  return { radius, cells, overduePositions: Float64Array.from(overdue) };
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

/** Heat class 0 (coolest) to `classes - 1`: linear up to the 95th percentile of the cells, so one extreme cell does not wash the others out. */
export function heatClasses(cells: HotspotCell[], classes: number): Uint8Array {
  const sorted = cells.map((cell) => cell.heat).sort((a, b) => a - b);
  const top = sorted[Math.floor((sorted.length - 1) * 0.95)] ?? 1;
  return Uint8Array.from(cells, (cell) => Math.min(classes - 1, Math.floor((cell.heat / top) * classes)));
}
