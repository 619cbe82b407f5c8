import { describe, expect, it } from 'vitest';
import { CASE_NO_WIDTH, caseNo, indexOfCase, patchCaseColumns, toCaseColumns } from '../../../src/lib/data/case-columns';

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

  it('sorts by id and finds a case by binary search', () => {
    const c = toCaseColumns([row(9, 'reported'), row(2, 'closed'), row(5, 'handling')]);
    expect([...c.ids]).toEqual([2, 5, 9]);
    expect(indexOfCase(c, 5)).toBe(1);
    expect(indexOfCase(c, 4)).toBe(-2);
    expect(indexOfCase(c, 10)).toBe(-4);
    expect(caseNo(c, 2)).toBe('CG-9');
  });

  it('keeps case numbers as ASCII bytes, the widened ones too', () => {
    const c = toCaseColumns([{ ...row(1, 'reported'), case_no: 'CG20261124-1000001' }]);
    expect(caseNo(c, 0)).toBe('CG20261124-1000001');
    expect(c.caseNoBytes.length).toBe(CASE_NO_WIDTH);
  });

  it('rewrites changed cases in place, appends new ones and removes deleted ones', () => {
    const c = toCaseColumns([row(1, 'reported'), row(2, 'reported'), row(3, 'reported')]);
    const patch = patchCaseColumns(c, [2, 3, 4], toCaseColumns([row(2, 'closed', 'E-9999'), row(4, 'registered')]));
    const p = patch.columns;
    expect([...p.ids.subarray(0, p.length)]).toEqual([1, 2, 4]);
    expect([...p.statuses.subarray(0, p.length)]).toEqual([0, 5, 1]);
    expect(p.categoryCodes).toEqual(['E-0501', 'E-9999']);
    expect([...p.categories.subarray(0, p.length)]).toEqual([0, 1, 0]);
    expect([0, 1, 2].map((i) => caseNo(p, i))).toEqual(['CG-1', 'CG-2', 'CG-4']);
    expect(patch.reordered).toBe(true);
    // Grid 7 lost two open cases (2 closed, 3 gone) and gained one (4).
    expect(patch.openDelta.get(7)).toBe(-1);
    // The cases that were there before (2 and 3), as they were: what an aggregate counts out.
    expect([...patch.before.ids.subarray(0, patch.before.length)]).toEqual([2, 3]);
    expect([...patch.before.statuses.subarray(0, patch.before.length)]).toEqual([0, 0]);
  });

  it('patches a status change without moving any row or growing', () => {
    const c = toCaseColumns([row(1, 'reported'), row(2, 'reported')]);
    const patch = patchCaseColumns(c, [2], toCaseColumns([row(2, 'handling')]));
    expect(patch.columns).toBe(c);
    expect(patch.rows).toEqual([1]);
    expect(patch.reordered || patch.moved).toBe(false);
    expect(patch.openDelta.get(7)).toBe(0);
  });

  it('appends a newer case in place, doubling the capacity when full', () => {
    let c = toCaseColumns([row(1, 'reported')]);
    for (let id = 2; id <= 40; id++) c = patchCaseColumns(c, [id], toCaseColumns([row(id, 'reported')])).columns;
    expect(c.length).toBe(40);
    expect(c.capacity).toBeGreaterThanOrEqual(40);
    expect([...c.ids.subarray(0, 40)]).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(caseNo(c, 39)).toBe('CG-40');
  });

  it('inserts an older id in order', () => {
    const c = toCaseColumns([row(1, 'reported'), row(5, 'reported')]);
    const { columns, reordered } = patchCaseColumns(c, [3], toCaseColumns([row(3, 'closed')]));
    expect([...columns.ids.subarray(0, 3)]).toEqual([1, 3, 5]);
    expect(caseNo(columns, 2)).toBe('CG-5');
    expect(reordered).toBe(true);
  });
});
