import pg from 'pg';
import { schemaFiles } from '../../scripts/db-snapshot';
import type { SqlDatabase } from '../../src/lib/data/sql-transport';

/** Overridable so that two checkouts can test against one server side by side. */
const TEST_DATABASE = process.env.CITYGRID_TEST_DB ?? 'citygrid_test';

/** The URL of `database` on the server `serverUrl` points at (the test database by default). */
export function testDatabaseUrl(serverUrl: string, database = TEST_DATABASE): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Recreates the test database on a real PostgreSQL + PostGIS server and applies migrations and seed. */
export async function preparePostgres(serverUrl: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEST_DATABASE} with (force)`);
  await admin.query(`create database ${TEST_DATABASE}`);
  await admin.end();
  const client = new pg.Client({ connectionString: testDatabaseUrl(serverUrl) });
  await client.connect();
  client.on('notice', () => {});
  try {
    for (const f of schemaFiles()) {
      await client.query(f.sql).catch((error: Error) => {
        throw new Error(`${f.name} on PostgreSQL: ${error.message}`);
      });
    }
  } finally {
    await client.end();
  }
}

/** node-postgres behind the same interface the embedded transport uses. */
export function postgresDatabase(url: string): SqlDatabase & { query: pg.Pool['query']; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const listeners: pg.PoolClient[] = [];
  return {
    query: pool.query.bind(pool) as pg.Pool['query'],
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({ query: (sql, params) => client.query(sql, params as unknown[]) as never });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, callback) {
      const client = await pool.connect();
      listeners.push(client);
      client.on('notification', (n) => n.channel === channel && callback(n.payload ?? ''));
      await client.query(`listen ${channel}`);
      return async () => {
        const i = listeners.indexOf(client);
        if (i < 0) return; // already released by close()
        listeners.splice(i, 1);
        // The connection goes back to the pool, or is discarded if the unlisten fails.
        await client.query(`unlisten ${channel}`).then(() => client.release(), (error: Error) => client.release(error));
      };
    },
    async close() {
      for (const client of listeners.splice(0)) client.release();
      await pool.end();
    },
  };
}
