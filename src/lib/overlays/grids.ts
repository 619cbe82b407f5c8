import { GeoJsonLayer } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import type { Feature, MultiPolygon } from 'geojson';
import type { Grid, GridLevel } from '../data/types';
import { GRID_HIGHLIGHT, GRID_LINE, GRID_MIX_COLOURS } from '../theme/theme';
import { inGridMix } from './case-selection';
import type { CaseStore } from './cases';
import { currentMix, donutLayer, donutOpacity, mixRuleFor, patchMix, type Donut, type MixState } from './grid-donuts';
import { MIX_CLASSES, parentsOf } from './grid-mix';
import type { LegendItem, Overlay, OverlayContext } from './overlay';

export interface GridStore {
  byLevel: Record<GridLevel, Grid[]>;
  /**
   * The outlines deck.gl draws, per level. They change only when a grid's
   * shape does: open-case counts move without deck.gl tessellating again.
   */
  shapes: Record<GridLevel, GridFeature[]>;
  /** Each grid's status mix, kept with what it was counted from (see grid-donuts). */
  mix?: MixState;
}

export type GridFeature = Feature<MultiPolygon, { id: number; level: GridLevel }>;

/** Grids far out, micro-grids in the middle, meta-grids close in. */
export function levelForZoom(zoom: number): GridLevel {
  if (zoom < 14) return 'grid';
  if (zoom < 15.5) return 'micro_grid';
  return 'meta_grid';
}

const LEVEL_LABEL = {
  grid: { zh: '网格', en: 'Grid' },
  micro_grid: { zh: '微网格', en: 'Micro-grid' },
  meta_grid: { zh: '元网格', en: 'Meta-grid' },
} as const;

const LEVELS: GridLevel[] = ['grid', 'micro_grid', 'meta_grid'];

/** A store whose outlines are built from its grids. */
export function gridStore(byLevel: Record<GridLevel, Grid[]>): GridStore {
  const shapes = (grids: Grid[]): GridFeature[] => grids.map((g) => ({ type: 'Feature', geometry: g.geometry, properties: { id: g.id, level: g.level } }));
  return { byLevel, shapes: { grid: shapes(byLevel.grid), micro_grid: shapes(byLevel.micro_grid), meta_grid: shapes(byLevel.meta_grid) } };
}

const MIX_LABEL = {
  new: { zh: '新案件', en: 'New' },
  inProgress: { zh: '处置中', en: 'In progress' },
  overdue: { zh: '超期', en: 'Overdue' },
  closed: { zh: '期内结案', en: 'Closed in period' },
} as const;

/** The grid, as of now, under a picked outline or donut. */
function pickedGrid(info: PickingInfo, store: GridStore): Grid | undefined {
  const picked = info.layer?.id === 'grids-donuts' ? (info.object as Donut | undefined) : (info.object as GridFeature | undefined)?.properties;
  return picked && store.byLevel[picked.level].find((g) => g.id === picked.id);
}

/** A grid and every grid below it. */
export function gridAndBelow(store: GridStore, id: number): Set<number> {
  const ids = new Set([id]);
  for (const level of LEVELS) for (const g of store.byLevel[level]) if (g.parentId != null && ids.has(g.parentId)) ids.add(g.id);
  return ids;
}

/** The mix of the grid's cases, and the rule that chooses them: what the case list opens with. */
function gridCases(store: GridStore, grid: Grid, ctx: OverlayContext) {
  const cases = ctx.peek<CaseStore>('cases');
  if (!cases) return null;
  const counts = currentMix(store, cases, ctx).get(grid.id) ?? new Int32Array(MIX_CLASSES.length);
  return { counts, includes: inGridMix(gridAndBelow(store, grid.id), mixRuleFor(cases, ctx)) };
}

