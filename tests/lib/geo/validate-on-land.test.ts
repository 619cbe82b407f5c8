import { bbox } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { AreaFeature } from '../../../src/lib/geo/validate-geojson';
import { landOf, riverLabel, validateOnLand } from '../../../src/lib/geo/validate-on-land';

const FILE = 'geo/test.geojson';

function collection(features: { geometry: object; properties?: object }[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry })),
  } as FeatureCollection;
}

const box = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const polygon = (ring: number[][], properties: object = {}) => ({ geometry: { type: 'Polygon', coordinates: [ring] }, properties });
const point = (coordinates: number[], properties: object = {}) => ({ geometry: { type: 'Point', coordinates }, properties });

/** A river running east–west through the south of a square sub-district, and a canal elsewhere. */
const rivers = collection([
  polygon(box(121.49, 31.25, 121.52, 31.252), { osm_type: 'relation', osm_id: 16334990, river_group: 'huangpu', name_en: 'Huangpu River' }),
  polygon(box(121.53, 31.25, 121.531, 31.26), { osm_type: 'way', osm_id: 42, name: '复兴岛运河' }),
]);

describe('validateOnLand', () => {
  it('accepts points and areas on land', () => {
    const fc = collection([point([121.505, 31.255], { code: 'dry' }), polygon(box(121.5, 31.253, 121.51, 31.26), { code: 'G1' })]);
    expect(validateOnLand(FILE, fc, rivers)).toEqual([]);
  });

  it('names the point in the river and the river it is in', () => {
    const fc = collection([point([121.505, 31.251], { code: 'FS-PLR-03' })]);
    expect(validateOnLand(FILE, fc, rivers)).toEqual([
      `${FILE}: feature FS-PLR-03 at [121.505, 31.251] lies in Huangpu River (OSM relation 16334990)`,
    ]);
  });

  it('names an unnamed feature by its index', () => {
    const fc = collection([point([121.505, 31.255]), point([121.5305, 31.255])]);
    expect(validateOnLand(FILE, fc, rivers)).toEqual([`${FILE}: feature #1 at [121.5305, 31.255] lies in 复兴岛运河 (OSM way 42)`]);
  });

  it('reports an area reaching into a river beyond the tolerance, with the wet area', () => {
    const fc = collection([polygon(box(121.5, 31.249, 121.51, 31.26), { code: 'PLR-G01', level: 'grid' })]);
    expect(validateOnLand(FILE, fc, rivers)).toEqual([
      expect.stringMatching(/^geo\/test\.geojson: feature PLR-G01 \(grid\) covers [\d,]+ m² of Huangpu River \(OSM relation 16334990\)$/),
    ]);
  });

  it('tolerates an area touching the bank by a sliver', () => {
    const fc = collection([polygon(box(121.5, 31.2519999, 121.51, 31.26), { code: 'G2' })]);
    expect(validateOnLand(FILE, fc, rivers)).toEqual([]);
  });
});

describe('landOf', () => {
  it('cuts the river out of an outline that runs to mid-river', () => {
    const outline = { type: 'Feature', ...polygon(box(121.5, 31.251, 121.51, 31.26)) } as AreaFeature;
    const land = landOf(outline, rivers);
    expect(validateOnLand(FILE, { type: 'FeatureCollection', features: [land] }, rivers)).toEqual([]);
    const [, south, , north] = bbox(land);
    expect(south).toBeCloseTo(31.252, 6);
    expect(north).toBeCloseTo(31.26, 6);
  });

  it('leaves an outline away from the rivers as it is', () => {
    const outline = { type: 'Feature', ...polygon(box(121.5, 31.253, 121.51, 31.26)) } as AreaFeature;
    expect(landOf(outline, rivers)).toBe(outline);
  });
});

describe('riverLabel', () => {
  it('falls back to the river group, then to an unnamed river', () => {
    expect(riverLabel({ type: 'Feature', geometry: null as never, properties: { river_group: 'suzhou_creek', osm_id: 8002009 } })).toBe(
      'suzhou_creek (OSM way 8002009)',
    );
    expect(riverLabel({ type: 'Feature', geometry: null as never, properties: {} })).toBe('an unnamed river');
  });
});

