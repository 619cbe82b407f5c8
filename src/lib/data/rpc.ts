import type { ConnectionMonitor } from './connection';
import type { ChangeEvent } from './types';

/**
 * Every database function the UI calls, with its named arguments in order.
 * Both backends call exactly these; a contract test checks them against the
 * database, grants included.
 */
export const RPC_FUNCTIONS = {
  layer_counts: { args: [], public: true },
  list_case_categories: { args: [], public: true },
  grids_in_bbox: { args: ['p_west', 'p_south', 'p_east', 'p_north', 'p_level', 'p_ids'], public: true },
  cases_in_bbox: {
    args: ['p_west', 'p_south', 'p_east', 'p_north', 'p_statuses', 'p_categories', 'p_sources', 'p_since', 'p_ids', 'p_limit'],
    public: true,
  },
  cases_by_ids: { args: ['p_ids'], public: true },
  cases_page: { args: ['p_before_id', 'p_limit'], public: true },
  cases_changed_since: { args: ['p_since'], public: true },
  case_detail: { args: ['p_case_id'], public: true },
  fire_stations_in_bbox: { args: ['p_west', 'p_south', 'p_east', 'p_north', 'p_ids'], public: true },
  parking_in_bbox: { args: ['p_west', 'p_south', 'p_east', 'p_north', 'p_ids'], public: true },
  volunteer_posts_in_bbox: { args: ['p_west', 'p_south', 'p_east', 'p_north', 'p_ids'], public: true },
  nearest_parking: { args: ['p_lon', 'p_lat', 'p_min_free', 'p_limit', 'p_ids'], public: true },
  parking_history: { args: ['p_lot_ids', 'p_hours'], public: true },
  search_parking_places: { args: ['p_query', 'p_limit'], public: true },
  kpi_summary: { args: ['p_subdistrict_code'], public: true },
  track_case: { args: ['p_tracking_code'], public: true },
  grid_by_code: { args: ['p_code'], public: true },
  attach_report_photo: { args: ['p_tracking_code', 'p_mime', 'p_data_base64'], public: true, write: true },
  resident_verdict: { args: ['p_tracking_code', 'p_fixed', 'p_note'], public: true, write: true },
  report_case: { args: ['p_category_code', 'p_location', 'p_description', 'p_source', 'p_contact', 'p_address'], public: true, write: true },
  allowed_moves: { args: ['p_case_id'], public: true },
  attach_case_photo: { args: ['p_case_id', 'p_mime', 'p_data_base64'], public: false, write: true },
  case_photo: { args: ['p_photo_id'], public: false },
  find_case: { args: ['p_case_no'], public: true },
  my_grids: { args: [], public: true },
  close_rates: { args: ['p_from', 'p_to', 'p_group'], public: true },
  wall_areas: { args: ['p_subdistrict_codes'], public: true },
  wall_kpis: { args: ['p_subdistrict_codes', 'p_target', 'p_at'], public: true },
  wall_grids: { args: ['p_subdistrict_codes', 'p_at'], public: true },
  transition_case: { args: ['p_case_id', 'p_from_status', 'p_to_status', 'p_note'], public: false, write: true },
  record_parking_reading: { args: ['p_lot_id', 'p_free_spaces', 'p_observed_at'], public: false, write: true },
  import_parking: { args: ['p_rows', 'p_dry_run'], public: false, write: true },
} as const satisfies Record<string, { args: readonly string[]; public: boolean; write?: true }>;

/**
 * The inspector's workspace functions, in the same form. They move into
 * RPC_FUNCTIONS together with the data methods that call them (the contract
 * test holds every catalogued function to a caller); until then a test checks
 * them against the database the same way. ingest_camera_alarm is the camera
 * platform's (service role only) and never called from the UI.
 */
export const WORKSPACE_RPC_FUNCTIONS = {
  stage_overdue: { args: ['p_subdistrict_code'], public: true },
  open311_services: { args: [], public: true },
  open311_requests: { args: ['p_start_date', 'p_end_date', 'p_status', 'p_service_code', 'p_limit'], public: true },
} as const satisfies Record<string, { args: readonly string[]; public: boolean; write?: true }>;

/** Whether a function writes: the embedded backend confirms those only once they are on disk. */
export function isWrite(name: RpcName): boolean {
  return 'write' in RPC_FUNCTIONS[name];
}

export type RpcName = keyof typeof RPC_FUNCTIONS;
export type RpcArgs<N extends RpcName> = Partial<Record<(typeof RPC_FUNCTIONS)[N]['args'][number], unknown>>;
export type Row = Record<string, unknown>;

/** How a backend runs a database function and delivers change events. */
export interface RpcTransport {
  readonly backend: 'supabase' | 'embedded';
  readonly connection: ConnectionMonitor;
  /** Resolves once the database answers (the embedded one starts in the background); rejects if it cannot start. */
  readonly ready: Promise<void>;
  call<N extends RpcName>(name: N, args: RpcArgs<N>): Promise<Row[]>;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** Where a backend keeps residents' photos outside the database (Supabase Storage); absent, they go through attach_report_photo. */
  storeReportPhoto?(trackingCode: string, mime: string, base64: string): Promise<void>;
  /** A short-lived URL of a photo kept there, for the staff its policy lets read it. */
  reportPhotoUrl?(path: string): Promise<string | null>;
}

/** What a failure says, whatever was thrown. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A failed call, with the message the database (or the network) gave.
 * `unreachable` means the call never reached the database; anything else is
 * the database refusing it. `retryAfterS` comes with a rate-limit refusal.
 */
export class DataError extends Error {
  readonly retryAfterS: number | null;

  constructor(
    message: string,
    readonly code: string | undefined,
    readonly rpc: RpcName,
    readonly unreachable = false,
    detail?: string | null,
  ) {
    super(message);
    this.name = 'DataError';
    const retry = /retry_after=(\d+)/.exec(detail ?? '');
    this.retryAfterS = retry ? Number(retry[1]) : null;
  }
}

/** SQLSTATEs the Citygrid functions raise; PostgREST answers PTxxx with HTTP status xxx. */
export const ERROR_CODES = { conflict: 'PT409', rateLimited: 'PT429' } as const;
