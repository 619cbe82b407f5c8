import { ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { caseNo, indexOfCase } from '../data/case-columns';
import { GRID_HIGHLIGHT, HOTSPOT_RAMP } from '../theme/theme';
import { caseMatcher, OVERDUE_RING } from './case-attributes';
import { casesInHotspot } from './case-selection';
import type { CaseStore } from './cases';
import { binHotspots, heatClasses, hexPolygon, hexRadiusForZoom, hotspotOpacity, type HotspotBins, type HotspotCell } from './hotspot-bins';
import type { LegendItem, Overlay, OverlayContext } from './overlay';

/**
 * Hotspots: open cases binned into hexagons that keep their size on screen,
 * coloured by heat (recent and overdue cases weigh most). Drawn zoomed out and
 * faded out zooming in, where the case dots take over; overdue cases keep a
 * red halo above the cells. Everything is read from the case store.
 */
export interface HotspotStore {
  /** The last binning and what it was binned from: recomputed only when one of those changes. */
  drawn?: { key: string; cases: CaseStore; bins: HotspotBins; classes: Uint8Array };
}

const MINUTE_MS = 60_000;
/** Gap left between neighbouring cells, as a share of the radius. */
const CELL_COVERAGE = 0.92;
const URGENT_LISTED = 5;

function binsFor(store: HotspotStore, cases: CaseStore, ctx: OverlayContext): NonNullable<HotspotStore['drawn']> {
  const radius = hexRadiusForZoom(ctx.zoom);
  const minute = Math.floor(ctx.now / MINUTE_MS);
  const { statuses, categories, sources, sinceDays } = ctx.state.filters;
  const key = `${radius}|${minute}|${statuses}|${categories}|${sources}|${sinceDays}`;
  if (store.drawn?.cases !== cases || store.drawn.key !== key) {
    const now = minute * MINUTE_MS;
    const bins = binHotspots(cases.columns, caseMatcher(cases.columns, ctx.state.filters, now), now, radius);
    store.drawn = { key, cases, bins, classes: heatClasses(bins.cells, HOTSPOT_RAMP.length) };
  }
  return store.drawn;
}

export const hotspotsOverlay: Overlay<HotspotStore> = {
  id: 'hotspots',
  label: 'layerHotspots',
  table: 'cases',

  async load() {
    return {};
  },

  /** Nothing of its own to read: the cells follow the case store. */
  async refresh(store) {
    return store;
  },

  layers(store, ctx) {
    const cases = ctx.peek<CaseStore>('cases');
    const opacity = hotspotOpacity(ctx.zoom);
    if (!cases || opacity === 0) return [];
    const { bins, classes } = binsFor(store, cases, ctx);
    const overdue = bins.overduePositions;
    return [
      new SolidPolygonLayer<HotspotCell>({
        id: 'hotspots',
        data: bins.cells,
        pickable: true,
        autoHighlight: true,
        highlightColor: GRID_HIGHLIGHT,
        opacity,
        getPolygon: (cell) => hexPolygon(cell.i, cell.j, cell.radius, CELL_COVERAGE),
        getFillColor: (_cell, { index }) => HOTSPOT_RAMP[classes[index]],
      }),
      new ScatterplotLayer({
        id: 'hotspots-overdue',
        data: { length: overdue.length / 2, attributes: { getPosition: { value: overdue, size: 2 } } } as never,
        opacity,
        stroked: true,
        filled: false,
        radiusUnits: 'pixels',
        getRadius: 3.5,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        getLineColor: OVERDUE_RING,
      }),
    ];
  },

  legend(ctx): LegendItem[] {
    const [low, , mid, , high] = HOTSPOT_RAMP;
    return [
      { label: ctx.t('heatLow'), colour: low, shape: 'fill' },
      { label: ctx.t('heatMedium'), colour: mid, shape: 'fill' },
      { label: ctx.t('heatHigh'), colour: high, shape: 'fill' },
      { label: ctx.t('overdue'), colour: OVERDUE_RING, shape: 'ring' },
    ];
  },

  tooltip(info, _store, ctx) {
    const cell = info.object as HotspotCell | undefined;
    if (!cell) return null;
    return `${ctx.t('hotspot')} · ${ctx.t('openCases')} ${cell.count} · ${ctx.t('overdue')} ${cell.overdue}`;
  },

  async popup(info, _store, ctx) {
    const cell = info.object as HotspotCell | undefined;
    const cases = ctx.peek<CaseStore>('cases');
    if (!cell || !cases) return null;
    const c = cases.columns;
    const caseIds = casesInHotspot(c, cell, caseMatcher(c, ctx.state.filters, ctx.now), ctx.now);
    const urgent = caseIds.slice(0, URGENT_LISTED).map((id) => caseNo(c, indexOfCase(c, id)));
    return {
      title: ctx.t('hotspot'),
      subtitle: `${ctx.t('heat')} ${cell.heat.toFixed(1)}`,
      fields: [
        { label: ctx.t('openCases'), value: String(caseIds.length) },
        { label: ctx.t('overdue'), value: String(cell.overdue) },
        { label: ctx.t('mostUrgent'), value: urgent.join(', ') },
      ],
      caseIds,
    };
  },
};
