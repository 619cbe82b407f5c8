import { casesOverlay } from './cases';
import { fireStationsOverlay } from './fire-stations';
import { gridsOverlay } from './grids';
import { hotspotsOverlay } from './hotspots';
import type { PickingInfo } from '@deck.gl/core';
import type { Overlay } from './overlay';
import { parkingOverlay } from './parking';
import { volunteerPostsOverlay } from './volunteer-posts';

/** Every overlay, bottom to top. */
export const OVERLAYS: Overlay<never>[] = [hotspotsOverlay, gridsOverlay, fireStationsOverlay, parkingOverlay, volunteerPostsOverlay, casesOverlay] as Overlay<never>[];

/** The overlay that drew the picked layer: layer ids are the overlay id, or begin with it and a hyphen. */
export function overlayOf(info: PickingInfo): Overlay<never> | undefined {
  const layerId = info.layer?.id;
  return layerId ? OVERLAYS.find((o) => layerId === o.id || layerId.startsWith(`${o.id}-`)) : undefined;
}
