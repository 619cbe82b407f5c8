import { readFileSync } from 'node:fs';
import { area } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Collections, readCollections, validateAll } from '../../scripts/geo-build';
import type { CaseCategory } from '../../scripts/geo/categories';
import { SUBDISTRICTS } from '../../scripts/geo/places';

/** The committed demo data, as `npm run geo:build` validates it before writing the seed. */
describe('geo:build on the committed data', () => {
  let data: Collections;
  const categories = JSON.parse(readFileSync('geo/case_categories.json', 'utf8')) as CaseCategory[];
  const bySubdistrict = (fc: FeatureCollection, code: string) => fc.features.filter((f) => f.properties?.subdistrict_code === code);
  const codePrefix = (f: Feature) => String(f.properties?.code).split('-')[1];

  beforeAll(() => {
    const errors: string[] = [];
    data = readCollections(errors)!;
    expect(errors).toEqual([]);
  });

  it('finds every file valid: real outlines, nested grids filling the land, nothing in the water', () => {
    expect(validateAll(data, categories)).toEqual([]);
  }, 120_000);

  it('keeps the OpenStreetMap outlines whole, the river part of Pingliang Road included', () => {
    for (const f of data.subdistricts.features) {
      const info = SUBDISTRICTS.find((s) => s.code === f.properties?.code)!;
      expect(f.properties).toMatchObject({ synthetic: false, source: `OpenStreetMap relation ${info.osmRelation}` });
    }
    const pingliang = data.subdistricts.features.find((f) => f.properties?.code === 'pingliang_road')!;
    expect(area(pingliang) / 1e6).toBeCloseTo(3.19, 2);
  });

  it('has the published number of grids, micro-grids and meta-grids in each sub-district', () => {
    for (const info of SUBDISTRICTS) {
      const grids = bySubdistrict(data.grids, info.code);
      const count = (level: string) => grids.filter((g) => g.properties?.level === level).length;
      expect({ grid: count('grid'), micro: count('micro_grid'), meta: count('meta_grid') }, info.code).toEqual(info.gridCounts);
    }
    const pingliang = bySubdistrict(data.grids, 'pingliang_road');
    expect(pingliang.length).toBe(18 + 88 + 659);
  });

  it('keeps the grid codes the demo staff and the tests refer to', () => {
    const codes = new Set(data.grids.features.map((g) => g.properties?.code));
    for (const code of ['PLR-G01', 'PLR-G02', 'PLR-G05', 'PPX-G01', 'PPX-G02']) expect(codes.has(code), code).toBe(true);
  });

  it('places the riverside volunteer posts in Pingliang Road and Wuliqiao only', () => {
    const teams = new Set(data.volunteerPosts.features.map(codePrefix));
    expect(teams).toEqual(new Set(['PLR', 'WLQ']));
    expect(data.volunteerPosts.features.filter((f) => codePrefix(f) === 'PLR')).toHaveLength(14);
  });
});
