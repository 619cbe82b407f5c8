import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Page, WebSocketRoute } from 'playwright-core';
import { ensureSnapshot } from '../../../scripts/db-snapshot';
import { accountFromClaims } from '../../../src/lib/accounts/accounts';
import { EmbeddedSession } from '../../../src/lib/accounts/session';
import { createCitygridData } from '../../../src/lib/data/citygrid-data';
import { SEARCH_PATH } from '../../../src/lib/data/embedded/search-path';
import type { RpcName } from '../../../src/lib/data/rpc';
import { SqlTransport, type SqlDatabase } from '../../../src/lib/data/sql-transport';
import { CHANGE_TOPIC } from '../../../src/lib/data/supabase-transport';
import type { CitygridData } from '../../../src/lib/data/types';

/** Where the app built for it looks for Supabase: nothing answers there but the routes below. */
export const FAKE_SUPABASE_URL = 'http://supabase.test';

export interface FakeSupabase {
  /** While true, every call fails as a lost network would, and Realtime sockets are closed. */
  down: boolean;
  /** The database behind it, as the service role (feeds, cameras). */
  service: CitygridData;
  /** Serves the page's PostgREST calls and Realtime socket from the database. */
  serve(page: Page): Promise<void>;
  setDown(down: boolean): void;
  /** Stops serving (calls in flight are dropped) and closes the database. */
  close(): Promise<void>;
}

/**
 * Supabase as a browser meets it, answered inside the test: PostgREST `rpc`
 * calls run on a PGlite copy of the demo database as the anonymous role, and
 * Realtime Broadcast (the Phoenix protocol, serializer 2.0.0) forwards the
 * database's change events. A real project over a network that can be cut.
 */
export async function fakeSupabase(): Promise<FakeSupabase> {
  const pglite = await PGlite.create({ extensions: { postgis }, loadDataDir: new Blob([readFileSync(await ensureSnapshot())]) });
  await pglite.exec(SEARCH_PATH);
  await pglite.query('select bring_demo_data_to_now()');
  const db = pglite as unknown as SqlDatabase;
  const anon = new SqlTransport(db);
  anon.setClaims({ role: 'anon' });
  const serviceTransport = new SqlTransport(db);
  const service = createCitygridData(serviceTransport, new EmbeddedSession(serviceTransport, accountFromClaims({ role: 'service_role' })));
  const sockets = new Set<WebSocketRoute>();
  const joined = new Set<WebSocketRoute>();
  const topic = `realtime:${CHANGE_TOPIC}`;
  const pages: Page[] = [];
  // Closing the database ends this subscription too.
  anon.subscribe((event) => {
    const message = JSON.stringify([null, null, topic, 'broadcast', { type: 'broadcast', event: 'change', payload: event }]);
    for (const ws of joined) ws.send(message);
  });

  const fake: FakeSupabase = {
    down: false,
    service,
    async serve(page) {
      pages.push(page);
      await page.route(`${FAKE_SUPABASE_URL}/rest/v1/rpc/*`, async (route) => {
        if (fake.down) return route.abort('internetdisconnected');
        const url = new URL(route.request().url());
        const name = url.pathname.split('/').pop() as RpcName;
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 1e9);
        try {
          const rows = await anon.call(name, JSON.parse(route.request().postData() || '{}'));
          await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(rows.slice(offset, offset + limit)) });
        } catch (error) {
          const e = error as { message: string; code?: string; details?: string };
          await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ code: e.code ?? 'P0001', message: e.message, details: e.details ?? null }) });
        }
      });
      await page.routeWebSocket(/\/realtime\/v1\/websocket/, (ws) => {
        if (fake.down) return void ws.close({ code: 1006, reason: 'network down' });
        sockets.add(ws);
        ws.onClose(() => (sockets.delete(ws), joined.delete(ws)));
        ws.onMessage((raw) => {
          const [joinRef, ref, messageTopic, event] = JSON.parse(String(raw)) as [string | null, string | null, string, string];
          if (event === 'phx_join' && messageTopic === topic) joined.add(ws);
          if (event === 'phx_join' || event === 'heartbeat' || event === 'access_token') {
            ws.send(JSON.stringify([joinRef, ref, messageTopic, 'phx_reply', { status: 'ok', response: { postgres_changes: [] } }]));
          }
        });
      });
    },
    setDown(down) {
      fake.down = down;
      if (down) for (const ws of sockets) void ws.close({ code: 1006, reason: 'network down' });
    },
    /** Call before the browser closes: calls still in flight are dropped, not answered from a closed database. */
    async close() {
      for (const page of pages) await page.unrouteAll({ behavior: 'ignoreErrors' });
      await pglite.close();
    },
  };
  return fake;
}
