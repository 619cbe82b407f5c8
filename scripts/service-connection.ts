/** The database as the service role, for the command-line feeds: a Supabase project or a PostgreSQL server. */
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { Row } from '../src/lib/data/rpc';
import { functionStatement, runAs } from '../src/lib/data/sql-transport';
import { SERVICE_CLAIMS, sqlFeedPort, type FeedPort } from '../src/lib/demo/feed-port';
import { callSupabase, supabaseFeedPort } from '../src/lib/demo/supabase-feed-port';
import { postgresDatabase } from '../tests/support/postgres';

export interface ServiceConnection {
  /** Where the writes go, for the report (no secrets). */
  target: string;
  /** Calls `public.<name>` with the named arguments of `argNames`, as the service role. */
  call(name: string, argNames: readonly string[], args: Record<string, unknown>): Promise<Row[]>;
  feedPort: FeedPort;
  close(): Promise<void>;
}

export const CONNECTION_HELP =
  'Set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY (a Supabase project), or DATABASE_URL (PostgreSQL with the Citygrid migrations).';

export function openServiceConnection(env: NodeJS.ProcessEnv = process.env): ServiceConnection {
  if (env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY) {
    const client = createClient(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      // Node 20 has no WebSocket of its own; supabase-js wants one even when Realtime is unused.
      realtime: { transport: WebSocket as never },
    });
    return {
      target: `Supabase ${new URL(env.SUPABASE_URL).host}`,
      call: (name, _argNames, args) => callSupabase(client, name, args),
      feedPort: supabaseFeedPort(client),
      close: async () => void (await client.removeAllChannels()),
    };
  }
  if (env.DATABASE_URL) {
    const db = postgresDatabase(env.DATABASE_URL);
    const url = new URL(env.DATABASE_URL);
    return {
      target: `PostgreSQL ${url.host}${url.pathname}`,
      call(name, argNames, args) {
        const { sql, params } = functionStatement(name, argNames, args);
        return runAs(db, SERVICE_CLAIMS, {}, sql, params);
      },
      feedPort: sqlFeedPort(db),
      close: () => db.close(),
    };
  }
  throw new Error(CONNECTION_HELP);
}
