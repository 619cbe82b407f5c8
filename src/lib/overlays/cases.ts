import { DataFilterExtension } from '@deck.gl/extensions';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { caseNo, indexOfCase, patchCaseColumns, type CasePatch } from '../data/case-columns';
import { CASE_STATUSES, type CaseCategory, type CaseColumns, type CaseStatus } from '../data/types';
import { CASE_STATUS_COLOURS, LABEL_FONT, PULSE_COLOUR } from '../theme/theme';
import { caseFilterProps, caseMatcher, drawCases, drawingAt, isOverdue, OVERDUE_RING, redrawPatched, type DrawnCases } from './case-attributes';
import { addPulses, alivePulses, PULSE_MS, pulsesEndAt, type Pulse } from './case-pulses';
import { hotspotOpacity } from './hotspot-bins';
import type { LegendItem, Overlay, OverlayContext } from './overlay';
import { PulseLayer } from './pulse-layer';

export interface CaseStore {
  columns: CaseColumns;
  categories: CaseCategory[];
  drawn: DrawnCases;
  /** What the last refresh changed, for the overlays drawn from the cases (grid counts and donuts, hotspots). */
  lastPatch?: CasePatch;
  /** Cases that arrived or changed live a moment ago: each rings once. */
  pulses: Pulse[];
}

export function caseStore(columns: CaseColumns, categories: CaseCategory[], now = Date.now()): CaseStore {
  return { columns, categories, drawn: drawCases(columns, now), pulses: [] };
}

export const STATUS_LABEL: Record<CaseStatus, { zh: string; en: string }> = {
  reported: { zh: '上报', en: 'Reported' },
  registered: { zh: '立案', en: 'Registered' },
  dispatched: { zh: '派遣', en: 'Dispatched' },
  handling: { zh: '处置中', en: 'Handling' },
  handled: { zh: '待核查', en: 'Awaiting check' },
  closed: { zh: '结案', en: 'Closed' },
  rejected: { zh: '不予立案', en: 'Rejected' },
};

export const SOURCE_LABEL = {
  resident_qr: { zh: '居民扫码', en: 'Resident QR' },
  inspector_patrol: { zh: '巡查发现', en: 'Patrol' },
  ai_camera: { zh: 'AI 摄像头', en: 'AI camera' },
  hotline_12345: { zh: '12345 热线', en: '12345 hotline' },
} as const;

/** Glyph per category: a character a Shanghai inspector reads at a glance. */
function categoryGlyph(category: CaseCategory | undefined, locale: 'zh' | 'en'): string {
  if (!category) return '?';
  if (locale === 'en') return category.nameEn[0].toUpperCase();
  const keywords: [RegExp, string][] = [[/摊|经营/, '摊'], [/车/, '车'], [/垃圾/, '垃'], [/建/, '建'], [/充电|火/, '火'], [/井/, '井']];
  return keywords.find(([pattern]) => pattern.test(category.nameZh))?.[1] ?? category.nameZh[0];
}

const GLYPH_MIN_ZOOM = 16;

/** The drawing for this minute, kept on the store so the next call reuses it. */
function drawnAt(store: CaseStore, now: number): DrawnCases {
  return (store.drawn = drawingAt(store.drawn, store.columns, now));
}

function categoryName(store: CaseStore, index: number, ctx: OverlayContext): string {
  const code = store.columns.categoryCodes[index];
  const category = store.categories.find((c) => c.code === code);
  return category ? (ctx.locale === 'zh' ? category.nameZh : category.nameEn) : code;
}

/** Where hotspots are drawn the dots step back, to this share at most. */
const DOTS_UNDER_HOTSPOTS = 0.15;
const dotOpacity = (ctx: OverlayContext) => (ctx.state.visible.hotspots ? 1 - (1 - DOTS_UNDER_HOTSPOTS) * hotspotOpacity(ctx.zoom) : 1);

