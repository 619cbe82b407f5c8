import type { SupabaseClient } from '@supabase/supabase-js';
import type { Row } from '../data/rpc';
import type { FeedPort } from './feed-port';

/** Calls `public.<name>` through PostgREST with the client's key, leaving out undefined arguments. */
export async function callSupabase(client: SupabaseClient, name: string, args: Record<string, unknown>): Promise<Row[]> {
  const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
  const { data, error } = await client.rpc(name, defined);
  if (error) throw new Error(`${name}: ${error.message}`);
  return data == null ? [] : Array.isArray(data) ? (data as Row[]) : [data as Row];
}

/** The feed over a Supabase project, through a client made with the service-role key. */
export function supabaseFeedPort(client: SupabaseClient): FeedPort {
  return {
    call: (name, args) => callSupabase(client, name, args),
    async activeCameras() {
      const { data, error } = await client.from('cameras').select('code').eq('active', true).order('code');
      if (error) throw new Error(`cameras: ${error.message}`);
      return (data as { code: string }[]).map((r) => r.code);
    },
  };
}
