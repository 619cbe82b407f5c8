import type { MultiPolygon } from 'geojson';
import type { AccountSession } from '../accounts/session';
import type { ConnectionMonitor } from './connection';

export type Bbox = readonly [west: number, south: number, east: number, north: number];

export type GridLevel = 'grid' | 'micro_grid' | 'meta_grid';
export const CASE_STATUSES = ['reported', 'registered', 'dispatched', 'handling', 'handled', 'closed', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Whether a status, by its index in CASE_STATUSES, is open: neither closed nor rejected. */
export const isOpen = (statusIndex: number): boolean => statusIndex < CASE_STATUSES.indexOf('closed');
export const CASE_SOURCES = ['resident_qr', 'inspector_patrol', 'ai_camera', 'hotline_12345'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const LAYER_TABLES = ['grids', 'cases', 'fire_stations', 'parking_lots', 'volunteer_posts'] as const;
export type LayerTable = (typeof LAYER_TABLES)[number];

export interface Grid {
  id: number;
  level: GridLevel;
  parentId: number | null;
  subdistrictId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  responsibleName: string;
  responsiblePhone: string;
  openCases: number;
  geometry: MultiPolygon;
}

export interface CaseCategory {
  code: string;
  kind: 'component' | 'event';
  nameZh: string;
  nameEn: string;
  slaHours: number;
}

/** Cases as columns, ready for deck.gl binary attributes. Times are epoch ms, NaN when absent. */
/**
 * Cases as typed columns, sorted by id (so a case is found by binary search,
 * without a million-entry index). Arrays are sized to `capacity` and rows
 * past `length` are spare, so new cases are appended in place.
 */
export interface CaseColumns {
  length: number;
  capacity: number;
  ids: Int32Array;
  positions: Float64Array;
  statuses: Uint8Array;
  sources: Uint8Array;
  categories: Uint16Array;
  gridIds: Int32Array;
  reportedAt: Float64Array;
  dueAt: Float64Array;
  closedAt: Float64Array;
  /** Case numbers as ASCII, CASE_NO_WIDTH bytes a case: a million strings would fill the heap. */
  caseNoBytes: Uint8Array;
  /** Category codes; `categories` holds indexes into this list. */
  categoryCodes: string[];
  /** More cases matched than were read: these are the newest, the oldest were left out. */
  capped: boolean;
}

export interface CaseQuery {
  bbox?: Bbox;
  statuses?: CaseStatus[];
  categories?: string[];
  sources?: CaseSource[];
  since?: Date;
  ids?: number[];
  /** Most cases to read, newest first (CASE_READ_LIMIT when absent). */
  limit?: number;
}

/** The most cases one read returns; past it the read says it was capped. */
export const CASE_READ_LIMIT = 2_000_000;

export interface CaseEvent {
  from: CaseStatus | null;
  to: CaseStatus;
  role: string;
  note: string | null;
  at: number;
}

export interface CaseDetail {
  id: number;
  caseNo: string;
  categoryCode: string;
  source: CaseSource;
  status: CaseStatus;
  description: string;
  address: string | null;
  lon: number;
  lat: number;
  gridId: number | null;
  gridCode: string | null;
  category: { zh: string; en: string };
  grid: { zh: string; en: string } | null;
  /** Who answers for the case's grid; the phone for staff only. */
  responsible: { name: string; phone: string | null } | null;
  reportedAt: number;
  dueAt: number;
  closedAt: number | null;
  /** The workflow stage the case is in (register, dispatch, handle, verify), none once closed or rejected. */
  stage: CaseStage | null;
  /** When the current stage's time limit runs out, on the working calendar. */
  stageDueAt: number | null;
  reporterContact: string | null;
  /** The case number of the case this report duplicates. */
  duplicateOf: string | null;
  /** The AI camera an alarm came from, and how many alarms the case merges. */
  camera: { code: string; alarms: number } | null;
  events: CaseEvent[];
  photos: CasePhoto[];
}

export const CASE_STAGES = ['register', 'dispatch', 'handle', 'verify'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export interface CasePhoto {
  /** The photo's row in case_photos; null for one kept in Storage. */
  id: number | null;
  /** Where Storage keeps it (residents' photos on Supabase), else null. */
  path: string | null;
  mime: string;
  /** The status the case had when the photo was attached. */
  status: CaseStatus;
  at: number;
  bytes: number;
}

/** A move the caller may make on a case now, and what the database will ask for it. */
export interface CaseMove {
  to: CaseStatus;
  needsNote: boolean;
  needsPhoto: boolean;
}

export type CloseRateGroup = 'grid' | 'subdistrict' | 'category';
export interface CloseRate {
  key: string;
  nameZh: string;
  nameEn: string;
  reported: number;
  rejected: number;
  closed: number;
  /** 结案率: closed over reported less rejected, 0..1; null with nothing to rate. */
  closeRate: number | null;
  onTimeClosed: number;
  /** 按期结案率: closed by the due time over closed. */
  onTimeCloseRate: number | null;
  medianCloseHours: number | null;
}

export interface FireStation {
  id: number;
  code: string;
  kind: 'municipal' | 'micro';
  nameZh: string;
  nameEn: string;
  staff: number;
  responseMinutes: number;
  lon: number;
  lat: number;
}

export interface ParkingLot {
  id: number;
  code: string;
  kind: 'public' | 'residential' | 'shared' | 'on_street';
  nameZh: string;
  nameEn: string;
  capacity: number;
  freeSpaces: number;
  feePerHourCny: number | null;
  hours: string;
  lon: number;
  lat: number;
  updatedAt: number;
}

export interface NearbyParkingLot extends ParkingLot {
  /** Straight-line (geodesic) distance from the point asked about. */
  distanceM: number;
  /** Whether the lot's hours include the database's present moment (Shanghai time). */
  openNow: boolean;
  /** How old the lot's number was when read, by the database clock, so a wrong device clock cannot age it. */
  ageS: number;
  /** The number is older than two missed readings. */
  stale: boolean;
}

export interface ParkingReading {
  lotId: number;
  at: number;
  freeSpaces: number;
}

/** A named place to look for parking from: a sub-district, a grid (community) or a lot. */
export interface ParkingPlace {
  kind: 'subdistrict' | 'grid' | 'lot';
  code: string;
  nameZh: string;
  nameEn: string;
  lon: number;
  lat: number;
}

export const DUTY_KINDS = ['station_duty', 'civility_persuasion', 'order_keeping', 'interpreting'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

export interface VolunteerPost {
  id: number;
  code: string;
  teamZh: string;
  teamEn: string;
  nameZh: string;
  nameEn: string;
  dutyKinds: DutyKind[];
  onDuty: number;
  planned: number;
  shiftStart: string;
  shiftEnd: string;
  lon: number;
  lat: number;
  updatedAt: number;
}

export interface Kpis {
  openCases: number;
  reportedToday: number;
  closedToday: number;
  overdue: number;
  closeRate: number;
  onTimeCloseRate: number;
  medianCloseHours: number | null;
  parkingFree: number;
  parkingCapacity: number;
  volunteersOnDuty: number;
  volunteerPostsUnstaffed: number;
  fireStations: number;
}

/** The wall's KPIs, as wall_kpis() defines them (see its migration). */
export const WALL_KPIS = [
  'open_cases', 'overdue', 'reported_today', 'closed_today', 'close_rate', 'close_rate_target', 'close_rate_met',
  'on_time_close_rate', 'median_close_hours', 'parking_free', 'parking_capacity', 'parking_occupancy',
  'volunteers_on_duty', 'volunteers_planned', 'fire_reach',
] as const;
export type WallKpi = (typeof WALL_KPIS)[number];
/** A KPI now and at the same hour yesterday; null where there is nothing to measure or no history. */
export type WallKpis = Record<WallKpi, { now: number | null; yesterday: number | null }>;

/** A sub-district a wall shows: its code, the short code its grids carry (PLR), its bounds. */
export interface WallArea {
  code: string;
  shortCode: string;
  nameZh: string;
  nameEn: string;
  bounds: Bbox;
}

/** A top-level grid with its open and overdue cases per km². */
export interface WallGrid {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  areaKm2: number;
  openCases: number;
  overdue: number;
  openPerKm2: number;
  overduePerKm2: number;
  bounds: Bbox;
}

export type LayerCounts = Record<
  'subdistricts' | 'grids' | 'micro_grids' | 'meta_grids' | 'cases' | 'fire_stations' | 'parking_lots' | 'volunteer_posts',
  number
>;

export interface CaseReport {
  categoryCode: string;
  lon: number;
  lat: number;
  description: string;
  source?: CaseSource;
  contact?: string;
  address?: string;
}

export interface ReportedCase {
  id: number;
  caseNo: string;
  /** The reporter's private key to follow the case; not derivable from the case number. */
  trackingCode: string;
  gridCode: string | null;
  dueAt: number;
  /** The case number of an open case nearby this report repeats, or null. */
  duplicateOf: string | null;
}

/** What anyone holding a tracking code may see of a case: no notes, no people. */
export interface TrackedCase {
  /** The case's id, public on the map anyway: change events name cases by it. */
  id: number;
  caseNo: string;
  categoryCode: string;
  status: CaseStatus;
  description: string;
  reportedAt: number;
  dueAt: number;
  closedAt: number | null;
  timeline: { status: CaseStatus; at: number }[];
  grid: { zh: string; en: string } | null;
  /** Whether the reporter's "fixed / not fixed" answer is taken now. */
  awaitingVerdict: boolean;
}

/** A grid as its printed QR code names it, with a point inside it. */
export interface GridPlace {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  lon: number;
  lat: number;
}

/** A lot, and optionally its reading, as a file gave them (line: where in the file); import_parking checks every value. */
export type ParkingImportRow = { line: number } & Partial<
  Record<'code' | 'name_zh' | 'name_en' | 'kind' | 'capacity' | 'free_spaces' | 'fee_per_hour_cny' | 'hours' | 'lon' | 'lat' | 'observed_at', string | number>
>;

/** What import_parking did with one row: the lot created or updated (and its reading), or refused with the reason. */
export interface ParkingImportResult {
  line: number;
  code: string | null;
  outcome: 'created' | 'updated' | 'refused';
  /** current: the lot's free spaces now; history: older than the lot's number; duplicate: already stored. */
  reading: 'current' | 'history' | 'duplicate' | null;
  reason: string | null;
}

/**
 * The compact event the database emits for each statement that changes a
 * layer table: `row_id` when the statement changed one row, `row_ids` (500
 * at most; a bigger statement sends several events) when it changed more.
 */
export type ChangeEvent = {
  table: LayerTable;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  at: string;
} & ({ row_id: number; row_ids?: undefined } | { row_ids: number[]; row_id?: undefined });

/**
 * Supabase-style JWT claims; `app_metadata.citygrid_role` carries the staff
 * role and `app_metadata.inspector_grids` the grid codes an inspector works.
 */
export interface Claims {
  role: 'anon' | 'authenticated' | 'service_role';
  sub?: string;
  email?: string;
  app_metadata?: { citygrid_role?: 'inspector' | 'commander' | 'admin'; inspector_grids?: string[] };
}

/** Everything the UI reads, writes and subscribes to. */
export interface CitygridData {
  readonly backend: 'supabase' | 'embedded';
  /** Live / reconnecting / offline, for the header; also tells views when to refetch. */
  readonly connection: ConnectionMonitor;
  /** Resolves once the database answers; until then calls wait for it. Rejects if it cannot start. */
  readonly ready: Promise<void>;
  /** Who is using the data: the account the database decides by, and how to change it. */
  readonly session: AccountSession;
  layerCounts(): Promise<LayerCounts>;
  categories(): Promise<CaseCategory[]>;
  grids(level: GridLevel, bbox?: Bbox, ids?: number[]): Promise<Grid[]>;
  cases(query?: CaseQuery): Promise<CaseColumns>;
  /** Cases changed after `since` (by the database's clock), and that clock now, to pass next time. */
  casesChangedSince(since: Date): Promise<{ ids: number[]; checkedAt: number }>;
  caseDetail(id: number): Promise<CaseDetail | null>;
  trackCase(trackingCode: string): Promise<TrackedCase | null>;
  /** A grid by its code (as on its QR sheet), or null. */
  gridByCode(code: string): Promise<GridPlace | null>;
  /** Adds one of at most 3 photos to the caller's own report, within an hour of reporting; kept in Storage on Supabase. */
  attachReportPhoto(trackingCode: string, mime: string, base64: string): Promise<void>;
  /** The reporter's answer on the work: fixed closes the case, not fixed (with a note) sends it back to handling. */
  residentVerdict(trackingCode: string, fixed: boolean, note?: string): Promise<{ caseNo: string; status: CaseStatus }>;
  fireStations(bbox?: Bbox, ids?: number[]): Promise<FireStation[]>;
  parkingLots(bbox?: Bbox, ids?: number[]): Promise<ParkingLot[]>;
  volunteerPosts(bbox?: Bbox, ids?: number[]): Promise<VolunteerPost[]>;
  nearestParking(lon: number, lat: number, minFree?: number, limit?: number): Promise<NearbyParkingLot[]>;
  /** These lots, full or not, as seen from a point: a listed lot re-read after it changed. */
  parkingSeenFrom(lon: number, lat: number, ids: number[]): Promise<NearbyParkingLot[]>;
  /** The lots' readings over the last `hours`, oldest first. */
  parkingHistory(ids: number[], hours?: number): Promise<ParkingReading[]>;
  /** Sub-districts, grids and lots whose name or code contains the text. */
  searchParkingPlaces(text: string, limit?: number): Promise<ParkingPlace[]>;
  kpis(subdistrictCode?: string): Promise<Kpis>;
  /** The sub-districts named by code or short code (all when none). */
  wallAreas(areas: string[] | null): Promise<WallArea[]>;
  /** The wall's KPIs for those sub-districts, now and at the same hour yesterday, against a close-rate target (0..1]. */
  wallKpis(areas: string[] | null, target: number): Promise<WallKpis>;
  /** Their top-level grids with open and overdue cases per km². */
  wallGrids(areas: string[] | null): Promise<WallGrid[]>;
  reportCase(report: CaseReport): Promise<ReportedCase>;
  /** The moves the caller may make on the case now: the UI offers exactly these. */
  allowedMoves(id: number): Promise<CaseMove[]>;
  /** Attaches a photo (JPEG, PNG or WebP, at most 1 MB) to a case the caller works. */
  attachCasePhoto(id: number, mime: string, base64: string): Promise<CasePhoto>;
  /** A photo as a URL to show (a data URL, or a short-lived signed one for Storage), for staff who may see it. */
  casePhoto(photo: Pick<CasePhoto, 'id' | 'path'>): Promise<string | null>;
  /** The grid ids the caller works (an inspector's grids and all inside them); 'all' for commanders and admins, none for the public. */
  myGrids(): Promise<number[] | 'all'>;
  /** The case a typed case number names. */
  findCase(caseNo: string): Promise<{ id: number; lon: number; lat: number } | null>;
  /** Close rate, on-time close rate and median time to close of cases reported in [from, to), per group. */
  closeRates(from: Date, to: Date, group: CloseRateGroup): Promise<CloseRate[]>;
  /** Moves a case from the status the caller saw; refused if it has moved since. */
  transitionCase(id: number, from: CaseStatus, to: CaseStatus, note?: string): Promise<void>;
  recordParkingReading(lotId: number, freeSpaces: number, observedAt?: Date): Promise<void>;
  /** Creates or updates lots and their readings from a file's rows (admins); with `dryRun` checks them and keeps nothing. */
  importParking(rows: ParkingImportRow[], dryRun: boolean): Promise<ParkingImportResult[]>;
  /** Calls `listener` with every change event; returns the unsubscribe function. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}
