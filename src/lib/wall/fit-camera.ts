import type { Bbox } from '../data/types';

/** maplibre's tile size: the world is 512 px wide at zoom 0. */
const WORLD_PX = 512;

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const latitudeOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - 90;

/** Pixels kept free on each side of the view: the same on all four, or each its own. */
export type Padding = number | { top: number; right: number; bottom: number; left: number };

const sides = (padding: Padding) => (typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding);

/** The centre and zoom that fit `bounds` into a `widthPx` × `heightPx` view, inside its padding. */
export function cameraForBounds(bounds: Bbox, widthPx: number, heightPx: number, padding: Padding, maxZoom = 18) {
  const [west, south, east, north] = bounds;
  const { top, right, bottom, left } = sides(padding);
  const x0 = mercatorX(west), x1 = mercatorX(east);
  const y0 = mercatorY(north), y1 = mercatorY(south);
  const spanX = Math.max(x1 - x0, 1e-9) * WORLD_PX;
  const spanY = Math.max(y1 - y0, 1e-9) * WORLD_PX;
  const roomX = Math.max(widthPx - left - right, 1);
  const roomY = Math.max(heightPx - top - bottom, 1);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(roomX / spanX, roomY / spanY)));
  // The bounds' centre sits at the centre of the room left free, not of the view.
  const worldPx = WORLD_PX * 2 ** zoom;
  const x = (x0 + x1) / 2 - (left - right) / 2 / worldPx;
  const y = (y0 + y1) / 2 - (top - bottom) / 2 / worldPx;
  return { lon: x * 360 - 180, lat: latitudeOf(y), zoom };
}

/** The bounds around several. */
export function unionBounds(all: Bbox[]): Bbox | null {
  if (!all.length) return null;
  return [Math.min(...all.map((b) => b[0])), Math.min(...all.map((b) => b[1])), Math.max(...all.map((b) => b[2])), Math.max(...all.map((b) => b[3]))];
}
