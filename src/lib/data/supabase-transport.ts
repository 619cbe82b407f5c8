import type { SupabaseClient } from '@supabase/supabase-js';
import { ConnectionMonitor } from './connection';
import { DataError, type RpcName, type RpcTransport, type Row } from './rpc';
import type { ChangeEvent } from './types';

/** The public Realtime Broadcast topic the database's change trigger sends to. */
export const CHANGE_TOPIC = 'citygrid:changes';
const PAGE_ROWS = 1000;
/** The Storage bucket a migration defines for residents' photos. */
export const REPORT_PHOTO_BUCKET = 'report-photos';

interface PostgrestFailure {
  message: string;
  code?: string;
  details?: string | null;
}

/**
 * A failure with no SQLSTATE or PostgREST code never reached the database:
 * the fetch failed, or a gateway answered in its place.
 */
function unreachable(error: PostgrestFailure, status: number): boolean {
  return !error.code || status === 0 || status >= 502;
}

/** Database functions through PostgREST, change events through Realtime Broadcast. */
export class SupabaseTransport implements RpcTransport {
  readonly backend = 'supabase' as const;
  readonly connection = new ConnectionMonitor();
  /** Nothing to start: each call reaches the project, or fails saying so. */
  readonly ready = Promise.resolve();

  constructor(private readonly client: SupabaseClient) {
    this.connection.setProbe(() => this.#page('layer_counts', {}, 0));
    if (typeof window !== 'undefined') window.addEventListener('offline', () => this.connection.wentOffline());
    if (typeof window !== 'undefined') window.addEventListener('online', () => this.connection.retryNow());
  }

  /**
   * PostgREST caps every response at the project's max_rows (1,000 by
   * default), so set-returning functions are read page by page; they all
   * order their rows, which keeps the pages consistent.
   */
  async call(name: RpcName, args: Record<string, unknown>): Promise<Row[]> {
    const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
    const rows: Row[] = [];
    try {
      for (let from = 0; ; from += PAGE_ROWS) {
        const page = await this.#page(name, defined, from);
        rows.push(...page);
        if (page.length < PAGE_ROWS) break;
      }
    } catch (error) {
      if (error instanceof DataError && error.unreachable) this.connection.failed(error);
      else this.connection.succeeded();
      throw error;
    }
    this.connection.succeeded();
    return rows;
  }

  async #page(name: RpcName, args: Record<string, unknown>, from: number): Promise<Row[]> {
    let answer;
    try {
      answer = await this.client.rpc(name, args).range(from, from + PAGE_ROWS - 1);
    } catch (error) {
      throw new DataError((error as Error).message, undefined, name, true);
    }
    const { data, error, status } = answer;
    if (error) throw new DataError(error.message, error.code, name, unreachable(error, status), error.details);
    return (data ?? []) as Row[];
  }

  /**
   * Residents' photos go to the report-photos bucket, in a folder named by the
   * report's tracking code: the bucket caps their size and type, and its
   * policy lets a reporter store 3 (see may_store_report_photo()).
   */
  async storeReportPhoto(trackingCode: string, mime: string, base64: string): Promise<void> {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const path = `${trackingCode}/${crypto.randomUUID()}.${mime.split('/')[1]}`;
    const { error } = await this.client.storage.from(REPORT_PHOTO_BUCKET).upload(path, new Blob([bytes], { type: mime }), { contentType: mime });
    if (error) throw new DataError(error.message, undefined, 'attach_report_photo');
  }

  async reportPhotoUrl(path: string): Promise<string | null> {
    const { data, error } = await this.client.storage.from(REPORT_PHOTO_BUCKET).createSignedUrl(path, 600);
    if (error) throw new DataError(error.message, undefined, 'case_detail');
    return data?.signedUrl ?? null;
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    const channel = this.client
      .channel(CHANGE_TOPIC)
      .on('broadcast', { event: 'change' }, ({ payload }) => listener(payload as ChangeEvent))
      .subscribe((status, error) => {
        if (status === 'SUBSCRIBED') this.connection.succeeded();
        else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') this.connection.failed(error ?? new Error(`Realtime ${status}`));
      });
    return () => void this.client.removeChannel(channel);
  }
}
