import type { SupabaseClient } from '@supabase/supabase-js';
import { DataError, type RpcName, type RpcTransport, type Row } from './rpc';
import type { ChangeEvent } from './types';

/** The public Realtime Broadcast topic the database's change trigger sends to. */
export const CHANGE_TOPIC = 'citygrid:changes';
const PAGE_ROWS = 1000;

/** Database functions through PostgREST, change events through Realtime Broadcast. */
export class SupabaseTransport implements RpcTransport {
  readonly backend = 'supabase' as const;

  constructor(private readonly client: SupabaseClient) {}

  /**
   * PostgREST caps every response at the project's max_rows (1,000 by
   * default), so set-returning functions are read page by page; they all
   * order their rows, which keeps the pages consistent.
   */
  async call(name: RpcName, args: Record<string, unknown>): Promise<Row[]> {
    const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
    const rows: Row[] = [];
    for (let from = 0; ; from += PAGE_ROWS) {
      const { data, error } = await this.client.rpc(name, defined).range(from, from + PAGE_ROWS - 1);
      if (error) throw new DataError(error.message, error.code, name);
      const page = (data ?? []) as Row[];
      rows.push(...page);
      if (page.length < PAGE_ROWS) return rows;
    }
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    const channel = this.client
      .channel(CHANGE_TOPIC)
      .on('broadcast', { event: 'change' }, ({ payload }) => listener(payload as ChangeEvent))
      .subscribe();
    return () => void this.client.removeChannel(channel);
  }
}
