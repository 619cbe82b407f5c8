import type { MultiPolygon } from 'geojson';
import type { AccountSession } from '../accounts/session';
import { concatCaseColumns, toCaseColumns } from './case-columns';
import { epochMs, num } from './values';
import type { RpcTransport, Row } from './rpc';
import {
  type Bbox,
  type CaseColumns,
  type CaseDetail,
  type CaseMove,
  type CasePhoto,
  type CaseStage,
  type CloseRate,
  type CaseStatus,
  CASE_READ_LIMIT,
  type CaseQuery,
  type CitygridData,
  type FireStation,
  type Grid,
  type Kpis,
  type LayerCounts,
  type NearbyParkingLot,
  type ParkingImportResult,
  type ParkingImportRow,
  type ParkingLot,
  type ParkingPlace,
  type TrackedCase,
  type VolunteerPost,
  type WallArea,
  type WallGrid,
  type WallKpis,
  WALL_KPIS,
} from './types';

const orNull = <T>(value: T | undefined | null): T | null => value ?? null;

function bboxArgs(bbox?: Bbox) {
  if (!bbox) return {};
  const [p_west, p_south, p_east, p_north] = bbox;
  return { p_west, p_south, p_east, p_north };
}

const rowBounds = (row: Row): Bbox => [num(row.west), num(row.south), num(row.east), num(row.north)];

function toGrid(row: Row): Grid {
  return {
    id: num(row.id),
    level: row.level as Grid['level'],
    parentId: row.parent_id == null ? null : num(row.parent_id),
    subdistrictId: num(row.subdistrict_id),
    code: row.code as string,
    nameZh: row.name_zh as string,
    nameEn: row.name_en as string,
    responsibleName: row.responsible_name as string,
    responsiblePhone: row.responsible_phone as string,
    openCases: num(row.open_cases),
    geometry: JSON.parse(row.geometry as string) as MultiPolygon,
  };
}

function toFireStation(row: Row): FireStation {
  return {
    id: num(row.id),
    code: row.code as string,
    kind: row.kind as FireStation['kind'],
    nameZh: row.name_zh as string,
    nameEn: row.name_en as string,
    staff: num(row.staff),
    responseMinutes: num(row.response_minutes),
    lon: num(row.lon),
    lat: num(row.lat),
  };
}

function toParkingLot(row: Row): ParkingLot {
  return {
    id: num(row.id),
    code: row.code as string,
    kind: row.kind as ParkingLot['kind'],
    nameZh: row.name_zh as string,
    nameEn: row.name_en as string,
    capacity: num(row.capacity),
    freeSpaces: num(row.free_spaces),
    feePerHourCny: row.fee_per_hour_cny == null ? null : num(row.fee_per_hour_cny),
    hours: row.hours as string,
    lon: num(row.lon),
    lat: num(row.lat),
    updatedAt: epochMs(row.updated_at),
  };
}

function toNearbyParkingLot(row: Row): NearbyParkingLot {
  return { ...toParkingLot(row), distanceM: num(row.distance_m), openNow: row.open_now === true, ageS: num(row.age_s), stale: row.stale === true };
}

function toVolunteerPost(row: Row): VolunteerPost {
  return {
    id: num(row.id),
    code: row.code as string,
    teamZh: row.team_zh as string,
    teamEn: row.team_en as string,
    nameZh: row.name_zh as string,
    nameEn: row.name_en as string,
    dutyKinds: row.duty_kinds as VolunteerPost['dutyKinds'],
    onDuty: num(row.on_duty),
    planned: num(row.planned),
    shiftStart: row.shift_start as string,
    shiftEnd: row.shift_end as string,
    lon: num(row.lon),
    lat: num(row.lat),
    updatedAt: epochMs(row.updated_at),
  };
}

const optionalNum = (value: unknown): number | null => (value == null ? null : num(value));
const optionalMs = (value: unknown): number | null => (value == null ? null : epochMs(value));

