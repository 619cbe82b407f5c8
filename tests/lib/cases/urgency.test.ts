import { describe, expect, it } from 'vitest';
import { toCaseColumns } from '../../../src/lib/data/case-columns';
import { mostUrgentFirst } from '../../../src/lib/cases/urgency';

const at = (h: number) => new Date(Date.parse('2026-11-24T08:00:00Z') + h * 3_600_000).toISOString();
const row = (id: number, status: string, due: number, closed?: number) => ({
  id, case_no: `CG-${id}`, status, source: 'resident_qr', category_code: 'A', lon: 121.5, lat: 31.2, grid_id: id % 2,
  reported_at: at(-48), due_at: at(due), closed_at: closed === undefined ? null : at(closed),
});

describe('most urgent first', () => {
  const c = toCaseColumns([row(1, 'closed', -30, -1), row(2, 'handling', 5), row(3, 'reported', -20), row(4, 'closed', -30, -5), row(5, 'dispatched', -2), row(6, 'handled', 5)]);
  const idsOf = (rows: number[]) => rows.map((i) => c.ids[i]);

  it('puts open cases by due time, the longest overdue first, then closed ones latest first; ties by id', () => {
    expect(idsOf(mostUrgentFirst(c, () => true))).toEqual([3, 5, 2, 6, 1, 4]);
  });

  it('lists only the cases asked for', () => {
    expect(idsOf(mostUrgentFirst(c, (cols, i) => cols.gridIds[i] === 0))).toEqual([2, 6, 4]);
    expect(mostUrgentFirst(c, () => false)).toEqual([]);
  });
});
