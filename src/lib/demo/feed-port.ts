import type { Claims } from '../data/types';
import type { Row } from '../data/rpc';
import { functionStatement, runAs, type SqlDatabase } from '../data/sql-transport';

/**
 * The database functions the feed calls, with their named arguments in order:
 * the same ones sensors, residents, cameras and the duty app write through.
 */
export const FEED_FUNCTIONS = {
  parking_in_bbox: ['p_west', 'p_south', 'p_east', 'p_north', 'p_ids'],
  volunteer_posts_in_bbox: ['p_west', 'p_south', 'p_east', 'p_north', 'p_ids'],
  list_case_categories: [],
  record_parking_reading: ['p_lot_id', 'p_free_spaces', 'p_observed_at'],
  report_case: ['p_category_code', 'p_location', 'p_description', 'p_source', 'p_contact', 'p_address'],
  ingest_camera_alarm: ['p_camera_code', 'p_kind', 'p_at', 'p_snapshot_base64'],
  check_in_volunteers: ['p_post_id', 'p_change'],
} as const satisfies Record<string, readonly string[]>;

export type FeedFunction = keyof typeof FEED_FUNCTIONS;

/** Where the feed reads and writes, as the service role: the feeds' and devices' role. */
export interface FeedPort {
  call(name: FeedFunction, args: Record<string, unknown>): Promise<Row[]>;
  /** The codes of the cameras switched on, whose alarms the feed may send. */
  activeCameras(): Promise<string[]>;
}

export const SERVICE_CLAIMS: Claims = { role: 'service_role' };

/** The feed over a SQL database (the embedded one, or PostgreSQL through node-postgres). */
export function sqlFeedPort(database: SqlDatabase | Promise<SqlDatabase>): FeedPort {
  const run = async (sql: string, params: unknown[] = []) => runAs(await database, SERVICE_CLAIMS, {}, sql, params);
  return {
    call(name, args) {
      const { sql, params } = functionStatement(name, FEED_FUNCTIONS[name], args);
      return run(sql, params);
    },
    async activeCameras() {
      return (await run('select code from public.cameras where active order by code')).map((r) => r.code as string);
    },
  };
}
