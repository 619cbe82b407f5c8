import type { Component } from 'svelte';
import type { CitygridData } from '../data/types';
import type { ScreenPath } from './route';

/** What a light screen is given: the data interface and its route's parameter and query. */
export interface LightScreenProps {
  data: CitygridData;
  param: string | null;
  query: string;
}

/**
 * The residents' screens, each loaded on its own. They stand on the data
 * interface alone, so a phone opening one loads neither deck.gl nor the
 * shared live map.
 */
export const LIGHT_SCREENS: Partial<Record<ScreenPath, () => Promise<{ default: Component<LightScreenProps> }>>> = {
  parking: () => import('../parking/ParkingScreen.svelte'),
  report: () => import('../report/ReportScreen.svelte'),
  track: () => import('../track/TrackScreen.svelte'),
  qr: () => import('../qr/QrScreen.svelte'),
};

export const isLightScreen = (screen: ScreenPath): boolean => screen in LIGHT_SCREENS;