function toCasePhoto(row: Row): CasePhoto {
  return { id: row.id == null ? null : num(row.id), path: (row.path as string | undefined) ?? null, mime: row.mime as string, status: row.status as CaseStatus, at: epochMs(row.at ?? row.created_at), bytes: num(row.bytes ?? row.byte_size) };
}

function toCaseDetail(row: Row): CaseDetail {
  const events = (row.events as Row[]).map((e) => ({
    from: orNull(e.from as CaseDetail['status'] | null),
    to: e.to as CaseDetail['status'],
    role: e.role as string,
    note: orNull(e.note as string | null),
    at: epochMs(e.at),
  }));
  return {
    id: num(row.id),
    caseNo: row.case_no as string,
    categoryCode: row.category_code as string,
    source: row.source as CaseDetail['source'],
    status: row.status as CaseDetail['status'],
    description: row.description as string,
    address: orNull(row.address as string | null),
    lon: num(row.lon),
    lat: num(row.lat),
    gridId: row.grid_id == null ? null : num(row.grid_id),
    gridCode: orNull(row.grid_code as string | null),
    category: { zh: row.category_zh as string, en: row.category_en as string },
    grid: row.grid_code == null ? null : { zh: row.grid_zh as string, en: row.grid_en as string },
    responsible: row.responsible_name == null ? null : { name: row.responsible_name as string, phone: orNull(row.responsible_phone as string | null) },
    reportedAt: epochMs(row.reported_at),
    dueAt: epochMs(row.due_at),
    closedAt: optionalMs(row.closed_at),
    stage: orNull(row.stage as CaseStage | null),
    stageDueAt: optionalMs(row.stage_due_at),
    reporterContact: orNull(row.reporter_contact as string | null),
    duplicateOf: orNull(row.duplicate_of as string | null),
    camera: row.camera_code == null ? null : { code: row.camera_code as string, alarms: optionalNum(row.alarm_count) ?? 1 },
    events,
    photos: (row.photos as Row[]).map(toCasePhoto),
  };
}

function toTrackedCase(row: Row): TrackedCase {
  return {
    id: num(row.id),
    caseNo: row.case_no as string,
    categoryCode: row.category_code as string,
    status: row.status as CaseStatus,
    description: row.description as string,
    reportedAt: epochMs(row.reported_at),
    dueAt: epochMs(row.due_at),
    closedAt: row.closed_at == null ? null : epochMs(row.closed_at),
    timeline: (row.timeline as Row[]).map((e) => ({ status: e.status as CaseStatus, at: epochMs(e.at) })),
    grid: row.grid_zh == null ? null : { zh: row.grid_zh as string, en: row.grid_en as string },
    awaitingVerdict: row.awaiting_verdict === true,
  };
}

function toKpis(row: Row): Kpis {
  return {
    openCases: num(row.open_cases),
    reportedToday: num(row.reported_today),
    closedToday: num(row.closed_today),
    overdue: num(row.overdue),
    closeRate: num(row.close_rate),
    onTimeCloseRate: num(row.on_time_close_rate),
    medianCloseHours: row.median_close_hours == null ? null : num(row.median_close_hours),
    parkingFree: num(row.parking_free),
    parkingCapacity: num(row.parking_capacity),
    volunteersOnDuty: num(row.volunteers_on_duty),
    volunteerPostsUnstaffed: num(row.volunteer_posts_unstaffed),
    fireStations: num(row.fire_stations),
  };
}

/** import_parking's arguments. Rows go keyed by line: a JSON object travels as jsonb on both backends (an array would become a SQL array). */
export function parkingImportArgs(rows: ParkingImportRow[], dryRun: boolean) {
  return { p_rows: Object.fromEntries(rows.map(({ line, ...fields }) => [line, fields])), p_dry_run: dryRun };
}

