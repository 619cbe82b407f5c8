import { describe, expect, it } from 'vitest';
import { toCaseColumns } from '../../../src/lib/data/case-columns';
import { casesCsv, casesGeoJson, exportedCases } from '../../../src/lib/inspect/export-cases';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const columns = toCaseColumns(
  [
    { id: 7, case_no: 'CG20261124-000007', status: 'handling', source: 'ai_camera', category_code: 'E-0501', lon: 121.52, lat: 31.26, grid_id: 40,
      reported_at: '2026-11-24T01:00:00Z', due_at: '2026-11-24T05:00:00Z', closed_at: null },
    { id: 9, case_no: 'CG20261124-000009', status: 'closed', source: 'resident_qr', category_code: 'X-1', lon: 121.5, lat: 31.2, grid_id: 41,
      reported_at: '2026-11-23T01:00:00Z', due_at: '2026-11-23T05:00:00Z', closed_at: '2026-11-23T04:00:00Z' },
  ],
  ['E-0501', 'X-1'],
);
const categories = [
  { code: 'E-0501', kind: 'event' as const, nameZh: '占道经营', nameEn: 'Street stall, "mobile"', slaHours: 4 },
  { code: 'X-1', kind: 'event' as const, nameZh: '=HYPERLINK("x")', nameEn: 'Formula', slaHours: 4 },
];

describe('exporting the queue', () => {
  const rows = exportedCases(columns, [0, 1], categories, new Map([[40, 'PLR-G01-M1-01']]), NOW);

  it('gives each case its number, names, status, overdue state, ISO times, grid and position', () => {
    expect(rows[0]).toEqual({
      case_no: 'CG20261124-000007', category_code: 'E-0501', category: '占道经营 Street stall, "mobile"', status: 'handling', source: 'ai_camera',
      overdue: true, reported_at: '2026-11-24T01:00:00.000Z', due_at: '2026-11-24T05:00:00.000Z', closed_at: null,
      grid_code: 'PLR-G01-M1-01', lon: 121.52, lat: 31.26,
    });
    expect(rows[1]).toMatchObject({ overdue: false, closed_at: '2026-11-23T04:00:00.000Z', grid_code: null });
  });

  it('writes CSV that spreadsheets read as UTF-8, quoting what needs it and never starting a formula', () => {
    const lines = casesCsv(rows).split('\r\n');
    expect(lines[0]).toBe('\ufeffcase_no,category_code,category,status,source,overdue,reported_at,due_at,closed_at,grid_code,lon,lat');
    expect(lines[1]).toContain(',"占道经营 Street stall, ""mobile""",');
    expect(lines[2]).toContain(`,"'=HYPERLINK(""x"") Formula",`);
    expect(lines).toHaveLength(4);
    expect(casesCsv([])).toBe('\ufeffcase_no\r\n');
  });

  it('writes GeoJSON points with the same properties', () => {
    const collection = casesGeoJson(rows);
    expect(collection.features[0]).toEqual({
      type: 'Feature', geometry: { type: 'Point', coordinates: [121.52, 31.26] }, properties: expect.objectContaining({ case_no: 'CG20261124-000007' }),
    });
    expect(collection.features[1].properties).not.toHaveProperty('lon');
  });
});
