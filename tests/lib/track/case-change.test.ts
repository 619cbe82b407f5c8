import { expect, it } from 'vitest';
import { concernsCase } from '../../../src/lib/track/case-change';

const at = '2026-11-24T00:00:00Z';

it('follows events that name the case alone or among many', () => {
  expect(concernsCase({ table: 'cases', op: 'UPDATE', at, row_id: 7 }, 7)).toBe(true);
  expect(concernsCase({ table: 'cases', op: 'UPDATE', at, row_ids: [3, 7, 9] }, 7)).toBe(true);
});

it('ignores other cases and other tables with the same id', () => {
  expect(concernsCase({ table: 'cases', op: 'UPDATE', at, row_id: 8 }, 7)).toBe(false);
  expect(concernsCase({ table: 'cases', op: 'UPDATE', at, row_ids: [3, 9] }, 7)).toBe(false);
  expect(concernsCase({ table: 'parking_lots', op: 'UPDATE', at, row_id: 7 }, 7)).toBe(false);
});