/** A ring on each case that changed live a moment ago and passes the filters; none once every ring has faded. */
function pulseLayer(store: CaseStore, ctx: OverlayContext) {
  const c = store.columns;
  const matches = caseMatcher(c, ctx.state.filters, ctx.now);
  const alive = alivePulses(store.pulses, Date.now());
  const rings = alive.map((pulse) => ({ startedAt: pulse.startedAt, row: indexOfCase(c, pulse.id) })).filter(({ row }) => row >= 0 && matches(row));
  if (!rings.length) return [];
  return [
    new PulseLayer({
      id: 'cases-pulse',
      data: rings,
      getPosition: ({ row }) => [c.positions[2 * row], c.positions[2 * row + 1]],
      getStartedAt: ({ startedAt }) => startedAt,
      endsAt: pulsesEndAt(rings),
      durationMs: PULSE_MS,
      colour: PULSE_COLOUR,
    }),
  ];
}

function glyphLayer(store: CaseStore, ctx: OverlayContext) {
  const c = store.columns;
  const matches = caseMatcher(c, ctx.state.filters, ctx.now);
  const visible: number[] = [];
  for (let i = 0; i < c.length; i++) if (matches(i)) visible.push(i);
  const glyphs = c.categoryCodes.map((code) => categoryGlyph(store.categories.find((x) => x.code === code), ctx.locale));
  return new TextLayer<number>({
    id: 'cases-glyph',
    data: visible,
    getPosition: (i) => [c.positions[2 * i], c.positions[2 * i + 1]],
    getText: (i) => glyphs[c.categories[i]],
    getSize: 11,
    getColor: [255, 255, 255, 255],
    fontFamily: LABEL_FONT,
    fontWeight: 700,
    characterSet: 'auto',
  });
}

export const casesOverlay: Overlay<CaseStore> = {
  id: 'cases',
  label: 'layerCases',
  table: 'cases',

  async load({ data, now }) {
    const categories = await data.categories();
    return caseStore(await data.cases(), categories, now);
  },

  /** Patches the re-read cases into the columns in place and uploads only what they changed. */
  async refresh(store, ids, { data }) {
    const patch = patchCaseColumns(store.columns, ids, await data.cases({ ids }));
    const changed = patch.rows.map((row) => patch.columns.ids[row]);
    return { ...store, columns: patch.columns, drawn: redrawPatched(store.drawn, patch), lastPatch: patch, pulses: addPulses(store.pulses, changed, Date.now()) };
  },

  layers(store, ctx) {
    const c = store.columns;
    const drawn = drawnAt(store, ctx.now);
    const points = new ScatterplotLayer({
      id: 'cases',
      data: drawn.data as never,
      pickable: true,
      opacity: dotOpacity(ctx),
      stroked: true,
      radiusUnits: 'pixels',
      radiusScale: ctx.zoom >= GLYPH_MIN_ZOOM ? 2 : 1,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      extensions: [new DataFilterExtension({ filterSize: 1, categorySize: 3 })],
      ...caseFilterProps(c, ctx.state.filters, drawn.attributes.baseMs),
    } as never);
    return [points, ...(ctx.zoom >= GLYPH_MIN_ZOOM ? [glyphLayer(store, ctx)] : []), ...pulseLayer(store, ctx)];
  },

  legend(ctx): LegendItem[] {
    const statuses: LegendItem[] = ctx.state.filters.statuses.map((s) => ({ label: STATUS_LABEL[s][ctx.locale], colour: CASE_STATUS_COLOURS[s], shape: 'circle' }));
    return [...statuses, { label: ctx.t('overdue'), colour: OVERDUE_RING, shape: 'ring' }];
  },

  tooltip(info, store, ctx) {
    const i = info.index;
    if (i < 0) return null;
    const c = store.columns;
    const overdue = isOverdue(c, i, ctx.now) ? ` · ${ctx.t('overdue')}` : '';
    return `${caseNo(c, i)} · ${STATUS_LABEL[CASE_STATUSES[c.statuses[i]]][ctx.locale]}${overdue}\n${categoryName(store, c.categories[i], ctx)}`;
  },

  select(info, store) {
    return info.index < 0 ? null : { kind: 'case', id: store.columns.ids[info.index] };
  },
};

