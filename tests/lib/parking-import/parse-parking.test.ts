import { describe, expect, it } from 'vitest';
import { parseCsvRecords, parseFieldMap, parseParkingFile } from '../../../src/lib/parking-import/parse-parking';
import { parkingFixture } from '../../support/parking-fixtures';

const OBSERVED = new Date('2026-11-24T00:20:00Z');

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, a BOM, CRLF and the line each record starts on', () => {
    const text = '\uFEFFcode,name_zh\r\nA,"平凉路, 北"\r\n\r\nB,"say ""hi""\nthere"\r\nC,plain';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, fields: ['code', 'name_zh'] },
      { line: 2, fields: ['A', '平凉路, 北'] },
      { line: 4, fields: ['B', 'say "hi"\nthere'] },
      { line: 6, fields: ['C', 'plain'] },
    ]);
  });

  it('takes the delimiter from the header: semicolons and tabs too', () => {
    expect(parseCsvRecords('code;capacity\nA;5').map((r) => r.fields)).toEqual([['code', 'capacity'], ['A', '5']]);
    expect(parseCsvRecords('code\tcapacity\nA\t5').map((r) => r.fields)).toEqual([['code', 'capacity'], ['A', '5']]);
  });

  it('keeps values as written, leaves blanks out, and marks a row with the wrong number of fields unreadable', () => {
    const parsed = parseParkingFile(parkingFixture('bad.csv', OBSERVED));
    expect(parsed).toMatchObject({ format: 'csv', unit: 'line' });
    expect(parsed.rows[0]).toEqual({
      line: 2, code: 'IMP-BAD-01', name_zh: '德累斯顿停车场', name_en: 'Dresden Car Park', kind: 'public', capacity: '100',
      free_spaces: '10', fee_per_hour_cny: '2', lon: '13.7373', lat: '51.0504', observed_at: '2026-11-24T00:20:00.000Z',
    });
    expect(parsed.rows.find((r) => r.line === 5)).not.toHaveProperty('capacity');
    expect(parsed.unreadable).toEqual([{ line: 9, reason: '7 fields where the header has 11' }]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11, 12]);
  });

  it('reads other column names through a field map, and common ones without', () => {
    const text = 'Stellplatz-ID,Name,Plätze,frei,lng,lat,Stand\nX1,Garage,10,4,121.5,31.25,2026-11-24T08:00:00+08:00';
    const map = parseFieldMap('code=Stellplatz-ID, capacity=Plätze, free_spaces=frei, observed_at=Stand');
    expect(parseParkingFile(text, map).rows).toEqual([{
      line: 2, code: 'X1', name_zh: 'Garage', name_en: 'Garage', capacity: '10', free_spaces: '4', lon: '121.5', lat: '31.25',
      observed_at: '2026-11-24T08:00:00+08:00',
    }]);
  });
});

describe('field maps', () => {
  it('refuses a field it does not know, or an entry without a column', () => {
    expect(() => parseFieldMap('spaces=total')).toThrow(/"spaces=total".*field among code, name_zh/);
    expect(() => parseFieldMap('capacity=')).toThrow(/"capacity="/);
    expect(parseFieldMap('')).toEqual({});
  });
});

describe('GeoJSON', () => {
  it('reads Point features with their properties and id, and marks other geometries unreadable', () => {
    const parsed = parseParkingFile(parkingFixture('lots.geojson', OBSERVED));
    expect(parsed).toMatchObject({ format: 'geojson', unit: 'feature', unreadable: [{ line: 2, reason: 'geometry is Polygon, not a Point' }] });
    expect(parsed.rows).toEqual([
      { line: 1, code: 'IMP-GEO-01', name_zh: '平凉路地块停车场', name_en: 'Pingliang Road Plot Car Park', kind: 'residential', capacity: 200, free_spaces: 150,
        lon: 121.5148, lat: 31.2527, observed_at: '2026-11-24T00:20:00.000Z' },
      { line: 3, code: 'IMP-GEO-03', name_zh: '法兰克福停车场', capacity: 90, free_spaces: 9, lon: 8.6821, lat: 50.1109, observed_at: '2026-11-24T00:20:00.000Z' },
    ]);
  });
});

describe('ParkAPI', () => {
  it('reads name, free, total, coords, id and last_updated (UTC), the city’s time where a lot has none, and no reading for nodata', () => {
    const parsed = parseParkingFile(parkingFixture('parkapi.json', OBSERVED));
    expect(parsed).toMatchObject({ format: 'parkapi', unit: 'lot', unreadable: [] });
    expect(parsed.rows).toEqual([
      { line: 1, code: 'shanghaipingliang', name_zh: 'Pingliang Garage', name_en: 'Pingliang Garage', capacity: 300, free_spaces: 120,
        lon: 121.5148, lat: 31.2527, observed_at: '2026-11-24T00:20:00Z' },
      { line: 2, code: 'shanghaikongjiang', name_zh: 'Kongjiang Garage', name_en: 'Kongjiang Garage', capacity: 150, lon: 121.5235, lat: 31.2585 },
      { line: 3, code: 'shanghaioverfull', name_zh: 'Overfull Garage', name_en: 'Overfull Garage', capacity: 20, free_spaces: 25,
        lon: 121.5235, lat: 31.2585, observed_at: '2026-11-24T00:20:00Z' },
    ]);
  });
});

it('says what is wrong with JSON it cannot read', () => {
  expect(() => parseParkingFile('{"lots": [}')).toThrow(/not valid JSON/);
  expect(() => parseParkingFile('{"type": "Topology"}')).toThrow(/neither GeoJSON .* nor ParkAPI/);
});
