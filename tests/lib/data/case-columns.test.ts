import { describe, expect, it } from 'vitest';
import { mergeCaseColumns, toCaseColumns } from '../../../src/lib/data/case-columns';

const row = (id: number, status: string, category = 'E-0501', lon = 121.5) => ({
  id, case_no: `CG-${id}`, category_code: category, source: 'ai_camera', status, lon, lat: 31.26, grid_id: 7,
  reported_at: '2026-11-23T01:00:00Z', due_at: '2026-11-23T03:00:00.000+00:00', closed_at: null,
});

describe('case columns', () => {
  it('packs rows into typed columns with category indexes and epoch milliseconds', () => {
    const c = toCaseColumns([row(1, 'reported'), row(2, 'closed', 'E-0104', 121.6)]);
    expect(c.length).toBe(2);
    expect([...c.ids]).toEqual([1, 2]);
    expect([...c.positions]).toEqual([121.5, 31.26, 121.6, 31.26]);
    expect([...c.statuses]).toEqual([0, 5]);
    expect([...c.sources]).toEqual([2, 2]);
    expect(c.categoryCodes).toEqual(['E-0501', 'E-0104']);
    expect([...c.categories]).toEqual([0, 1]);
    expect(c.reportedAt[0]).toBe(Date.parse('2026-11-23T01:00:00Z'));
    expect(c.dueAt[0]).toBe(Date.parse('2026-11-23T03:00:00Z'));
    expect(Number.isNaN(c.closedAt[0])).toBe(true);
  });

  it('keeps the category indexes of a known code list', () => {
    const c = toCaseColumns([row(1, 'reported', 'E-0104')], ['E-0501', 'E-0104']);
    expect([...c.categories]).toEqual([1]);
  });

  it('replaces changed cases in place, appends new ones and drops deleted ones', () => {
    const old = toCaseColumns([row(1, 'reported'), row(2, 'reported'), row(3, 'reported')]);
    const fresh = toCaseColumns([row(2, 'closed', 'E-9999'), row(4, 'registered')]);
    const merged = mergeCaseColumns(old, [2, 3, 4], fresh);
    expect([...merged.ids]).toEqual([1, 2, 4]);
    expect([...merged.statuses]).toEqual([0, 5, 1]);
    expect(merged.categoryCodes).toEqual(['E-0501', 'E-9999']);
    expect([...merged.categories]).toEqual([0, 1, 0]);
    expect(merged.caseNos).toEqual(['CG-1', 'CG-2', 'CG-4']);
    expect(merged.positions.length).toBe(6);
  });

  it('leaves the old columns untouched', () => {
    const old = toCaseColumns([row(1, 'reported')]);
    mergeCaseColumns(old, [1], toCaseColumns([row(1, 'closed')]));
    expect([...old.statuses]).toEqual([0]);
  });
});
