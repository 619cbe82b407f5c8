import { describe, expect, it } from 'vitest';
import { gcj02ToBd09, outOfChina, wgs84ToBd09, wgs84ToGcj02 } from '../../../src/lib/geo/china-offsets';

/** Reference values published with coordtransform (github.com/wandergis/coordtransform, test/app.js). */
const BEIJING = [116.404, 39.915] as const;

describe('China map offsets', () => {
  it('shifts WGS84 to GCJ-02 as the published reference does', () => {
    const [lon, lat] = wgs84ToGcj02(BEIJING);
    expect(lon).toBeCloseTo(116.41024449916938, 10);
    expect(lat).toBeCloseTo(39.91640428150164, 10);
  });

  it('shifts GCJ-02 to BD-09 as the published reference does', () => {
    const [lon, lat] = gcj02ToBd09(BEIJING);
    expect(lon).toBeCloseTo(116.41036949371029, 10);
    expect(lat).toBeCloseTo(39.92133699351021, 10);
  });

  it('moves a Shanghai lot by the few hundred metres the apps are known to be offset', () => {
    const lot = [121.519636, 31.279171] as const;
    const metres = ([a, b]: readonly number[], [c, d]: readonly number[]) =>
      Math.hypot((c - a) * 111_320 * Math.cos((b * Math.PI) / 180), (d - b) * 110_574);
    const gcj = wgs84ToGcj02(lot);
    // GCJ-02 in Shanghai lies about 0.0045° east and 0.002° south of WGS84: 400–600 m.
    expect(gcj[0] - lot[0]).toBeGreaterThan(0.004);
    expect(gcj[1] - lot[1]).toBeLessThan(-0.001);
    expect(metres(lot, gcj)).toBeGreaterThan(400);
    expect(metres(lot, gcj)).toBeLessThan(700);
    const bd = wgs84ToBd09(lot);
    expect(bd).toEqual(gcj02ToBd09(gcj));
    expect(metres(gcj, bd)).toBeGreaterThan(500);
  });

  it('leaves positions outside China untouched', () => {
    const paris = [2.3522, 48.8566] as const;
    expect(outOfChina(paris)).toBe(true);
    expect(wgs84ToGcj02(paris)).toEqual(paris);
    expect(wgs84ToBd09(paris)).toEqual(paris);
    expect(outOfChina(BEIJING)).toBe(false);
  });
});
