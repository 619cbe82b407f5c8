import { expect, it } from 'vitest';
import { linkedLocation } from '../../../src/lib/report/report-location';

it('reads the grid a QR code names, in upper case', () => {
  expect(linkedLocation('grid=PLR-G01')).toEqual({ kind: 'grid', code: 'PLR-G01' });
  expect(linkedLocation('grid=%20plr-g01%20')).toEqual({ kind: 'grid', code: 'PLR-G01' });
});

it('reads coordinates, and prefers a well-formed grid to them', () => {
  expect(linkedLocation('lon=121.5235&lat=31.2585')).toEqual({ kind: 'point', lon: 121.5235, lat: 31.2585 });
  expect(linkedLocation('lat=31.2585&lon=121.5235&grid=PLR-G02')).toEqual({ kind: 'grid', code: 'PLR-G02' });
});

it('names no location for malformed or missing values instead of guessing', () => {
  for (const query of ['', 'grid=', "grid=PLR';drop", 'lon=121.5', 'lon=&lat=', 'lon=abc&lat=31', 'lon=200&lat=31', 'lon=121&lat=-91', 'lon=1e999&lat=31']) {
    expect(linkedLocation(query), query).toEqual({ kind: 'none' });
  }
  // Out of the service area but on Earth: the database refuses it, saying so.
  expect(linkedLocation('lon=0&lat=0')).toEqual({ kind: 'point', lon: 0, lat: 0 });
});
