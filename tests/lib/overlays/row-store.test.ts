import { expect, it } from 'vitest';
import { mergeRows } from '../../../src/lib/overlays/row-store';

it('replaces re-read rows by id, adds new ones and drops rows that came back empty', () => {
  const store = { rows: [{ id: 1, v: 'a' }, { id: 2, v: 'b' }, { id: 3, v: 'c' }] };
  expect(mergeRows(store, [2, 3, 4], [{ id: 2, v: 'B' }, { id: 4, v: 'd' }]).rows).toEqual([
    { id: 1, v: 'a' }, { id: 2, v: 'B' }, { id: 4, v: 'd' },
  ]);
  expect(store.rows).toHaveLength(3);
});
