import type { Bbox } from '../data/types';

/** maplibre's tile size: the world is 512 px wide at zoom 0. */
const WORLD_PX = 512;

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const latitudeOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - 90;

/** The centre and zoom that fit `bounds` into a `widthPx` × `heightPx` view with `paddingPx` on every side. */
export function cameraForBounds(bounds: Bbox, widthPx: number, heightPx: number, paddingPx: number, maxZoom = 18) {
  const [west, south, east, north] = bounds;
  const x0 = mercatorX(west), x1 = mercatorX(east);
  const y0 = mercatorY(north), y1 = mercatorY(south);
  const spanX = Math.max(x1 - x0, 1e-9) * WORLD_PX;
  const spanY = Math.max(y1 - y0, 1e-9) * WORLD_PX;
  const room = (px: number) => Math.max(px - 2 * paddingPx, 1);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(room(widthPx) / spanX, room(heightPx) / spanY)));
  return { lon: ((x0 + x1) / 2) * 360 - 180, lat: latitudeOf((y0 + y1) / 2), zoom };
}

/** The bounds around several. */
export function unionBounds(all: Bbox[]): Bbox | null {
  if (!all.length) return null;
  return [Math.min(...all.map((b) => b[0])), Math.min(...all.map((b) => b[1])), Math.max(...all.map((b) => b[2])), Math.max(...all.map((b) => b[3]))];
}
