import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import {
  validateCategoryReferences,
  validateFeatureCollection,
  validateGridCoverage,
  validateGridHierarchy,
  validatePointsInArea,
  validatePointsNear,
  validateStreets,
  validateUniqueCodes,
  type AreaFeature,
} from '../../../src/lib/geo/validate-geojson';

const FILE = 'geo/test.geojson';

/** An axis-aligned square ring from (x0, y0) with side d degrees. */
function square(x0: number, y0: number, d: number): number[][] {
  return [[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]];
}

function collection(features: { geometry: object; properties?: object }[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry })),
  } as FeatureCollection;
}

const polygon = (ring: number[][], properties: object = {}) => ({ geometry: { type: 'Polygon', coordinates: [ring] }, properties });
const point = (coordinates: number[], properties: object = {}) => ({ geometry: { type: 'Point', coordinates }, properties });
const line = (coordinates: number[][], properties: object = {}) => ({ geometry: { type: 'LineString', coordinates }, properties });
const street = (coordinates: number[][], properties: object = {}) =>
  line(coordinates, { name: '临汾路', name_en: 'Linfen Road', class: 'major', synthetic: true, ...properties });

const subdistricts = collection([polygon(square(121.5, 31.25, 0.01), { code: 'sd' })]);
const serviceArea = subdistricts.features[0] as AreaFeature;

function grid(code: string, level: string, parent: string | null, ring: number[][]) {
  return polygon(ring, { code, level, parent_code: parent, subdistrict_code: 'sd' });
}

