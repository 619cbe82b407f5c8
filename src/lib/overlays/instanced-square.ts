import type { Layer } from '@deck.gl/core';
import { Geometry, Model } from '@luma.gl/engine';

const CORNERS = new Float32Array([-1, -1, 0, 1, -1, 0, -1, 1, 0, 1, 1, 0]);

/** A model that draws one screen-aligned square per instance, for a fragment shader to paint a shape in. */
export function instancedSquare(layer: Layer, shaders: ReturnType<Layer['getShaders']>): Model {
  return new Model(layer.context.device, {
    ...shaders,
    id: layer.props.id,
    bufferLayout: layer.getAttributeManager()!.getBufferLayouts(),
    geometry: new Geometry({ topology: 'triangle-strip', attributes: { positions: { size: 3, value: CORNERS } } }),
    isInstanced: true,
  });
}
