import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { FireStation } from '../data/types';
import { uncoveredAreas } from '../geo/fire-coverage';
import { badgeLayers } from './badge-layers';
import { FIRE_COVERAGE_RADIUS_M, FIRE_STATION_COLOURS, UNCOVERED_SHADE } from '../theme/theme';
import type { GridStore } from './grids';
import type { LegendItem, Overlay } from './overlay';
import { rowSource, type RowStore } from './row-store';

const KIND_LABEL = {
  municipal: { zh: '消防救援站', en: 'Fire station' },
  micro: { zh: '微型消防站', en: 'Micro fire station' },
} as const;

const uncoveredCache = new WeakMap<object, { stations: FireStation[]; ids: Set<number> }>();
const outlineCache = new WeakMap<Set<number>, GridStore['shapes']['meta_grid']>();

/** The outlines of the uncovered meta-grids, one array per answer so deck.gl sees unchanged data as unchanged. */
function uncoveredOutlines(grids: GridStore, uncovered: Set<number>) {
  let outlines = outlineCache.get(uncovered);
  if (!outlines) outlineCache.set(uncovered, (outlines = grids.shapes.meta_grid.filter((f) => uncovered.has(f.properties.id))));
  return outlines;
}

/** Meta-grids no station reaches, cached per set of meta-grid outlines and station array (counts do not matter). */
function uncoveredMetaGrids(grids: GridStore, stations: FireStation[]): Set<number> {
  const outlines = grids.shapes.meta_grid;
  const cached = uncoveredCache.get(outlines);
  if (cached?.stations === stations) return cached.ids;
  const ids = uncoveredAreas(grids.byLevel.meta_grid, stations.map((s) => ({ lon: s.lon, lat: s.lat, radiusM: FIRE_COVERAGE_RADIUS_M[s.kind] })));
  uncoveredCache.set(outlines, { stations, ids });
  return ids;
}

export const fireStationsOverlay: Overlay<RowStore<FireStation>> = {
  id: 'fire_stations',
  label: 'layerFireStations',
  table: 'fire_stations',

  ...rowSource((data, ids) => data.fireStations(undefined, ids)),

  layers(store, ctx) {
    const coverage = [];
    const grids = ctx.peek<GridStore>('grids');
    if (ctx.state.fireCoverage) {
      if (grids) {
        const uncovered = uncoveredMetaGrids(grids, store.rows);
        coverage.push(
          new GeoJsonLayer({
            id: 'fire_stations-uncovered-meta-grids',
            data: uncoveredOutlines(grids, uncovered) as never,
            stroked: false,
            getFillColor: UNCOVERED_SHADE,
          }),
        );
      }
      coverage.push(
        new ScatterplotLayer<FireStation>({
          id: 'fire_stations-coverage',
          data: store.rows,
          getPosition: (s) => [s.lon, s.lat],
          getRadius: (s) => FIRE_COVERAGE_RADIUS_M[s.kind],
          radiusUnits: 'meters',
          getFillColor: (s) => [...FIRE_STATION_COLOURS[s.kind].slice(0, 3), 28] as never,
          getLineColor: (s) => FIRE_STATION_COLOURS[s.kind],
          stroked: true,
          lineWidthUnits: 'pixels',
          getLineWidth: 1,
        }),
      );
    }
    return [
      ...coverage,
      ...badgeLayers<FireStation>({
        id: 'fire_stations',
        data: store.rows,
        getPosition: (s) => [s.lon, s.lat],
        zoom: ctx.zoom,
        getColor: (s) => FIRE_STATION_COLOURS[s.kind],
        radiusPx: (s) => (s.kind === 'municipal' ? 13 : 8),
        getGlyph: (s) => (ctx.locale === 'zh' ? (s.kind === 'municipal' ? '消' : '微') : s.kind === 'municipal' ? 'F' : 'f'),
        updateTriggers: { glyph: ctx.locale },
      }),
    ];
  },

  legend(ctx) {
    const items: LegendItem[] = [
      { label: KIND_LABEL.municipal[ctx.locale], colour: FIRE_STATION_COLOURS.municipal, shape: 'circle' },
      { label: KIND_LABEL.micro[ctx.locale], colour: FIRE_STATION_COLOURS.micro, shape: 'circle' },
    ];
    if (ctx.state.fireCoverage) items.push({ label: ctx.t('uncoveredMetaGrids'), colour: UNCOVERED_SHADE, shape: 'fill' });
    return items;
  },

  tooltip(info, _store, ctx) {
    const s = info.object as FireStation | undefined;
    if (!s) return null;
    return `${ctx.locale === 'zh' ? s.nameZh : s.nameEn}\n${KIND_LABEL[s.kind][ctx.locale]} · ${s.staff} ${ctx.t('staff')}`;
  },

  async popup(info, _store, ctx) {
    const s = info.object as FireStation | undefined;
    if (!s) return null;
    return {
      title: ctx.locale === 'zh' ? s.nameZh : s.nameEn,
      subtitle: `${KIND_LABEL[s.kind][ctx.locale]} · ${s.code}`,
      fields: [
        { label: ctx.t('staff'), value: String(s.staff) },
        { label: ctx.t('responseMinutes'), value: `${s.responseMinutes} ${ctx.t('minutes')}` },
        { label: ctx.t('coverageRadius'), value: `${FIRE_COVERAGE_RADIUS_M[s.kind]} m` },
      ],
    };
  },
};
