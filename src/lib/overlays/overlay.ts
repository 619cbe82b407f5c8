import type { Layer, PickingInfo } from '@deck.gl/core';
import type { CaseColumns, CitygridData, LayerTable } from '../data/types';
import type { Locale } from '../i18n/locale.svelte';
import type { StringKey } from '../i18n/strings';
import type { Flavour, Rgba } from '../theme/theme';
import type { OverlayId } from '../view/overlay-ids';
import type { CaseStore } from './cases';
import type { MapState } from '../view/view-state.svelte';

export { OVERLAY_IDS, type OverlayId } from '../view/overlay-ids';

/** What an overlay may read when it draws, describes itself or answers a pick. */
export interface OverlayContext {
  data: CitygridData;
  state: MapState;
  flavour: Flavour;
  locale: Locale;
  t: (key: StringKey) => string;
  zoom: number;
  /** Wall-clock time the layers were built for, so age and staleness move without data changes. */
  now: number;
  /** Another overlay's store, for overlays that combine layers (fire coverage shades meta-grids). */
  peek: <S>(id: OverlayId) => S | undefined;
}

export interface LegendItem {
  label: string;
  colour: Rgba;
  shape: 'circle' | 'ring' | 'square' | 'line' | 'fill';
}

export interface PopupContent {
  title: string;
  subtitle?: string;
  fields: { label: string; value: string }[];
  /** Why the details could not be read, shown in place of the fields. */
  error?: string;
}

/**
 * What a click chose for the case workspace: one case to open, or a place
 * whose cases to list (kept live: `includes` is asked again as cases change).
 */
export type Selection =
  | { kind: 'case'; id: number }
  | { kind: 'cases'; key: string; title: string; subtitle?: string; fields: PopupContent['fields']; includes: (c: CaseColumns, i: number) => boolean };

/**
 * One data overlay, described whole (its deck.gl layer ids begin with its id, so a pick reaches only its owner): how it loads and refreshes its rows, the
 * deck.gl layers it draws, its legend, its hover tooltip, and what a click on it selects or shows.
 */
export interface Overlay<S> {
  id: OverlayId;
  label: StringKey;
  /** The table whose change events refresh this overlay. */
  table: LayerTable;
  load(ctx: OverlayContext): Promise<S>;
  /** Returns a new store with the rows of `ids` re-read (and removed where gone). */
  refresh(store: S, ids: number[], ctx: OverlayContext): Promise<S>;
  /**
   * For overlays drawn from the cases: the store after a live patch of the
   * cases (`before` → `after`, the patch in `after.lastPatch`), moved by what
   * the patch changed instead of counting every case again.
   */
  followCases?(store: S, before: CaseStore, after: CaseStore, ctx: OverlayContext): S;
  layers(store: S, ctx: OverlayContext): Layer[];
  legend(ctx: OverlayContext): LegendItem[];
  tooltip(info: PickingInfo, store: S, ctx: OverlayContext): string | null;
  /** What a click shows: cases for the case workspace, or a card describing the object. */
  select?(info: PickingInfo, store: S, ctx: OverlayContext): Selection | null;
  popup?(info: PickingInfo, store: S, ctx: OverlayContext): Promise<PopupContent | null>;
}
