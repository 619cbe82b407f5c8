import { CASE_SOURCES, CASE_STATUSES, type CaseSource, type CaseStatus } from '../data/types';
import { OVERLAY_IDS, type OverlayId } from './overlay-ids';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface CaseFilters {
  statuses: CaseStatus[];
  categories: string[];
  sources: CaseSource[];
  /** Only cases reported within this many days. */
  sinceDays: number;
  /** Only open cases past their due time. */
  overdueOnly: boolean;
  /** While replaying, the moment shown: the reports of the day before it, whatever their status now. */
  replayAt: number | null;
}

export const OPEN_STATUSES: CaseStatus[] = ['reported', 'registered', 'dispatched', 'handling', 'handled'];
const DEFAULT_VIEW: MapView = { lon: 121.485, lat: 31.262, zoom: 12.2, bearing: 0, pitch: 0 };
const DEFAULT_SINCE_DAYS = 30;

/** Camera, layer visibility and filters: the whole view, mirrored in the URL hash so a link reproduces it. */
export class MapState {
  view = $state<MapView>({ ...DEFAULT_VIEW });
  visible = $state<Record<OverlayId, boolean>>(Object.fromEntries(OVERLAY_IDS.map((id) => [id, true])) as Record<OverlayId, boolean>);
  filters = $state<CaseFilters>({ statuses: [...OPEN_STATUSES], categories: [], sources: [], sinceDays: DEFAULT_SINCE_DAYS, overdueOnly: false, replayAt: null });
  fireCoverage = $state(false);

  /** Where the map should fly next (a case opened from a list); MapView follows it. */
  flight = $state.raw<{ lon: number; lat: number; zoom: number } | null>(null);

  flyTo(lon: number, lat: number, zoom = Math.max(this.view.zoom, 17)) {
    this.flight = { lon, lat, zoom };
  }

  /** The state as a URL query (the part of the hash route after `?`). */
  toQuery(): string {
    const v = this.view;
    const params = new URLSearchParams();
    params.set('map', `${v.zoom.toFixed(2)}/${v.lat.toFixed(5)}/${v.lon.toFixed(5)}/${Math.round(v.bearing)}/${Math.round(v.pitch)}`);
    params.set('layers', OVERLAY_IDS.filter((id) => this.visible[id]).join(','));
    params.set('status', this.filters.statuses.join(','));
    if (this.filters.categories.length) params.set('cat', this.filters.categories.join(','));
    if (this.filters.sources.length) params.set('src', this.filters.sources.join(','));
    params.set('days', String(this.filters.sinceDays));
    if (this.fireCoverage) params.set('cover', '1');
    if (this.filters.overdueOnly) params.set('overdue', '1');
    return params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  }

  /** Applies what a query says; anything missing or malformed keeps its current value. */
  applyQuery(query: string) {
    const params = new URLSearchParams(query);
    const [zoom, lat, lon, bearing = 0, pitch = 0] = (params.get('map') ?? '').split('/').map(Number);
    if ([zoom, lat, lon, bearing, pitch].every(Number.isFinite) && zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) {
      this.view = { zoom, lat, lon, bearing, pitch };
    }
    const list = (key: string) => (params.has(key) ? params.get(key)!.split(',').filter(Boolean) : null);
    const layers = list('layers');
    if (layers) this.visible = Object.fromEntries(OVERLAY_IDS.map((id) => [id, layers.includes(id)])) as Record<OverlayId, boolean>;
    const statuses = list('status');
    if (statuses) this.filters.statuses = statuses.filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s));
    const sources = list('src');
    if (sources) this.filters.sources = sources.filter((s): s is CaseSource => (CASE_SOURCES as readonly string[]).includes(s));
    this.filters.categories = list('cat') ?? this.filters.categories;
    const days = Number(params.get('days'));
    if (params.has('days') && Number.isInteger(days) && days >= 1 && days <= 365) this.filters.sinceDays = days;
    this.fireCoverage = params.get('cover') === '1';
    this.filters.overdueOnly = params.get('overdue') === '1';
  }
}
