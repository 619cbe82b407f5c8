import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { afterAll, beforeAll, describe } from 'vitest';
import { ensureSnapshot } from '../../scripts/db-snapshot';
import { SEARCH_PATH } from '../../src/lib/data/embedded/search-path';
import { accountFromClaims } from '../../src/lib/accounts/accounts';
import { EmbeddedSession } from '../../src/lib/accounts/session';
import { createCitygridData } from '../../src/lib/data/citygrid-data';
import { SqlTransport, type SqlDatabase } from '../../src/lib/data/sql-transport';
import type { CitygridData, Claims } from '../../src/lib/data/types';
import { postgresDatabase, testDatabaseUrl } from './postgres';

export const INSPECTOR_PLR = '00000000-0000-4000-8000-000000000001';
export const INSPECTOR_PENGPU = '00000000-0000-4000-8000-000000000002';

export const ROLES = {
  public: { role: 'anon' },
  resident: { role: 'authenticated', sub: '00000000-0000-4000-8000-0000000000aa' },
  inspector: { role: 'authenticated', sub: INSPECTOR_PLR, app_metadata: { citygrid_role: 'inspector' } },
  otherInspector: { role: 'authenticated', sub: INSPECTOR_PENGPU, app_metadata: { citygrid_role: 'inspector' } },
  commander: { role: 'authenticated', sub: '00000000-0000-4000-8000-0000000000c1', app_metadata: { citygrid_role: 'commander' } },
  admin: { role: 'authenticated', sub: '00000000-0000-4000-8000-0000000000ad', app_metadata: { citygrid_role: 'admin' } },
  service: { role: 'service_role' },
} satisfies Record<string, Claims>;

export interface Engine {
  name: 'pglite' | 'postgres';
  db: SqlDatabase;
  /** Superuser SQL for arranging and inspecting state. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** The data interface as `role`, from its own device (or the given one: report limits count by device). */
  as(role: keyof typeof ROLES, device?: string): CitygridData;
  /** The data interface under any JWT claims. */
  withClaims(claims: Claims, device?: string): CitygridData;
  close(): Promise<void>;
}

async function openPglite(): Promise<Engine> {
  const snapshot = readFileSync(await ensureSnapshot());
  const pglite = await PGlite.create({ extensions: { postgis }, loadDataDir: new Blob([snapshot]) });
  await pglite.exec(SEARCH_PATH);
  return engine('pglite', pglite as unknown as SqlDatabase, async (q, p) => (await pglite.query(q, p)).rows as never, () => pglite.close());
}

async function openPostgres(): Promise<Engine> {
  const pg = postgresDatabase(testDatabaseUrl(process.env.DATABASE_URL!));
  return engine('postgres', pg, async (q, p) => (await pg.query(q, p)).rows as never, () => pg.close());
}

function engine(name: Engine['name'], db: SqlDatabase, sql: Engine['sql'], close: () => Promise<void>): Engine {
  const withClaims = (claims: Claims, device: string = randomUUID()) => {
    const transport = new SqlTransport(db);
    transport.setDevice(device);
    return createCitygridData(transport, new EmbeddedSession(transport, accountFromClaims(claims)));
  };
  return { name, db, sql, close, withClaims, as: (role, device) => withClaims(ROLES[role], device) };
}

/** Runs raw SQL as an API role with its claims, the way PostgREST does on Supabase. */
export async function asRole(engine: Engine, role: keyof typeof ROLES, sql: string, params: unknown[] = []) {
  const claims = ROLES[role];
  return engine.db.transaction(async (tx) => {
    await tx.query(`set local role ${claims.role}`);
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
    return (await tx.query(sql, params)).rows;
  });
}

const ENGINES = [openPglite, ...(process.env.DATABASE_URL ? [openPostgres] : [])];

/** Runs a suite once per database engine: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function describeEachEngine(title: string, suite: (engine: () => Engine) => void) {
  for (const open of ENGINES) {
    const name = open === openPglite ? 'pglite' : 'postgres';
    describe(`${title} [${name}]`, () => {
      let current: Engine;
      beforeAll(async () => {
        current = await open();
      });
      afterAll(async () => {
        await current?.close();
      });
      suite(() => current);
    });
  }
}
