import { Layer, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import { Geometry, Model } from '@luma.gl/engine';

const CORNERS = new Float32Array([-1, -1, 0, 1, -1, 0, -1, 1, 0, 1, 1, 0]);

/**
 * A layer that draws one screen-aligned square per item, for its fragment
 * shader to paint a shape in. Subclasses give the shaders, the attributes
 * and draw().
 */
export abstract class InstancedSquareLayer<P extends object> extends Layer<P & Required<LayerProps>> {
  declare state: { model?: Model };

  /** The layer's own shaders and modules. */
  protected abstract shaders(): Parameters<Layer['getShaders']>[0];

  getShaders() {
    return super.getShaders(this.shaders());
  }

  updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    if (params.changeFlags.extensionsChanged) {
      this.state.model?.destroy();
      this.state.model = this._getModel();
      this.getAttributeManager()!.invalidateAll();
    }
  }

  protected _getModel(): Model {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
      geometry: new Geometry({ topology: 'triangle-strip', attributes: { positions: { size: 3, value: CORNERS } } }),
      isInstanced: true,
    });
  }
}