export function toParkingImportResult(r: Row): ParkingImportResult {
  return {
    line: num(r.line),
    code: orNull(r.code as string | null),
    outcome: r.outcome as ParkingImportResult['outcome'],
    reading: orNull(r.reading as ParkingImportResult['reading']),
    reason: orNull(r.reason as string | null),
  };
}

/** Ids one cases_by_ids call takes (the function answers at most 10,000 rows). */
const IDS_PER_READ = 5000;
/** Rows a page of the full case read asks for. */
const CASE_PAGE = 50_000;

/** The typed data interface over either backend's transport, as the account of `session`. */
export function createCitygridData(transport: RpcTransport, session: AccountSession): CitygridData {
  let categoryCodes: string[] = [];

  /** Every case, in pages newest first; past `limit` the oldest are left out, and the columns say so. */
  async function allCases(limit: number): Promise<CaseColumns> {
    const pages: CaseColumns[] = [];
    let read = 0;
    let beforeId: number | null = null;
    // One row past the limit tells a capped read from one that got everything.
    while (read <= limit) {
      const asked = Math.min(CASE_PAGE, limit + 1 - read);
      const rows = await transport.call('cases_page', { p_before_id: beforeId, p_limit: asked });
      const capped = read + rows.length > limit;
      const page = toCaseColumns(capped ? rows.slice(0, limit - read) : rows, categoryCodes);
      pages.unshift(page);
      read += rows.length;
      if (capped || rows.length < asked) break;
      beforeId = page.ids[0];
    }
    const columns = concatCaseColumns(pages, categoryCodes);
    columns.capped = read > limit;
    return columns;
  }

  return {
    backend: transport.backend,
    connection: transport.connection,
    ready: transport.ready,
    session,
    async layerCounts() {
      const rows = await transport.call('layer_counts', {});
      return Object.fromEntries(rows.map((r) => [r.layer, num(r.count)])) as LayerCounts;
    },
    async categories() {
      const rows = await transport.call('list_case_categories', {});
      categoryCodes = rows.map((r) => r.code as string);
      return rows.map((r) => ({
        code: r.code as string,
        kind: r.kind as 'component' | 'event',
        nameZh: r.name_zh as string,
        nameEn: r.name_en as string,
        slaHours: num(r.sla_hours),
      }));
    },
    async grids(level, bbox, ids) {
      const rows = await transport.call('grids_in_bbox', { ...bboxArgs(bbox), p_level: level, p_ids: ids ?? null });
      return rows.map(toGrid);
    },
    async cases(query: CaseQuery = {}) {
      if (query.ids && !query.bbox && !query.statuses && !query.categories && !query.sources && !query.since) {
        const rows: Row[] = [];
        for (let i = 0; i < query.ids.length; i += IDS_PER_READ) {
          rows.push(...(await transport.call('cases_by_ids', { p_ids: query.ids.slice(i, i + IDS_PER_READ) })));
        }
        return toCaseColumns(rows, categoryCodes);
      }
      const limit = query.limit ?? CASE_READ_LIMIT;
      if (!query.bbox && !query.statuses && !query.categories && !query.sources && !query.since && !query.ids) return allCases(limit);
      const rows = await transport.call('cases_in_bbox', {
        ...bboxArgs(query.bbox),
        p_statuses: query.statuses ?? null,
        p_categories: query.categories ?? null,
        p_sources: query.sources ?? null,
        p_since: query.since?.toISOString() ?? null,
        p_ids: query.ids ?? null,
        p_limit: limit + 1,
      });
      // One row past the limit tells a capped read from one that got everything.
      const capped = rows.length > limit;
      const columns = toCaseColumns(capped ? rows.slice(0, limit) : rows, categoryCodes);
      columns.capped = capped;
      return columns;
    },
    async casesChangedSince(since) {
      const [row] = await transport.call('cases_changed_since', { p_since: since.toISOString() });
      return { ids: (row.ids as number[]).map(num), checkedAt: epochMs(row.checked_at) };
    },
    async caseDetail(id) {
      const [row] = await transport.call('case_detail', { p_case_id: id });
      return row ? toCaseDetail(row) : null;
    },
    async trackCase(trackingCode) {
      const [row] = await transport.call('track_case', { p_tracking_code: trackingCode });
      return row ? toTrackedCase(row) : null;
    },
    async gridByCode(code) {
      const [row] = await transport.call('grid_by_code', { p_code: code });
      if (!row) return null;
      return { id: num(row.id), code: row.code as string, nameZh: row.name_zh as string, nameEn: row.name_en as string, lon: num(row.lon), lat: num(row.lat) };
    },
    async attachReportPhoto(trackingCode, mime, base64) {
      if (transport.storeReportPhoto) await transport.storeReportPhoto(trackingCode, mime, base64);
      else await transport.call('attach_report_photo', { p_tracking_code: trackingCode, p_mime: mime, p_data_base64: base64 });
    },
    async residentVerdict(trackingCode, fixed, note) {
      const [row] = await transport.call('resident_verdict', { p_tracking_code: trackingCode, p_fixed: fixed, p_note: note ?? null });
      return { caseNo: row.case_no as string, status: row.status as CaseStatus };
    },
    async fireStations(bbox, ids) {
      return (await transport.call('fire_stations_in_bbox', { ...bboxArgs(bbox), p_ids: ids ?? null })).map(toFireStation);
    },
    async parkingLots(bbox, ids) {
      return (await transport.call('parking_in_bbox', { ...bboxArgs(bbox), p_ids: ids ?? null })).map(toParkingLot);
    },
    async volunteerPosts(bbox, ids) {
      return (await transport.call('volunteer_posts_in_bbox', { ...bboxArgs(bbox), p_ids: ids ?? null })).map(toVolunteerPost);
    },
    async nearestParking(lon, lat, minFree = 1, limit = 10) {
      const rows = await transport.call('nearest_parking', { p_lon: lon, p_lat: lat, p_min_free: minFree, p_limit: limit, p_ids: null });
      return rows.map(toNearbyParkingLot);
    },
    async parkingSeenFrom(lon, lat, ids) {
      const rows = await transport.call('nearest_parking', { p_lon: lon, p_lat: lat, p_min_free: 0, p_limit: 100, p_ids: ids });
      return rows.map(toNearbyParkingLot);
    },
    async parkingHistory(ids, hours = 24) {
      const rows = await transport.call('parking_history', { p_lot_ids: ids, p_hours: hours });
      return rows.map((r) => ({ lotId: num(r.lot_id), at: epochMs(r.observed_at), freeSpaces: num(r.free_spaces) }));
    },
    async searchParkingPlaces(text, limit = 8) {
      const rows = await transport.call('search_parking_places', { p_query: text, p_limit: limit });
      return rows.map((r): ParkingPlace => ({
        kind: r.kind as ParkingPlace['kind'],
        code: r.code as string,
        nameZh: r.name_zh as string,
        nameEn: r.name_en as string,
        lon: num(r.lon),
        lat: num(r.lat),
      }));
    },
    async kpis(subdistrictCode) {
      const [row] = await transport.call('kpi_summary', { p_subdistrict_code: subdistrictCode ?? null });
      return toKpis(row);
    },
    async wallAreas(areas) {
      const rows = await transport.call('wall_areas', { p_subdistrict_codes: areas });
      return rows.map((r): WallArea => ({
        code: r.code as string, shortCode: r.short_code as string, nameZh: r.name_zh as string, nameEn: r.name_en as string, bounds: rowBounds(r),
      }));
    },
    async wallKpis(areas, target) {
      const rows = await transport.call('wall_kpis', { p_subdistrict_codes: areas, p_target: target });
      const byKpi = new Map(rows.map((r) => [r.kpi as string, { now: optionalNum(r.now_value), yesterday: optionalNum(r.yesterday_value) }]));
      return Object.fromEntries(WALL_KPIS.map((kpi) => [kpi, byKpi.get(kpi) ?? { now: null, yesterday: null }])) as WallKpis;
    },
    async wallGrids(areas) {
      const rows = await transport.call('wall_grids', { p_subdistrict_codes: areas });
      return rows.map((r): WallGrid => ({
        id: num(r.grid_id), code: r.code as string, nameZh: r.name_zh as string, nameEn: r.name_en as string,
        areaKm2: num(r.area_km2), openCases: num(r.open_cases), overdue: num(r.overdue),
        openPerKm2: num(r.open_per_km2), overduePerKm2: num(r.overdue_per_km2), bounds: rowBounds(r),
      }));
    },
    async reportCase(report) {
      const [row] = await transport.call('report_case', {
        p_category_code: report.categoryCode,
        p_location: { type: 'Point', coordinates: [report.lon, report.lat] },
        p_description: report.description,
        p_source: report.source ?? 'resident_qr',
        p_contact: report.contact ?? null,
        p_address: report.address ?? null,
      });
      return {
        id: num(row.id),
        caseNo: row.case_no as string,
        trackingCode: row.tracking_code as string,
        gridCode: orNull(row.grid_code as string | null),
        dueAt: epochMs(row.due_at),
        duplicateOf: orNull(row.duplicate_of as string | null),
      };
    },
    async allowedMoves(id) {
      const rows = await transport.call('allowed_moves', { p_case_id: id });
      return rows.map((r): CaseMove => ({ to: r.to_status as CaseStatus, needsNote: r.needs_note === true, needsPhoto: r.needs_photo === true }));
    },
    async attachCasePhoto(id, mime, base64) {
      const [row] = await transport.call('attach_case_photo', { p_case_id: id, p_mime: mime, p_data_base64: base64 });
      return toCasePhoto(row);
    },
    async casePhoto(photo) {
      if (photo.path) return transport.reportPhotoUrl ? transport.reportPhotoUrl(photo.path) : null;
      const [row] = await transport.call('case_photo', { p_photo_id: photo.id });
      return row ? `data:${row.mime as string};base64,${row.data_base64 as string}` : null;
    },
    async myGrids() {
      const rows = await transport.call('my_grids', {});
      return rows.some((r) => r.everywhere === true) ? 'all' : rows.map((r) => num(r.grid_id));
    },
    async findCase(caseNo) {
      const [row] = await transport.call('find_case', { p_case_no: caseNo });
      return row ? { id: num(row.id), lon: num(row.lon), lat: num(row.lat) } : null;
    },
    async closeRates(from, to, group) {
      const rows = await transport.call('close_rates', { p_from: from.toISOString(), p_to: to.toISOString(), p_group: group });
      return rows.map((r): CloseRate => ({
        key: r.group_key as string,
        nameZh: r.name_zh as string,
        nameEn: r.name_en as string,
        reported: num(r.reported),
        rejected: num(r.rejected),
        closed: num(r.closed),
        closeRate: optionalNum(r.close_rate),
        onTimeClosed: num(r.on_time_closed),
        onTimeCloseRate: optionalNum(r.on_time_close_rate),
        medianCloseHours: optionalNum(r.median_close_hours),
      }));
    },
    async transitionCase(id, from, to, note) {
      await transport.call('transition_case', { p_case_id: id, p_from_status: from, p_to_status: to, p_note: note ?? null });
    },
    async recordParkingReading(lotId, freeSpaces, observedAt) {
      await transport.call('record_parking_reading', {
        p_lot_id: lotId,
        p_free_spaces: freeSpaces,
        // Without a time the database clock dates the reading, not this device's.
        p_observed_at: observedAt?.toISOString() ?? null,
      });
    },
    async importParking(rows, dryRun) {
      return (await transport.call('import_parking', parkingImportArgs(rows, dryRun))).map(toParkingImportResult);
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}
