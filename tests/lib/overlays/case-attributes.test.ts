import { describe, expect, it } from 'vitest';
import { patchCaseColumns, toCaseColumns } from '../../../src/lib/data/case-columns';
import { CASE_STATUSES, type CaseStatus } from '../../../src/lib/data/types';
import type { CaseFilters } from '../../../src/lib/view/view-state.svelte';
import { caseAttributes, caseFilterProps, caseMatcher, drawCases, isOverdue, redrawPatched } from '../../../src/lib/overlays/case-attributes';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const NO_FILTER: CaseFilters = { statuses: [...CASE_STATUSES], categories: [], sources: [], sinceDays: 30, overdueOnly: false, replayAt: null };
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();
const cases = toCaseColumns([
  { id: 1, case_no: 'CG-1', status: 'reported', source: 'resident_qr', category_code: 'A', lon: 1, lat: 2, reported_at: hoursAgo(1), due_at: hoursAgo(-1) },
  { id: 2, case_no: 'CG-2', status: 'handling', source: 'ai_camera', category_code: 'B', lon: 1, lat: 2, reported_at: hoursAgo(30), due_at: hoursAgo(26) },
  { id: 3, case_no: 'CG-3', status: 'closed', source: 'resident_qr', category_code: 'A', lon: 1, lat: 2, reported_at: hoursAgo(24 * 40), due_at: hoursAgo(24 * 40 - 2) },
]);

describe('case attributes', () => {
  it('marks open cases past their due time as overdue, never closed ones', () => {
    expect([0, 1, 2].map((i) => isOverdue(cases, i, NOW))).toEqual([false, true, false]);
  });

  it('draws overdue cases larger with a red ring and closed cases small', () => {
    const a = caseAttributes(cases, NOW);
    expect(a.radii[1]).toBeGreaterThan(a.radii[0]);
    expect(a.radii[2]).toBeLessThan(a.radii[0]);
    expect([...a.lineColors.slice(4, 8)]).toEqual([220, 38, 38, 255]);
    expect(a.reportedHours[1]).toBeCloseTo(-30);
    expect([...a.categoryTriples.slice(3, 6)]).toEqual([3, 1, 2]);
  });

  it('filters on the CPU exactly as the GPU filter props say', () => {
    const filters = { ...NO_FILTER, statuses: ['reported', 'handling', 'closed'] as CaseStatus[], categories: ['A'] };
    const matches = caseMatcher(cases, filters, NOW);
    expect([0, 1, 2].map(matches)).toEqual([true, false, false]);
    const props = caseFilterProps(cases, filters, NOW);
    expect(props.filterRange).toEqual([-720, 1e6]);
    expect(props.filterCategories).toEqual([[0, 3, 5], [0], [0, 1, 2, 3]]);
  });

  it('shows nothing for a category filter naming no known category', () => {
    const props = caseFilterProps(cases, { ...NO_FILTER, statuses: ['reported'], categories: ['ZZZ'] }, NOW);
    expect(props.filterCategories[1]).toEqual([-1]);
  });

  it('keeps only overdue cases when asked, on the CPU', () => {
    const matches = caseMatcher(cases, { ...NO_FILTER, overdueOnly: true }, NOW);
    expect([0, 1, 2].map(matches)).toEqual([false, true, false]);
  });

  it('replays the reports of the day before the moment, whatever their status now', () => {
    const replayAt = NOW - 20 * 3_600_000;
    const filters = { ...NO_FILTER, statuses: ['reported'] as CaseStatus[], replayAt };
    expect([0, 1, 2].map(caseMatcher(cases, filters, NOW))).toEqual([false, true, false]);
    const props = caseFilterProps(cases, filters, NOW);
    expect(props.filterRange).toEqual([-44, -20]);
    expect(props.filterCategories[0]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('uploads again only the attributes a status change alters, recomputing only the patched rows', () => {
    const columns = toCaseColumns([
      { id: 1, case_no: 'CG-1', status: 'reported', source: 'resident_qr', category_code: 'A', lon: 1, lat: 2, reported_at: hoursAgo(1), due_at: hoursAgo(-1) },
      { id: 2, case_no: 'CG-2', status: 'reported', source: 'resident_qr', category_code: 'A', lon: 1, lat: 2, reported_at: hoursAgo(1), due_at: hoursAgo(-1) },
    ]);
    const drawn = drawCases(columns, NOW);
    const fresh = toCaseColumns([{ id: 2, case_no: 'CG-2', status: 'closed', source: 'resident_qr', category_code: 'A', lon: 1, lat: 2, reported_at: hoursAgo(1), due_at: hoursAgo(-1) }]);
    const next = redrawPatched(drawn, patchCaseColumns(columns, [2], fresh));
    const before = drawn.data.attributes;
    const after = next.data.attributes;
    expect(after.getPosition).toBe(before.getPosition);
    expect(after.getFilterValue).toBe(before.getFilterValue);
    expect(after.getFillColor).not.toBe(before.getFillColor);
    expect(after.getFilterCategory).not.toBe(before.getFilterCategory);
    expect(next.attributes.radii[1]).toBe(2.5);
    expect(next.attributes.categoryTriples[3]).toBe(5);
  });

  it('redraws everything when a new case is appended', () => {
    const columns = toCaseColumns([{ id: 1, case_no: 'CG-1', status: 'reported', source: 'resident_qr', category_code: 'A', lon: 1, lat: 2, reported_at: hoursAgo(1), due_at: hoursAgo(-1) }]);
    const drawn = drawCases(columns, NOW);
    const fresh = toCaseColumns([{ id: 2, case_no: 'CG-2', status: 'reported', source: 'resident_qr', category_code: 'A', lon: 3, lat: 4, reported_at: hoursAgo(0), due_at: hoursAgo(-1) }]);
    const next = redrawPatched(drawn, patchCaseColumns(columns, [2], fresh));
    expect(next.data.length).toBe(2);
    expect([...next.data.attributes.getPosition.value]).toEqual([1, 2, 3, 4]);
  });
});
