import { describe, expect, it } from 'vitest';
import { hexCentre, hexOf, hexPolygon, mercatorX, mercatorY } from '../../../src/lib/overlays/hexagons';

describe('hexagons on Web Mercator', () => {
  it('puts every point in the hexagon whose centre is nearest', () => {
    const radius = 1;
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 40 - 20;
    for (let k = 0; k < 2000; k++) {
      const [x, y] = [random(), random()];
      const [i, j] = hexOf(x, y, radius);
      const own = Math.hypot(...sub([x, y], hexCentre(i, j, radius)));
      for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]]) {
        expect(own).toBeLessThanOrEqual(Math.hypot(...sub([x, y], hexCentre(i + di, j + dj, radius))) + 1e-9);
      }
    }
  });

  it('maps a hexagon centre to its own hexagon', () => {
    for (const [i, j] of [[0, 0], [3, 1], [-2, -5], [7, 8]]) expect(hexOf(...hexCentre(i, j, 0.5), 0.5)).toEqual([i, j]);
  });

  it('draws a hexagon as six corners around its centre, in longitude and latitude', () => {
    const radius = 1e-5;
    const [i, j] = hexOf(mercatorX(121.5), mercatorY(31.26), radius);
    const corners = hexPolygon(i, j, radius);
    expect(corners).toHaveLength(6);
    const [lon, lat] = [corners.reduce((s, c) => s + c[0], 0) / 6, corners.reduce((s, c) => s + c[1], 0) / 6];
    expect(Math.abs(lon - 121.5)).toBeLessThan(0.01);
    expect(Math.abs(lat - 31.26)).toBeLessThan(0.01);
  });
});

function sub(a: [number, number], b: [number, number]): [number, number] {
  return [a[0] - b[0], a[1] - b[1]];
}
