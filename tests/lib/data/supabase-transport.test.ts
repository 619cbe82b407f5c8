import type { SupabaseClient } from '@supabase/supabase-js';
import { expect, it } from 'vitest';
import { SupabaseTransport } from '../../../src/lib/data/supabase-transport';
import type { ChangeEvent } from '../../../src/lib/data/types';

function fakeClient(total: number, error: { message: string; code: string } | null = null) {
  const calls: { name: string; args: unknown; from: number; to: number }[] = [];
  let onBroadcast: ((m: { payload: unknown }) => void) | undefined;
  const removed: unknown[] = [];
  const channel = {
    on: (_type: string, _filter: unknown, cb: typeof onBroadcast) => ((onBroadcast = cb), channel),
    subscribe: () => channel,
  };
  const client = {
    rpc: (name: string, args: unknown) => ({
      range: async (from: number, to: number) => {
        calls.push({ name, args, from, to });
        const rows = Array.from({ length: Math.max(0, Math.min(to + 1, total) - from) }, (_, i) => ({ id: from + i }));
        return error ? { data: null, error } : { data: rows, error: null };
      },
    }),
    channel: (topic: string) => ((calls.push({ name: `channel:${topic}`, args: null, from: 0, to: 0 }), channel)),
    removeChannel: async (c: unknown) => void removed.push(c),
  };
  return { client: client as unknown as SupabaseClient, calls, broadcast: (p: unknown) => onBroadcast?.({ payload: p }), removed };
}

it('reads large results page by page past the max_rows cap, dropping undefined arguments', async () => {
  const fake = fakeClient(2500);
  const rows = await new SupabaseTransport(fake.client).call('cases_in_bbox', { p_ids: null, p_west: undefined });
  expect(rows).toHaveLength(2500);
  expect(rows[2499]).toEqual({ id: 2499 });
  expect(fake.calls.map((c) => [c.from, c.to])).toEqual([[0, 999], [1000, 1999], [2000, 2999]]);
  expect(fake.calls[0].args).toEqual({ p_ids: null });
});

it('surfaces PostgREST errors as DataError', async () => {
  const fake = fakeClient(0, { message: 'unknown case category', code: '22023' });
  await expect(new SupabaseTransport(fake.client).call('report_case', {})).rejects.toMatchObject({ name: 'DataError', code: '22023' });
});

it('delivers broadcast change events from the citygrid:changes topic until unsubscribed', () => {
  const fake = fakeClient(0);
  const events: ChangeEvent[] = [];
  const unsubscribe = new SupabaseTransport(fake.client).subscribe((e) => events.push(e));
  const event = { table: 'cases', op: 'UPDATE', id: 7, at: '2026-11-23T00:00:00Z' };
  fake.broadcast(event);
  expect(fake.calls[0].name).toBe('channel:citygrid:changes');
  expect(events).toEqual([event]);
  unsubscribe();
  expect(fake.removed).toHaveLength(1);
});
