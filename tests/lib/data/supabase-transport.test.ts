import type { SupabaseClient } from '@supabase/supabase-js';
import { expect, it } from 'vitest';
import { SupabaseTransport } from '../../../src/lib/data/supabase-transport';
import type { ChangeEvent } from '../../../src/lib/data/types';

function fakeClient(total: number, error: { message: string; code?: string } | null = null, status = 400) {
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
        return error ? { data: null, error, status } : { data: rows, error: null, status: 200 };
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
  const event = { table: 'cases', op: 'UPDATE', row_id: 7, at: '2026-11-23T00:00:00Z' };
  fake.broadcast(event);
  expect(fake.calls[0].name).toBe('channel:citygrid:changes');
  expect(events).toEqual([event]);
  unsubscribe();
  expect(fake.removed).toHaveLength(1);
});

it('reports a call that never reached the database to the connection, and a refusal as reachable', async () => {
  const down = new SupabaseTransport(fakeClient(0, { message: 'TypeError: Failed to fetch' }, 0).client);
  await expect(down.call('layer_counts', {})).rejects.toMatchObject({ unreachable: true });
  expect(down.connection.state).toMatchObject({ status: 'reconnecting', error: 'TypeError: Failed to fetch' });
  down.connection.stop();
  const refused = new SupabaseTransport(fakeClient(0, { message: 'too many reports', code: 'PT429' }, 429).client);
  await expect(refused.call('report_case', {})).rejects.toMatchObject({ unreachable: false, code: 'PT429' });
  expect(refused.connection.state.status).toBe('live');
});

it('stores a resident photo in the report-photos bucket, under its tracking code, as its type', async () => {
  const uploads: { bucket: string; path: string; bytes: number[]; type: string; contentType: string }[] = [];
  const bucket = (name: string) => ({
    upload: async (path: string, blob: Blob, options: { contentType: string }) => {
      uploads.push({ bucket: name, path, bytes: [...new Uint8Array(await blob.arrayBuffer())], type: blob.type, contentType: options.contentType });
      return path.startsWith('FULL') ? { data: null, error: { message: 'new row violates row-level security policy' } } : { data: { path }, error: null };
    },
  });
  const client = { ...fakeClient(0).client, storage: { from: bucket } } as unknown as SupabaseClient;
  const transport = new SupabaseTransport(client);
  await transport.storeReportPhoto('ABCD2345EFGH', 'image/jpeg', btoa('\xff\xd8\xff\xe0'));
  expect(uploads[0]).toMatchObject({ bucket: 'report-photos', bytes: [0xff, 0xd8, 0xff, 0xe0], type: 'image/jpeg', contentType: 'image/jpeg' });
  expect(uploads[0].path).toMatch(/^ABCD2345EFGH\/[0-9a-f-]{36}\.jpeg$/);
  await expect(transport.storeReportPhoto('FULL2345EFGH', 'image/png', btoa('x'))).rejects.toMatchObject({
    name: 'DataError', rpc: 'attach_report_photo', message: expect.stringMatching(/row-level security/),
  });
});

it('shows staff a photo kept in Storage through a signed URL that expires', async () => {
  const signed: { bucket: string; path: string; seconds: number }[] = [];
  const bucket = (name: string) => ({
    createSignedUrl: async (path: string, seconds: number) => {
      signed.push({ bucket: name, path, seconds });
      return path.startsWith('GONE') ? { data: null, error: { message: 'Object not found' } } : { data: { signedUrl: `https://x.test/${path}?token=t` }, error: null };
    },
  });
  const transport = new SupabaseTransport({ ...fakeClient(0).client, storage: { from: bucket } } as unknown as SupabaseClient);
  expect(await transport.reportPhotoUrl('ABCD2345EFGH/1.jpeg')).toBe('https://x.test/ABCD2345EFGH/1.jpeg?token=t');
  expect(signed[0]).toEqual({ bucket: 'report-photos', path: 'ABCD2345EFGH/1.jpeg', seconds: 600 });
  await expect(transport.reportPhotoUrl('GONE2345EFGH/1.jpeg')).rejects.toMatchObject({ name: 'DataError', message: 'Object not found' });
});
