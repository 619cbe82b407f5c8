import { pointOnFeature } from '@turf/turf';
import type { Position } from '@deck.gl/core';
import type { GridLevel } from '../data/types';
import { GRID_MIX_COLOURS } from '../theme/theme';
import type { CaseStore } from './cases';
import { DonutLayer } from './donut-layer';
import { gridMix, mixRule, parentsOf, patchGridMix, type GridMix, type MixRule } from './grid-mix';
import type { GridFeature, GridStore } from './grids';
import type { OverlayContext } from './overlay';

/**
 * The donuts the grids carry: each grid's status mix, drawn at the level of
 * grids shown. The mix is kept on the grid store with what it was counted
 * from, so a live patch moves it instead of counting every case again.
 */
export interface MixState {
  /** The case store the counts are of. */
  cases: CaseStore;
  /** The filters and minute they were counted for (overdue moves with the clock). */
  key: string;
  counts: GridMix;
}

export interface Donut {
  id: number;
  level: GridLevel;
  position: Position;
  counts: [number, number, number, number];
  total: number;
}

const MINUTE_MS = 60_000;
/** Donuts appear zooming in, where a grid is large enough on screen to carry one; below, hotspots tell the story. */
export const DONUTS_FROM_ZOOM = 13.5;
const FADE_ZOOMS = 0.5;

/** 1 from DONUTS_FROM_ZOOM in, fading to 0 half a zoom level further out. */
export const donutOpacity = (zoom: number) => Math.min(1, Math.max(0, (zoom - DONUTS_FROM_ZOOM + FADE_ZOOMS) / FADE_ZOOMS));
const RADIUS_PX: Record<GridLevel, number> = { grid: 17, micro_grid: 13, meta_grid: 10 };

function ruleFor(cases: CaseStore, ctx: OverlayContext): { rule: MixRule; key: string } {
  const minute = Math.floor(ctx.now / MINUTE_MS);
  const { categories, sources, sinceDays } = ctx.state.filters;
  return { rule: mixRule(ctx.state.filters, cases.columns.categoryCodes, minute * MINUTE_MS), key: `${minute}|${sinceDays}|${categories}|${sources}` };
}

const parentOf = (grids: GridStore) => parentsOf(Object.values(grids.byLevel).flat());

/** The rule the donuts count by in this view. */
export const mixRuleFor = (cases: CaseStore, ctx: OverlayContext) => ruleFor(cases, ctx).rule;

/** The mix for the current cases and view: the one kept if still current, else counted afresh and kept. */
export function currentMix(grids: GridStore, cases: CaseStore, ctx: OverlayContext): GridMix {
  const { rule, key } = ruleFor(cases, ctx);
  if (grids.mix?.cases !== cases || grids.mix.key !== key) grids.mix = { cases, key, counts: gridMix(cases.columns, parentOf(grids), rule) };
  return grids.mix.counts;
}

/** The grids' mix after the cases moved from `before` to `after` by a live patch; dropped (counted afresh when drawn) if it was not of `before`. */
export function patchMix(grids: GridStore, before: CaseStore, after: CaseStore, ctx: OverlayContext): MixState | undefined {
  const patch = after.lastPatch;
  if (!patch || grids.mix?.cases !== before) return undefined;
  const { rule, key } = ruleFor(after, ctx);
  return grids.mix.key === key ? { cases: after, key, counts: patchGridMix(grids.mix.counts, patch, parentOf(grids), rule) } : undefined;
}

const labelPoints = new WeakMap<GridFeature[], Map<number, Position>>();

/** A point inside each outline, where its donut sits; found once per set of outlines. */
function pointsInside(shapes: GridFeature[]): Map<number, Position> {
  let points = labelPoints.get(shapes);
  if (!points) {
    points = new Map(shapes.map((f) => [f.properties.id, pointOnFeature(f).geometry.coordinates as [number, number]]));
    labelPoints.set(shapes, points);
  }
  return points;
}

/** The donuts of one level's grids that have any case counted. */
export function donuts(grids: GridStore, counts: GridMix, level: GridLevel): Donut[] {
  const points = pointsInside(grids.shapes[level]);
  const result: Donut[] = [];
  for (const g of grids.byLevel[level]) {
    const row = counts.get(g.id);
    const total = row ? row[0] + row[1] + row[2] + row[3] : 0;
    const position = points.get(g.id);
    if (row && total > 0 && position) result.push({ id: g.id, level, position, counts: [row[0], row[1], row[2], row[3]], total });
  }
  return result;
}

const drawn = new WeakMap<GridMix, Partial<Record<GridLevel, Donut[]>>>();

/** The donut layer of the level shown; the same data array while the mix is the same, so deck.gl uploads nothing. */
export function donutLayer(grids: GridStore, counts: GridMix, level: GridLevel, opacity: number) {
  const byLevel = drawn.get(counts) ?? {};
  drawn.set(counts, byLevel);
  const data = (byLevel[level] ??= donuts(grids, counts, level));
  const largest = data.reduce((m, d) => Math.max(m, d.total), 1);
  return new DonutLayer<Donut>({
    id: 'grids-donuts',
    data,
    pickable: true,
    opacity,
    getPosition: (d) => d.position,
    getCounts: (d) => d.counts,
    getRadius: (d) => RADIUS_PX[level] * (0.7 + 0.3 * Math.sqrt(d.total / largest)),
    colours: GRID_MIX_COLOURS as DonutLayer['props']['colours'],
    innerRatio: 0.45,
  });
}