export const gridsOverlay: Overlay<GridStore> = {
  id: 'grids',
  label: 'layerGrids',
  table: 'grids',

  async load({ data }) {
    const [grid, micro_grid, meta_grid] = await Promise.all(LEVELS.map((level) => data.grids(level)));
    return gridStore({ grid, micro_grid, meta_grid });
  },

  async refresh(store, ids, { data }) {
    const fresh = await Promise.all(LEVELS.map((level) => data.grids(level, undefined, ids)));
    const byLevel = { ...store.byLevel };
    LEVELS.forEach((level, i) => {
      const kept = byLevel[level].filter((g) => !ids.includes(g.id));
      byLevel[level] = [...kept, ...fresh[i]].sort((a, b) => a.id - b.id);
    });
    return gridStore(byLevel);
  },

  followCases: afterCasePatch,

  layers(store, ctx) {
    const level = levelForZoom(ctx.zoom);
    const line = GRID_LINE[ctx.flavour][level];
    const cases = ctx.peek<CaseStore>('cases');
    const opacity = donutOpacity(ctx.zoom);
    const donuts = cases && opacity > 0 ? [donutLayer(store, currentMix(store, cases, ctx), level, opacity)] : [];
    return [
      new GeoJsonLayer<Grid>({
        id: 'grids',
        data: store.shapes[level] as never,
        pickable: true,
        stroked: true,
        filled: true,
        autoHighlight: true,
        highlightColor: GRID_HIGHLIGHT,
        getFillColor: [0, 0, 0, 0],
        getLineColor: line,
        getLineWidth: level === 'grid' ? 2.5 : 1.5,
        lineWidthUnits: 'pixels',
      }),
      ...donuts,
    ];
  },

  legend(ctx) {
    const level = levelForZoom(ctx.zoom);
    const mix: LegendItem[] = donutOpacity(ctx.zoom) > 0 ? MIX_CLASSES.map((k, i) => ({ label: MIX_LABEL[k][ctx.locale], colour: GRID_MIX_COLOURS[i], shape: 'ring' })) : [];
    return [{ label: `${LEVEL_LABEL[level][ctx.locale]}`, colour: GRID_LINE[ctx.flavour][level], shape: 'line' }, ...mix];
  },

  tooltip(info, store, ctx) {
    const grid = pickedGrid(info, store);
    if (!grid) return null;
    const name = `${grid.code} · ${ctx.locale === 'zh' ? grid.nameZh : grid.nameEn}`;
    const donut = info.layer?.id === 'grids-donuts' ? (info.object as Donut) : null;
    if (!donut) return `${name}\n${ctx.t('openCases')}: ${grid.openCases}`;
    return `${name}\n${MIX_CLASSES.map((k, i) => `${MIX_LABEL[k][ctx.locale]} ${donut.counts[i]}`).join(' · ')}`;
  },

  /** A grid lists the cases in it, at every level below. */
  select(info, store, ctx) {
    const grid = pickedGrid(info, store);
    if (!grid) return null;
    const cases = gridCases(store, grid, ctx);
    const mixFields = cases ? MIX_CLASSES.map((k, i) => ({ label: MIX_LABEL[k][ctx.locale], value: String(cases.counts[i]) })) : [];
    return {
      kind: 'cases',
      key: `grid:${grid.id}`,
      title: ctx.locale === 'zh' ? grid.nameZh : grid.nameEn,
      subtitle: `${LEVEL_LABEL[grid.level][ctx.locale]} · ${grid.code}`,
      fields: [
        { label: ctx.t('responsiblePerson'), value: grid.responsibleName },
        { label: ctx.t('phone'), value: grid.responsiblePhone },
        { label: ctx.t('openCases'), value: String(grid.openCases) },
        ...mixFields,
      ],
      includes: cases?.includes ?? (() => false),
    };
  },
};

const parentMap = (store: GridStore) => parentsOf(Object.values(store.byLevel).flat());

/** A grid and every grid above it, nearest first. */
function* lineage(parentOf: Map<number, number | null>, id: number): Generator<number> {
  for (let current: number | null | undefined = id; current != null; current = parentOf.get(current)) yield current;
}

/** The given grids with every grid above them. */
export function ancestorIds(store: GridStore, ids: Iterable<number>): Set<number> {
  const parentOf = parentMap(store);
  const result = new Set<number>();
  for (const id of ids) for (const grid of lineage(parentOf, id)) result.add(grid);
  return result;
}

/**
 * The store with each grid's open-case count moved by `deltas` (keyed by the
 * finest grid a case lies in), carried up to every grid above it. Only the
 * levels whose counts changed get new arrays.
 */
export function adjustOpenCases(store: GridStore, deltas: Map<number, number>): GridStore {
  const parentOf = parentMap(store);
  const total = new Map<number, number>();
  for (const [gridId, delta] of deltas) {
    if (delta === 0) continue;
    for (const id of lineage(parentOf, gridId)) total.set(id, (total.get(id) ?? 0) + delta);
  }
  if (total.size === 0) return store;
  const byLevel = { ...store.byLevel };
  for (const level of LEVELS) {
    if (!byLevel[level].some((g) => total.has(g.id))) continue;
    byLevel[level] = byLevel[level].map((g) => (total.has(g.id) ? { ...g, openCases: Math.max(0, g.openCases + total.get(g.id)!) } : g));
  }
  return { ...store, byLevel };
}

/** The grids after a live patch of the cases (`before` → `after`): open counts moved up the hierarchy, the donuts' mix moved with them. */
export function afterCasePatch(store: GridStore, before: CaseStore, after: CaseStore, ctx: OverlayContext): GridStore {
  const counted = after.lastPatch ? adjustOpenCases(store, after.lastPatch.openDelta) : store;
  return { ...counted, mix: patchMix(store, before, after, ctx) };
}
