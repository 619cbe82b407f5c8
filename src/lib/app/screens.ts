/** The screens and the live map they share, loaded as one chunk behind the startup screen. */
export { LiveMap } from './live-map.svelte';
export { default as Dashboard } from './Dashboard.svelte';
export { default as InspectScreen } from '../inspect/InspectScreen.svelte';
export { default as WallScreen } from '../wall/WallScreen.svelte';
