import { project32, type Accessor, type DefaultProps, type LayerProps, type Position } from '@deck.gl/core';
import { InstancedSquareLayer } from './instanced-square';
import type { Rgba } from '../theme/theme';

/**
 * A ring that grows and fades once per item, timed on the GPU: each frame
 * sets one uniform (the time), no attribute is rewritten. The layer asks for
 * another frame only until the last ring has faded, so a map with no pulse
 * alive draws nothing more.
 */
type _PulseLayerProps<D> = {
  data: D[];
  getPosition?: Accessor<D, Position>;
  /** Epoch ms the item's pulse starts. */
  getStartedAt?: Accessor<D, number>;
  /** Epoch ms the last pulse ends: the layer asks for frames until then, and for none after. */
  endsAt?: number;
  durationMs?: number;
  fromRadiusPx?: number;
  toRadiusPx?: number;
  lineWidthPx?: number;
  colour?: Rgba;
};
export type PulseLayerProps<D = unknown> = _PulseLayerProps<D> & LayerProps;

const uniformBlock = /* glsl */ `\
layout(std140) uniform pulseUniforms {
  float nowMs;
  float durationMs;
  float fromRadiusPx;
  float toRadiusPx;
  float lineWidthPx;
  vec4 colour;
} pulse;
`;

const pulseUniforms = {
  name: 'pulse',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { nowMs: 'f32', durationMs: 'f32', fromRadiusPx: 'f32', toRadiusPx: 'f32', lineWidthPx: 'f32', colour: 'vec4<f32>' },
} as const;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME pulse-layer-vertex-shader
in vec3 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceStartMs;
out vec2 unitPosition;
out float radiusPx;
out float fade;
void main(void) {
  geometry.worldPosition = instancePositions;
  float t = (pulse.nowMs - instanceStartMs) / pulse.durationMs;
  float eased = 1.0 - (1.0 - t) * (1.0 - t);
  radiusPx = mix(pulse.fromRadiusPx, pulse.toRadiusPx, clamp(eased, 0.0, 1.0));
  fade = t >= 0.0 && t < 1.0 ? (1.0 - t) * (1.0 - t) : 0.0;
  float halfSize = radiusPx + pulse.lineWidthPx;
  unitPosition = positions.xy;
  gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vec3 offset = positions * halfSize;
  DECKGL_FILTER_SIZE(offset, geometry);
  gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME pulse-layer-fragment-shader
precision highp float;
in vec2 unitPosition;
in float radiusPx;
in float fade;
out vec4 fragColor;
void main(void) {
  float d = length(unitPosition) * (radiusPx + pulse.lineWidthPx);
  float ring = 1.0 - smoothstep(pulse.lineWidthPx * 0.5 - 0.5, pulse.lineWidthPx * 0.5 + 0.5, abs(d - radiusPx));
  float wash = d < radiusPx ? 0.15 : 0.0;
  float alpha = max(ring, wash) * fade * pulse.colour.a * layer.opacity;
  if (alpha <= 0.0) discard;
  fragColor = vec4(pulse.colour.rgb, alpha);
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

const defaultProps: DefaultProps<PulseLayerProps> = {
  getPosition: { type: 'accessor', value: (d: unknown) => (d as { position: Position }).position },
  getStartedAt: { type: 'accessor', value: 0 },
  endsAt: 0,
  durationMs: 2000,
  fromRadiusPx: 4,
  toRadiusPx: 36,
  lineWidthPx: 3,
  colour: { type: 'color', value: [14, 165, 233, 255] },
};

export class PulseLayer<D = unknown> extends InstancedSquareLayer<Required<_PulseLayerProps<D>>> {
  static layerName = 'PulseLayer';
  static defaultProps = defaultProps;
  declare state: InstancedSquareLayer<_PulseLayerProps<D>>['state'] & { baseMs: number };

  protected shaders() {
    return { vs, fs, modules: [project32, pulseUniforms] };
  }

  initializeState() {
    // Start times are kept relative to the layer's birth: epoch milliseconds do not fit a float32.
    this.state.baseMs = Date.now();
    this.getAttributeManager()!.addInstanced({
      instancePositions: { size: 3, type: 'float64', fp64: this.use64bitPositions(), accessor: 'getPosition' },
      instanceStartMs: { size: 1, accessor: 'getStartedAt', transform: (at: number) => at - this.state.baseMs },
    });
  }

  draw() {
    const { durationMs, fromRadiusPx, toRadiusPx, lineWidthPx, colour } = this.props;
    const nowMs = Date.now() - this.state.baseMs;
    const model = this.state.model!;
    model.shaderInputs.setProps({ pulse: { nowMs, durationMs, fromRadiusPx, toRadiusPx, lineWidthPx, colour: colour.map((v) => v / 255) } });
    model.draw(this.context.renderPass);
    if (Date.now() < this.props.endsAt) this.setNeedsRedraw();
  }
}