describe('validateFeatureCollection', () => {
  it('accepts a well-formed collection of valid polygons and points', () => {
    const fc = collection([polygon(square(121.5, 31.25, 0.01), { code: 'a' }), point([121.505, 31.255], { code: 'b' })]);
    expect(validateFeatureCollection(FILE, fc)).toEqual([]);
  });

  it('rejects a value that is not a FeatureCollection', () => {
    expect(validateFeatureCollection(FILE, { type: 'Feature' })).toEqual([`${FILE}: not a GeoJSON FeatureCollection`]);
  });

  it('reports a feature whose coordinates are wrongly nested, naming its code', () => {
    const fc = collection([{ geometry: { type: 'Polygon', coordinates: [121.5, 31.25] }, properties: { code: 'bad' } }]);
    expect(validateFeatureCollection(FILE, fc)).toEqual([`${FILE}: feature bad has malformed Polygon coordinates`]);
  });

  it('reports a NaN coordinate', () => {
    const errors = validateFeatureCollection(FILE, collection([point([Number.NaN, 31.25], { code: 'p1' })]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/feature p1 has an invalid WGS84 coordinate/);
  });

  it('reports a latitude outside WGS84 bounds', () => {
    const errors = validateFeatureCollection(FILE, collection([point([121.5, 131.25], { code: 'p2' })]));
    expect(errors[0]).toMatch(/feature p2 has an invalid WGS84 coordinate/);
  });

  it('reports a polygon ring that is not closed', () => {
    const open = square(121.5, 31.25, 0.01).slice(0, 4).concat([[121.5, 31.251]]);
    expect(validateFeatureCollection(FILE, collection([polygon(open, { code: 'open' })]))).toEqual([
      `${FILE}: feature open has an unclosed polygon ring`,
    ]);
  });

  it('reports a self-intersecting bow-tie polygon', () => {
    const bowTie = [[121.5, 31.25], [121.51, 31.26], [121.51, 31.25], [121.5, 31.26], [121.5, 31.25]];
    const errors = validateFeatureCollection(FILE, collection([polygon(bowTie, { code: 'bowtie' })]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/feature bowtie intersects itself at \[121\.505000, 31\.255000\]/);
  });
});

describe('validatePointsInArea', () => {
  it('accepts points inside the service area', () => {
    expect(validatePointsInArea(FILE, collection([point([121.505, 31.255], { code: 'in' })]), serviceArea)).toEqual([]);
  });

  it('reports a point outside the service area', () => {
    const errors = validatePointsInArea(FILE, collection([point([121.6, 31.255], { code: 'out' })]), serviceArea);
    expect(errors).toEqual([`${FILE}: feature out at [121.6, 31.255] lies outside the service area`]);
  });
});

describe('validatePointsNear', () => {
  const river = { type: 'Feature', ...polygon(square(121.5, 31.25, 0.002)) } as AreaFeature;

  it('accepts points inside or within the distance of the area', () => {
    const fc = collection([point([121.501, 31.251], { code: 'in' }), point([121.5035, 31.251], { code: 'bank' })]);
    expect(validatePointsNear(FILE, fc, river, 150, 'the river')).toEqual([]);
  });

  it('reports a point farther away, with its distance', () => {
    const fc = collection([point([121.506, 31.251], { code: 'far' })]);
    expect(validatePointsNear(FILE, fc, river, 150, 'the river')).toEqual([
      expect.stringMatching(/^geo\/test\.geojson: feature far lies 3\d\d m from the river, more than 150 m$/),
    ]);
  });
});

describe('validateStreets', () => {
  it('accepts named major and minor LineStrings in and near the service area', () => {
    const fc = collection([
      street([[121.501, 31.255], [121.509, 31.256]]),
      street([[121.499, 31.251], [121.5, 31.259]], { name: '闻喜路', name_en: 'Wenxi Road', class: 'minor' }),
    ]);
    expect(validateStreets(FILE, fc, serviceArea, 500)).toEqual([]);
  });

  it('reports a street that is not a LineString', () => {
    const fc = collection([{ ...point([121.505, 31.255]), properties: { name: '临汾路', name_en: 'Linfen Road', class: 'major' } }]);
    expect(validateStreets(FILE, fc, serviceArea, 500)).toEqual([`${FILE}: feature 临汾路 is not a LineString`]);
  });

  it('reports a street collapsed to a single position', () => {
    const fc = collection([street([[121.505, 31.255], [121.505, 31.255]])]);
    expect(validateStreets(FILE, fc, serviceArea, 500)).toEqual([`${FILE}: feature 临汾路 has fewer than two distinct positions`]);
  });

  it('reports an unknown class', () => {
    const fc = collection([street([[121.501, 31.255], [121.509, 31.256]], { class: 'motorway' })]);
    expect(validateStreets(FILE, fc, serviceArea, 500)).toEqual([
      `${FILE}: feature 临汾路 has class motorway, expected major or minor`,
    ]);
  });

  it('reports a vertex more than the distance from the service area', () => {
    const fc = collection([street([[121.505, 31.255], [121.52, 31.255]])]);
    expect(validateStreets(FILE, fc, serviceArea, 500)).toEqual([
      `${FILE}: feature 临汾路 has a vertex [121.52, 31.255] more than 500 m from the service area`,
    ]);
  });
});

describe('validateGridHierarchy', () => {
  it('accepts grids that partition their parents', () => {
    const grids = collection([
      grid('G1', 'grid', null, square(121.5, 31.25, 0.005)),
      grid('G2', 'grid', null, square(121.505, 31.25, 0.005)),
      grid('G1-M1', 'micro_grid', 'G1', square(121.5, 31.25, 0.0025)),
      grid('G1-M1-01', 'meta_grid', 'G1-M1', square(121.5, 31.25, 0.001)),
    ]);
    expect(validateGridHierarchy(FILE, grids, subdistricts)).toEqual([]);
  });

  it('reports a child lying outside its parent, with the area outside', () => {
    const grids = collection([
      grid('G1', 'grid', null, square(121.5, 31.25, 0.005)),
      grid('G1-M1', 'micro_grid', 'G1', square(121.504, 31.25, 0.002)),
    ]);
    const errors = validateGridHierarchy(FILE, grids, subdistricts);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^geo\/test\.geojson: feature G1-M1 \(micro_grid\) lies [\d,]+ m² outside its parent G1$/);
  });

  it('reports siblings that overlap beyond the tolerance', () => {
    const grids = collection([
      grid('G1', 'grid', null, square(121.5, 31.25, 0.006)),
      grid('G2', 'grid', null, square(121.503, 31.25, 0.006)),
    ]);
    const errors = validateGridHierarchy(FILE, grids, subdistricts);
    expect(errors).toEqual([expect.stringMatching(/feature G1 \(grid\) overlaps sibling G2 by [\d,]+ m²/)]);
  });

  it('tolerates a sliver of overlap below the tolerance', () => {
    const grids = collection([
      grid('G1', 'grid', null, square(121.5, 31.25, 0.005)),
      grid('G2', 'grid', null, square(121.504999, 31.25, 0.005)),
    ]);
    expect(validateGridHierarchy(FILE, grids, subdistricts)).toEqual([]);
  });

  it('reports a parent code that does not exist', () => {
    const grids = collection([grid('G1-M1', 'micro_grid', 'G9', square(121.5, 31.25, 0.002))]);
    expect(validateGridHierarchy(FILE, grids, subdistricts)).toEqual([
      `${FILE}: feature G1-M1 (micro_grid) has parent_code G9, which does not exist`,
    ]);
  });

  it('reports a parent of the wrong level', () => {
    const grids = collection([
      grid('G1', 'grid', null, square(121.5, 31.25, 0.005)),
      grid('G1-01', 'meta_grid', 'G1', square(121.5, 31.25, 0.001)),
    ]);
    expect(validateGridHierarchy(FILE, grids, subdistricts)[0]).toMatch(/G1-01 \(meta_grid\) has parent G1 of level grid, expected micro_grid/);
  });
});

describe('validateGridCoverage', () => {
  const land = new Map([['sd', serviceArea]]);
  const halves = [
    grid('G1', 'grid', null, [[121.5, 31.25], [121.505, 31.25], [121.505, 31.26], [121.5, 31.26], [121.5, 31.25]]),
    grid('G2', 'grid', null, [[121.505, 31.25], [121.51, 31.25], [121.51, 31.26], [121.505, 31.26], [121.505, 31.25]]),
  ];

  it('accepts top-level grids that fill the land and children that fill their parent', () => {
    const grids = collection([
      ...halves,
      grid('G1-M1', 'micro_grid', 'G1', [[121.5, 31.25], [121.505, 31.25], [121.505, 31.255], [121.5, 31.255], [121.5, 31.25]]),
      grid('G1-M2', 'micro_grid', 'G1', [[121.5, 31.255], [121.505, 31.255], [121.505, 31.26], [121.5, 31.26], [121.5, 31.255]]),
      grid('G2-M1', 'micro_grid', 'G2', halves[1].geometry.coordinates[0]),
    ]);
    expect(validateGridCoverage(FILE, grids, land)).toEqual([]);
  });

  it('reports land that no top-level grid covers', () => {
    const grids = collection([halves[0], grid('G1-M1', 'micro_grid', 'G1', halves[0].geometry.coordinates[0])]);
    expect(validateGridCoverage(FILE, grids, land)).toEqual([
      expect.stringMatching(/^geo\/test\.geojson: the land of sub-district sd has [\d,]+ m² that none of its grids cover$/),
    ]);
  });

  it('reports a grid its children leave partly uncovered', () => {
    const grids = collection([
      ...halves,
      grid('G1-M1', 'micro_grid', 'G1', [[121.5, 31.25], [121.505, 31.25], [121.505, 31.255], [121.5, 31.255], [121.5, 31.25]]),
      grid('G2-M1', 'micro_grid', 'G2', halves[1].geometry.coordinates[0]),
    ]);
    expect(validateGridCoverage(FILE, grids, land)).toEqual([
      expect.stringMatching(/^geo\/test\.geojson: feature G1 has [\d,]+ m² that none of its grids cover$/),
    ]);
  });
});

describe('codes and references', () => {
  it('reports duplicate codes', () => {
    const fc = collection([point([121.505, 31.255], { code: 'X' }), point([121.506, 31.255], { code: 'X' })]);
    expect(validateUniqueCodes(FILE, fc)).toEqual([`${FILE}: feature X has a duplicate code`]);
  });

  it('reports a code not matching the required pattern', () => {
    const fc = collection([point([121.505, 31.255], { code: 'bad code!' })]);
    expect(validateUniqueCodes(FILE, fc, /^[A-Za-z0-9_-]{2,40}$/)[0]).toMatch(/feature bad code! has a code not matching/);
  });

  it('reports a case whose category does not exist', () => {
    const cases = collection([point([121.505, 31.255], { category_code: 'E-9999' })]);
    expect(validateCategoryReferences(FILE, cases, ['E-0501'])).toEqual([
      `${FILE}: feature #0 references unknown category E-9999`,
    ]);
  });
});
