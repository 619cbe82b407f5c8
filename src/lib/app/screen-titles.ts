import type { StringKey } from '../i18n/strings';
import type { ScreenPath } from './route';

/** What the tab says each screen is. */
export const SCREEN_TITLES: Record<ScreenPath, StringKey> = {
  '': 'navDashboard',
  inspect: 'navInspect',
  wall: 'navWall',
  parking: 'navParking',
  report: 'navReport',
  track: 'navTrack',
  qr: 'navQr',
};
