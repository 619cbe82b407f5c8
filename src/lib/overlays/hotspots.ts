import { ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { CaseColumns } from '../data/types';
import { GRID_HIGHLIGHT, HOTSPOT_RAMP } from '../theme/theme';
import { caseMatcher, OVERDUE_RING } from './case-attributes';
import { inHotspot } from './case-selection';
import type { CaseStore } from './cases';
import { hexPolygon } from './hexagons';
import { binHotspots, heatClasses, hexRadiusForZoom, hotspotOpacity, patchHotspots, type HotspotBins, type HotspotCell } from './hotspot-bins';
import type { LegendItem, Overlay, OverlayContext } from './overlay';

/**
 * Hotspots: open cases binned into hexagons that keep their size on screen,
 * coloured by heat (recent and overdue cases weigh most). Drawn zoomed out and
 * faded out zooming in, where the case dots take over; overdue cases keep a
 * red halo above the cells. Everything is read from the case store.
 */
export interface HotspotStore {
  /** The last binning and what it was binned from: binned again only when one of those changes, moved by live patches. */
  drawn?: Drawn;
}

interface Drawn {
  key: string;
  cases: CaseStore;
  bins: HotspotBins;
  classes: Uint8Array;
}

const MINUTE_MS = 60_000;
/** Gap left between neighbouring cells, as a share of the radius. */
const CELL_COVERAGE = 0.92;

/** What a binning depends on besides the cases: cell size, minute (heat and overdue move with it) and filters. */
function binningOf(ctx: OverlayContext) {
  const radius = hexRadiusForZoom(ctx.zoom);
  const minute = Math.floor(ctx.now / MINUTE_MS);
  const { statuses, categories, sources, sinceDays } = ctx.state.filters;
  const now = minute * MINUTE_MS;
  return { radius, now, key: `${radius}|${minute}|${statuses}|${categories}|${sources}|${sinceDays}`, includeOf: (c: CaseColumns) => caseMatcher(c, ctx.state.filters, now) };
}

const drawing = (key: string, cases: CaseStore, bins: HotspotBins): Drawn => ({ key, cases, bins, classes: heatClasses(bins.cells, HOTSPOT_RAMP.length) });

/** The bins for the current cases and view: the ones kept if still current, else binned afresh and kept. */
function binsFor(store: HotspotStore, cases: CaseStore, ctx: OverlayContext): Drawn {
  const { radius, now, key, includeOf } = binningOf(ctx);
  if (store.drawn?.cases !== cases || store.drawn.key !== key) store.drawn = drawing(key, cases, binHotspots(cases.columns, includeOf(cases.columns), now, radius));
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

  /** Moves the cells by what a live patch changed, where they were binned from the cases before it; else they are binned afresh when drawn. */
  followCases(store, before, after, ctx) {
    const drawn = store.drawn;
    if (drawn?.cases !== before || !after.lastPatch) return {};
    const { key, now, includeOf } = binningOf(ctx);
    return drawn.key === key ? { drawn: drawing(key, after, patchHotspots(drawn.bins, after.lastPatch, includeOf, now)) } : {};
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

  /** A hotspot lists the cases it counts. */
  select(info, _store, ctx) {
    const cell = info.object as HotspotCell | undefined;
    const cases = ctx.peek<CaseStore>('cases');
    if (!cell || !cases) return null;
    return {
      kind: 'cases',
      key: `hotspot:${cell.radius}:${cell.i}:${cell.j}`,
      title: ctx.t('hotspot'),
      subtitle: `${ctx.t('heat')} ${cell.heat.toFixed(1)}`,
      fields: [{ label: ctx.t('overdue'), value: String(cell.overdue) }],
      includes: inHotspot(cell, caseMatcher(cases.columns, ctx.state.filters, ctx.now)),
    };
  },
};
