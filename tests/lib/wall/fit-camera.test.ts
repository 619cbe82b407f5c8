import { describe, expect, it } from 'vitest';
import { cameraForBounds, unionBounds } from '../../../src/lib/wall/fit-camera';

describe('framing bounds', () => {
  const SERVICE: [number, number, number, number] = [121.423, 31.186, 121.538, 31.327];

  it('centres the bounds and zooms until the tighter side fits', () => {
    const camera = cameraForBounds(SERVICE, 1000, 1000, 0);
    expect(camera.lon).toBeCloseTo(121.4805, 6);
    expect(camera.lat).toBeGreaterThan(31.186);
    expect(camera.lat).toBeLessThan(31.327);
    // The taller side decides: 0.141° of latitude (mercator-stretched) must fill 1000 px.
    const wide = cameraForBounds(SERVICE, 4000, 1000, 0);
    expect(wide.zoom).toBeCloseTo(camera.zoom, 9);
    expect(cameraForBounds(SERVICE, 2000, 2000, 0).zoom).toBeCloseTo(camera.zoom + 1, 9);
  });

  it('leaves the padding free and never zooms past the limit', () => {
    expect(cameraForBounds(SERVICE, 1000, 1000, 250).zoom).toBeCloseTo(cameraForBounds(SERVICE, 500, 500, 0).zoom, 9);
    expect(cameraForBounds([121.5, 31.2, 121.5, 31.2], 1000, 1000, 0).zoom).toBe(18);
  });

  it('keeps uneven padding free: the bounds sit in the middle of the room left', () => {
    const padding = { top: 100, right: 50, bottom: 300, left: 150 };
    const camera = cameraForBounds(SERVICE, 1000, 1000, padding);
    expect(camera.zoom).toBeCloseTo(cameraForBounds(SERVICE, 800, 600, 0).zoom, 9);
    const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
    const worldPx = 512 * 2 ** camera.zoom;
    const screen = (lon: number, lat: number) => [
      500 + ((lon - camera.lon) / 360) * worldPx,
      500 + (mercatorY(lat) - mercatorY(camera.lat)) * worldPx,
    ];
    const [west, north] = screen(SERVICE[0], SERVICE[3]);
    const [east, south] = screen(SERVICE[2], SERVICE[1]);
    // The taller side fills the room from the top padding to the bottom one; the other is centred in its room.
    expect(north).toBeCloseTo(100, 6);
    expect(south).toBeCloseTo(700, 6);
    expect((west + east) / 2).toBeCloseTo((150 + 950) / 2, 6);
  });

  it('joins bounds', () => {
    expect(unionBounds([[1, 2, 3, 4], [0, 3, 2, 5]])).toEqual([0, 2, 3, 5]);
    expect(unionBounds([])).toBeNull();
  });
});
