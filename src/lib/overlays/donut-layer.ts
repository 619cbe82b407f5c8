import { picking, project32, type Accessor, type DefaultProps, type LayerProps, type Position } from '@deck.gl/core';
import { InstancedSquareLayer } from './instanced-square';
import type { Rgba } from '../theme/theme';

/**
 * A donut per item, its four segments in proportion to four counts, drawn
 * whole by the fragment shader on one screen-aligned square: no tessellation
 * and no icon atlas, so thousands of donuts cost one instanced draw and a
 * count change rewrites four numbers.
 */
type _DonutLayerProps<D> = {
  data: D[];
  getPosition?: Accessor<D, Position>;
  /** Four counts, clockwise from twelve o'clock. */
  getCounts?: Accessor<D, [number, number, number, number]>;
  getRadius?: Accessor<D, number>;
  /** Segment colours, in the order of the counts. */
  colours?: [Rgba, Rgba, Rgba, Rgba];
  /** The hole's radius as a share of the donut's. */
  innerRatio?: number;
  holeColour?: Rgba;
};
export type DonutLayerProps<D = unknown> = _DonutLayerProps<D> & LayerProps;

const uniformBlock = /* glsl */ `\
layout(std140) uniform donutUniforms {
  vec4 colour0;
  vec4 colour1;
  vec4 colour2;
  vec4 colour3;
  vec4 holeColour;
  float innerRatio;
} donut;
`;

const donutUniforms = {
  name: 'donut',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { colour0: 'vec4<f32>', colour1: 'vec4<f32>', colour2: 'vec4<f32>', colour3: 'vec4<f32>', holeColour: 'vec4<f32>', innerRatio: 'f32' },
} as const;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME donut-layer-vertex-shader
in vec3 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in vec4 instanceCounts;
in float instanceRadius;
out vec2 unitPosition;
out float radiusPx;
out vec4 ends;
void main(void) {
  geometry.worldPosition = instancePositions;
  geometry.pickingColor = picking_getPickingColorFromInstanceID();
  // The hook the picking module hangs the picking colour on; the colour itself is painted per fragment.
  vec4 colour = vec4(1.0);
  DECKGL_FILTER_COLOR(colour, geometry);
  radiusPx = instanceRadius;
  vec4 c = instanceCounts;
  ends = vec4(c.x, c.x + c.y, c.x + c.y + c.z, 1.0) / max(c.x + c.y + c.z + c.w, 1.0);
  unitPosition = positions.xy;
  gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vec3 offset = positions * (radiusPx + 1.0);
  DECKGL_FILTER_SIZE(offset, geometry);
  gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME donut-layer-fragment-shader
precision highp float;
in vec2 unitPosition;
in float radiusPx;
in vec4 ends;
out vec4 fragColor;
const float TAU = 6.2831853;
const vec4 WHITE = vec4(1.0);

/** Pixels from the point to the nearest boundary between two segments (none where one segment is the whole ring). */
float toSeparator(float turn, float d) {
  float nearest = 1e6;
  bool whole = ends.x >= 1.0 || (ends.y - ends.x) >= 1.0 || (ends.z - ends.y) >= 1.0 || ends.z <= 0.0;
  if (whole) return nearest;
  for (int k = 0; k < 4; k++) {
    float b = k == 0 ? 0.0 : ends[k - 1];
    float gap = min(abs(turn - b), 1.0 - abs(turn - b));
    nearest = min(nearest, gap * TAU * d);
  }
  return nearest;
}

void main(void) {
  vec2 p = unitPosition * (radiusPx + 1.0);
  float d = length(p);
  float inside = smoothedge(d, radiusPx);
  if (inside <= 0.0) discard;
  float inner = radiusPx * donut.innerRatio;
  float turn = fract(atan(p.x, p.y) / TAU + 1.0);
  vec4 segment = turn < ends.x ? donut.colour0 : turn < ends.y ? donut.colour1 : turn < ends.z ? donut.colour2 : donut.colour3;
  float ring = smoothedge(inner, d) * smoothedge(d, radiusPx - 1.5);
  segment = mix(segment, WHITE, 1.0 - smoothstep(0.4, 1.2, toSeparator(turn, d)));
  fragColor = mix(d < inner ? donut.holeColour : WHITE, segment, ring);
  fragColor.a *= inside * layer.opacity;
  geometry.uv = unitPosition;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

const defaultProps: DefaultProps<DonutLayerProps> = {
  getPosition: { type: 'accessor', value: (d: unknown) => (d as { position: Position }).position },
  getCounts: { type: 'accessor', value: [0, 0, 0, 0] },
  getRadius: { type: 'accessor', value: 12 },
  colours: { type: 'array', value: [[0, 0, 0, 255], [0, 0, 0, 255], [0, 0, 0, 255], [0, 0, 0, 255]] },
  innerRatio: 0.5,
  holeColour: { type: 'color', value: [255, 255, 255, 235] },
};

const unit = (c: Rgba) => c.map((v) => v / 255);

export class DonutLayer<D = unknown> extends InstancedSquareLayer<Required<_DonutLayerProps<D>>> {
  static layerName = 'DonutLayer';
  static defaultProps = defaultProps;
  
  protected shaders() {
    return { vs, fs, modules: [project32, picking, donutUniforms] };
  }

  initializeState() {
    this.getAttributeManager()!.addInstanced({
      instancePositions: { size: 3, type: 'float64', fp64: this.use64bitPositions(), accessor: 'getPosition' },
      instanceCounts: { size: 4, accessor: 'getCounts' },
      instanceRadius: { size: 1, accessor: 'getRadius' },
    });
  }

  draw() {
    const [colour0, colour1, colour2, colour3] = this.props.colours.map(unit);
    const model = this.state.model!;
    model.shaderInputs.setProps({ donut: { colour0, colour1, colour2, colour3, holeColour: unit(this.props.holeColour), innerRatio: this.props.innerRatio } });
    model.draw(this.context.renderPass);
  }
}
