/** The overlays every screen can show, bottom to top; the view state names them. */
export const OVERLAY_IDS = ['hotspots', 'grids', 'cases', 'fire_stations', 'parking', 'volunteer_posts'] as const;
export type OverlayId = (typeof OVERLAY_IDS)[number];
