import { describe, expect, it } from 'vitest';
import { rpcStatement, SqlTransport, type SqlDatabase } from '../../../src/lib/data/sql-transport';

describe('sql transport', () => {
  it('calls functions with named placeholders, skipping undefined arguments', () => {
    expect(rpcStatement('nearest_parking', { p_lon: 121.5, p_lat: 31.2, p_min_free: undefined, p_limit: 5 })).toEqual({
      sql: 'select * from public.nearest_parking(p_lon => $1, p_lat => $2, p_limit => $3)',
      params: [121.5, 31.2, 5],
    });
  });

  it('sends objects as JSON text and keeps arrays as arrays', () => {
    const { params } = rpcStatement('report_case', { p_location: { type: 'Point', coordinates: [1, 2] }, p_category_code: 'x' });
    expect(params).toEqual(['x', '{"type":"Point","coordinates":[1,2]}']);
    expect(rpcStatement('cases_in_bbox', { p_ids: [1, 2] }).params).toEqual([[1, 2]]);
  });

  it('runs each call as the API role of its claims, with the claims set for RLS', async () => {
    const statements: [string, unknown[] | undefined][] = [];
    const db: SqlDatabase = {
      transaction: async (fn) => fn({ query: async (sql, params) => (statements.push([sql, params]), { rows: [] as never[] }) }),
      listen: async () => async () => {},
    };
    const transport = new SqlTransport(db);
    transport.setClaims({ role: 'authenticated', sub: 'u1', app_metadata: { citygrid_role: 'inspector' } });
    await transport.call('layer_counts', {});
    expect(statements[0][0]).toBe('set local role authenticated');
    expect(JSON.parse(statements[1][1]![0] as string)).toMatchObject({ sub: 'u1', app_metadata: { citygrid_role: 'inspector' } });
    expect(statements[2][0]).toBe('select * from public.layer_counts()');
  });

  it('wraps database errors with the function name and SQLSTATE', async () => {
    const db: SqlDatabase = {
      transaction: async () => Promise.reject(Object.assign(new Error('unknown case category'), { code: '22023' })),
      listen: async () => async () => {},
    };
    await expect(new SqlTransport(db).call('report_case', {})).rejects.toMatchObject({ name: 'DataError', code: '22023', rpc: 'report_case' });
  });

  it('answers a write only after the database says it is on disk, and reads without waiting', async () => {
    const order: string[] = [];
    let release = () => {};
    const db: SqlDatabase = {
      transaction: async () => (order.push('commit'), [{ id: 1 }] as never),
      listen: async () => async () => {},
      syncToFs: () => new Promise<void>((resolve) => (release = () => (order.push('on disk'), resolve()))),
    };
    const transport = new SqlTransport(db);
    await transport.call('layer_counts', {});
    expect(order).toEqual(['commit']);
    let answered = false;
    const write = transport.call('report_case', {}).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(answered).toBe(false);
    release();
    await write;
    expect(order).toEqual(['commit', 'commit', 'on disk']);
  });

  it('sends the device id as the request header the report limits read', async () => {
    const statements: unknown[][] = [];
    const db: SqlDatabase = {
      transaction: async (fn) => fn({ query: async (_sql, params) => (statements.push(params ?? []), { rows: [] as never[] }) }),
      listen: async () => async () => {},
    };
    const transport = new SqlTransport(db);
    transport.setDevice('dev-1');
    await transport.call('layer_counts', {});
    expect(JSON.parse(statements[1][1] as string)).toEqual({ 'x-citygrid-device': 'dev-1' });
  });
});
