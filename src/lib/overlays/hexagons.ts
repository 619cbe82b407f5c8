/**
 * Pointy-top hexagons on Web Mercator (the world is 1 × 1, y down): which
 * hexagon a point falls in, its centre and its corners. Column i, row j, odd
 * rows shifted half a cell: d3-hexbin's layout, as deck.gl's HexagonLayer.
 */
const SQRT3 = Math.sqrt(3);
/** A map of 512-pixel tiles: the world is 512 · 2^zoom pixels wide. */
const WORLD_PX = 512;

export const mercatorX = (lon: number) => (lon + 180) / 360;
export const mercatorY = (lat: number) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** A radius of `px` pixels in world units at `zoom`, stepped by half zoom levels so cells do not churn while zooming. */
export function worldRadius(px: number, zoom: number): number {
  return px / (WORLD_PX * 2 ** (Math.floor(zoom * 2) / 2));
}

/** The hexagon whose centre is nearest the point (x, y). */
export function hexOf(x: number, y: number, radius: number): [number, number] {
  const cell = new Int32Array(2);
  hexInto(x, y, radius, cell);
  return [cell[0], cell[1]];
}

/** hexOf, written into `out`: binning a hundred thousand points allocates nothing per point. */
export function hexInto(x: number, y: number, radius: number, out: Int32Array) {
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
    // Cell units are stretched (a column is √3 radii wide, a row 1.5 radii tall), so the distances are compared in radii;
    // d3-hexbin compares them unstretched and puts points near a corner in the wrong cell.
    if (3 * dx * dx + 2.25 * dy * dy > 3 * dx2 * dx2 + 2.25 * dy2 * dy2) {
      i = i2 + ((j & 1) ? 1 : -1) / 2;
      j = j2;
    }
  }
  out[0] = i;
  out[1] = j;
}

/** The centre of hexagon (i, j). */
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
