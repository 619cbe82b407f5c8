import { ConnectionMonitor } from './connection';
import { DEVICE_HEADER } from './device-id';
import { DataError, isWrite, RPC_FUNCTIONS, type RpcName, type RpcTransport, type Row } from './rpc';
import type { ChangeEvent, Claims } from './types';

/** The part of PGlite (and of a node-postgres adapter) the SQL transport needs. */
export interface SqlDatabase {
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  /** Resolves once every committed write is on disk (PGlite in the browser); absent where commit means durable. */
  syncToFs?(): Promise<void>;
}
export interface SqlQueryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export const CHANGE_CHANNEL = 'citygrid_changes';
const API_ROLES = new Set<Claims['role']>(['anon', 'authenticated', 'service_role']);

/** The statement that calls one function with named arguments, skipping undefined ones. */
export function rpcStatement(name: RpcName, args: Record<string, unknown>): { sql: string; params: unknown[] } {
  return functionStatement(name, RPC_FUNCTIONS[name].args, args);
}

/** The statement that calls `public.<name>` with the named arguments of `argNames` that `args` defines. */
export function functionStatement(name: string, argNames: readonly string[], args: Record<string, unknown>): { sql: string; params: unknown[] } {
  const names = argNames.filter((arg) => args[arg] !== undefined);
  const params = names.map((arg) => {
    const value = args[arg];
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
  });
  const list = names.map((arg, i) => `${arg} => $${i + 1}`).join(', ');
  return { sql: `select * from public.${name}(${list})`, params };
}

/** Runs one statement in a transaction as the API role of `claims`, with the claims and headers PostgREST would set. */
export function runAs(db: SqlDatabase, claims: Claims, headers: Record<string, string>, sql: string, params: unknown[]): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.query(`set local role ${claims.role}`);
    await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('request.headers', $2, true)`, [
      JSON.stringify(claims),
      JSON.stringify(headers),
    ]);
    return (await tx.query<Row>(sql, params)).rows;
  });
}

/**
 * Runs database functions the way PostgREST does on Supabase: in a
 * transaction, as the API role of the JWT, with the claims in
 * request.jwt.claims and the request headers in request.headers, so the same
 * RLS policies and report limits decide. A write is answered only once it is
 * on disk.
 */
export class SqlTransport implements RpcTransport {
  readonly backend = 'embedded' as const;
  /** A local database: connecting while it starts, live once open, and nothing to reconnect to. */
  readonly connection = new ConnectionMonitor();
  readonly ready: Promise<void>;
  #db: Promise<SqlDatabase>;
  #claims: Claims = { role: 'anon' };
  #headers: Record<string, string> = {};

  /** Takes the database, or the promise of one still starting: calls wait for it. */
  constructor(db: SqlDatabase | Promise<SqlDatabase>) {
    this.#db = Promise.resolve(db);
    this.ready = this.#db.then(
      () => this.connection.succeeded(),
      (error: unknown) => {
        this.connection.failed(error);
        throw error;
      },
    );
    this.ready.catch(() => {});
  }

  /** The device id the report limits count by, as the Supabase client sends it in a header. */
  setDevice(deviceId: string) {
    this.#headers = { [DEVICE_HEADER]: deviceId };
  }

  get claims(): Claims {
    return this.#claims;
  }

  setClaims(claims: Claims) {
    if (!API_ROLES.has(claims.role)) throw new Error(`unknown API role ${String(claims.role)}`);
    this.#claims = claims;
  }

  async call(name: RpcName, args: Record<string, unknown>): Promise<Row[]> {
    const { sql, params } = rpcStatement(name, args);
    const claims = this.#claims;
    const db = await this.#db;
    try {
      const rows = await runAs(db, claims, this.#headers, sql, params);
      if (isWrite(name)) await db.syncToFs?.();
      return rows;
    } catch (error) {
      const e = error as { message?: string; code?: string; detail?: string };
      throw new DataError(e.message ?? String(error), e.code, name, false, e.detail);
    }
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    const stop = this.#db.then((db) => db.listen(CHANGE_CHANNEL, (payload) => listener(JSON.parse(payload) as ChangeEvent)));
    return () => void stop.then((unlisten) => unlisten());
  }
}
