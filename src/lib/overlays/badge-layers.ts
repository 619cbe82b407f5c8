import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Accessor, Color, Position } from '@deck.gl/core';
import { LABEL_FONT, type Rgba } from '../theme/theme';

export interface BadgeOptions<T> {
  id: string;
  data: T[];
  getPosition: (d: T) => Position;
  getColor: Accessor<T, Color>;
  /** Badge radius in pixels. */
  radiusPx: number | ((d: T) => number);
  /** One character drawn on the badge, e.g. "P" or "消". */
  getGlyph: (d: T) => string;
  /** Text under the badge (e.g. free/capacity), or null for none. */
  getCaption?: ((d: T) => string) | null;
  /** Map zoom: badges shrink and lose their glyph when zoomed out, so dense areas stay legible. */
  zoom: number;
  updateTriggers?: Record<string, unknown>;
  outlineColor?: Rgba;
}

const GLYPH_MIN_ZOOM = 13;
const scaleForZoom = (zoom: number) => (zoom < GLYPH_MIN_ZOOM ? 0.5 : zoom < 15 ? 0.8 : 1);

/** A round, coloured badge with a glyph: the point symbol every facility overlay uses. */
export function badgeLayers<T>(o: BadgeOptions<T>) {
  const scale = scaleForZoom(o.zoom);
  const base = typeof o.radiusPx === 'number' ? () => o.radiusPx as number : o.radiusPx;
  const radius = (d: T) => base(d) * scale;
  const radiusTrigger = [o.zoom >= GLYPH_MIN_ZOOM, scale, o.updateTriggers?.radius];
  const layers: (ScatterplotLayer<T> | TextLayer<T>)[] = [
    new ScatterplotLayer<T>({
      id: `${o.id}-badge`,
      data: o.data,
      pickable: true,
      getPosition: o.getPosition,
      getFillColor: o.getColor,
      getLineColor: o.outlineColor ?? [255, 255, 255, 255],
      getRadius: radius,
      radiusUnits: 'pixels',
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      updateTriggers: { getFillColor: o.updateTriggers?.color, getRadius: radiusTrigger },
    }),
  ];
  if (o.zoom < GLYPH_MIN_ZOOM) return layers;
  layers.push(
    new TextLayer<T>({
      id: `${o.id}-glyph`,
      data: o.data,
      getPosition: o.getPosition,
      getText: o.getGlyph,
      getSize: (d: T) => radius(d) * 1.25,
      sizeUnits: 'pixels',
      getColor: [255, 255, 255, 255],
      fontFamily: LABEL_FONT,
      fontWeight: 700,
      characterSet: 'auto',
      updateTriggers: { getText: o.updateTriggers?.glyph, getSize: radiusTrigger },
    }),
  );
  if (o.getCaption) {
    layers.push(
      new TextLayer<T>({
        id: `${o.id}-caption`,
        data: o.data,
        getPosition: o.getPosition,
        getText: o.getCaption,
        getSize: 13,
        getPixelOffset: (d: T) => [0, radius(d) + 9],
        getColor: [15, 23, 42, 255],
        background: true,
        getBackgroundColor: [255, 255, 255, 220],
        backgroundPadding: [3, 1],
        fontFamily: LABEL_FONT,
        characterSet: 'auto',
        updateTriggers: { getText: o.updateTriggers?.caption, getPixelOffset: radiusTrigger },
      }),
    );
  }
  return layers;
}
