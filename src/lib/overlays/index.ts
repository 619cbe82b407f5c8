import { casesOverlay } from './cases';
import { fireStationsOverlay } from './fire-stations';
import { gridsOverlay } from './grids';
import type { Overlay } from './overlay';
import { parkingOverlay } from './parking';
import { volunteerPostsOverlay } from './volunteer-posts';

/** Every overlay, bottom to top. */
export const OVERLAYS: Overlay<never>[] = [gridsOverlay, fireStationsOverlay, parkingOverlay, volunteerPostsOverlay, casesOverlay] as Overlay<never>[];
