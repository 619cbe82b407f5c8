import { expect, it } from 'vitest';
import { createChangeBatcher, type ChangeBatch } from '../../../src/lib/live/change-batcher';

it('coalesces a burst of change events into one batch per window, one entry per row', () => {
  const frames: (() => void)[] = [];
  const batches: ChangeBatch[] = [];
  const push = createChangeBatcher((b) => batches.push(b), (run) => frames.push(run));
  const at = '2026-11-23T00:00:00Z';
  push({ table: 'cases', op: 'UPDATE', row_id: 1, at });
  push({ table: 'cases', op: 'UPDATE', row_id: 1, at });
  push({ table: 'cases', op: 'INSERT', row_id: 2, at });
  push({ table: 'parking_lots', op: 'UPDATE', row_id: 9, at });
  expect(frames).toHaveLength(1);
  expect(batches).toHaveLength(0);
  frames[0]();
  expect(batches).toEqual([new Map([['cases', new Set([1, 2])], ['parking_lots', new Set([9])]])]);
  push({ table: 'cases', op: 'DELETE', row_id: 3, at });
  expect(frames).toHaveLength(2);
});

it('takes every id of an event for a statement that changed several rows', () => {
  const frames: (() => void)[] = [];
  const batches: ChangeBatch[] = [];
  const push = createChangeBatcher((b) => batches.push(b), (run) => frames.push(run));
  const at = '2026-11-23T00:00:00Z';
  push({ table: 'cases', op: 'UPDATE', row_ids: [4, 5, 6], at });
  push({ table: 'cases', op: 'UPDATE', row_id: 5, at });
  push({ table: 'cases', op: 'UPDATE', row_ids: [6, 7], at });
  frames[0]();
  expect(batches).toEqual([new Map([['cases', new Set([4, 5, 6, 7])]])]);
});
