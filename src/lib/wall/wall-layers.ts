import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Grid, WallGrid } from '../data/types';
import { LABEL_FONT } from '../theme/theme';
import { WALL_COLOURS, WALL_DENSITY_RAMP, WALL_SIZES } from '../theme/wall';
import type { WallAlarm } from './tour.svelte';

/** Class breaks of open cases per km²: the quintiles of the grids that have any, so every class is used. */
export function densityBreaks(grids: WallGrid[]): number[] {
  const values = grids.map((g) => g.openPerKm2).filter((v) => v > 0).sort((a, b) => a - b);
  if (!values.length) return [];
  return [0.2, 0.4, 0.6, 0.8].map((q) => values[Math.min(values.length - 1, Math.floor(q * values.length))]);
}

export const densityClass = (value: number, breaks: number[]): number => breaks.filter((b) => value > b).length;

/** The choropleth: each top-level grid filled by its open cases per km², outlined red where any case is overdue. */
export function densityLayer(shapes: Grid[], grids: WallGrid[], scale: number): Layer {
  const byId = new Map(grids.map((g) => [g.id, g]));
  const breaks = densityBreaks(grids);
  const shown = shapes.filter((s) => byId.has(s.id));
  return new GeoJsonLayer({
    id: 'wall-density',
    data: { type: 'FeatureCollection', features: shown.map((s) => ({ type: 'Feature', geometry: s.geometry, properties: byId.get(s.id) })) } as never,
    filled: true,
    stroked: true,
    getFillColor: (f: { properties: WallGrid }) => WALL_DENSITY_RAMP[densityClass(f.properties.openPerKm2, breaks)],
    getLineColor: (f: { properties: WallGrid }) => (f.properties.overdue > 0 ? WALL_COLOURS.overdueOutline : WALL_COLOURS.gridOutline),
    getLineWidth: (f: { properties: WallGrid }) => (f.properties.overdue > 0 ? WALL_SIZES.stroke.overdueOutline : WALL_SIZES.stroke.gridOutline) * scale,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: [grids], getLineColor: [grids], getLineWidth: [grids, scale] },
  });
}

/** The urgent event the tour stopped for: a ring and its name on the map. */
export function alarmLayers(alarm: WallAlarm | null, title: string, scale: number): Layer[] {
  if (!alarm) return [];
  const data = [alarm];
  return [
    new ScatterplotLayer<WallAlarm>({
      id: 'wall-alarm-ring',
      data,
      getPosition: (a) => [a.lon, a.lat],
      radiusUnits: 'pixels',
      getRadius: WALL_SIZES.radius.alarmRing * scale,
      filled: true,
      getFillColor: [...WALL_COLOURS.alarm.slice(0, 3), 70] as never,
      stroked: true,
      getLineColor: WALL_COLOURS.alarm,
      lineWidthUnits: 'pixels',
      getLineWidth: WALL_SIZES.stroke.alarmRing * scale,
    }),
    new TextLayer<WallAlarm>({
      id: 'wall-alarm-label',
      data,
      getPosition: (a) => [a.lon, a.lat],
      getText: () => title,
      getSize: WALL_SIZES.type.mapLabel * 1.4 * scale,
      getPixelOffset: [0, -(WALL_SIZES.radius.alarmRing + 26) * scale],
      getColor: WALL_COLOURS.alarmLabel,
      background: true,
      getBackgroundColor: [127, 29, 29, 235],
      backgroundPadding: [10 * scale, 5 * scale],
      fontFamily: LABEL_FONT,
      fontWeight: 700,
      characterSet: 'auto',
      updateTriggers: { getText: title },
    }),
  ];
}

/**
 * The same layer with its pixel sizes multiplied by `factor`: point radii,
 * strokes and text given in pixels. Sizes in metres are the ground's and stay.
 */
export function scaledLayer(layer: Layer, factor: number): Layer {
  if (factor === 1) return layer;
  const p = layer.props as unknown as Record<string, unknown>;
  const times = (key: string) => ((p[key] as number | undefined) ?? 1) * factor;
  const next: Record<string, number> = {};
  if (p.radiusUnits === 'pixels') next.radiusScale = times('radiusScale');
  if (p.lineWidthUnits === 'pixels') next.lineWidthScale = times('lineWidthScale');
  if (p.pointRadiusUnits === 'pixels') next.pointRadiusScale = times('pointRadiusScale');
  if ('sizeScale' in p && p.sizeUnits !== 'meters') next.sizeScale = times('sizeScale');
  return Object.keys(next).length ? layer.clone(next) : layer;
}
