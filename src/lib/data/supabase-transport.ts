import type { SupabaseClient } from '@supabase/supabase-js';
import { DataError, type RpcName, type RpcTransport, type Row } from './rpc';
import type { ChangeEvent } from './types';

/** The public Realtime Broadcast topic the database's change trigger sends to. */
export const CHANGE_TOPIC = 'citygrid:changes';

/** Database functions through PostgREST, change events through Realtime Broadcast. */
export class SupabaseTransport implements RpcTransport {
  readonly backend = 'supabase' as const;

  constructor(private readonly client: SupabaseClient) {}

  async call(name: RpcName, args: Record<string, unknown>): Promise<Row[]> {
    const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
    const { data, error } = await this.client.rpc(name, defined);
    if (error) throw new DataError(error.message, error.code, name);
    return (data ?? []) as Row[];
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    const channel = this.client
      .channel(CHANGE_TOPIC)
      .on('broadcast', { event: 'change' }, ({ payload }) => listener(payload as ChangeEvent))
      .subscribe();
    return () => void this.client.removeChannel(channel);
  }
}
