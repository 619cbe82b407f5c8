import { expect, it } from 'vitest';
import { uncoveredAreas } from '../../../src/lib/geo/fire-coverage';

const square = (id: number, lon: number, lat: number, d = 0.001) => ({
  id,
  geometry: { type: 'MultiPolygon' as const, coordinates: [[[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]]] },
});

it('reports the areas whose centre no station reaches within its radius', () => {
  const near = square(1, 121.5, 31.26);
  const far = square(2, 121.53, 31.26);
  const station = { lon: 121.5005, lat: 31.2605, radiusM: 300 };
  expect(uncoveredAreas([near, far], [station])).toEqual(new Set([2]));
  expect(uncoveredAreas([near, far], [])).toEqual(new Set([1, 2]));
  expect(uncoveredAreas([near, far], [station, { lon: 121.5305, lat: 31.2605, radiusM: 10 }])).toEqual(new Set());
});
