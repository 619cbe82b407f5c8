import type { Flavour } from '../theme/theme';

/** The basemap style: VITE_BASEMAP_STYLE when set (any MapLibre style URL), otherwise the offline style shipped in public/basemap/. */
export function basemapStyleUrl(flavour: Flavour): string {
  const custom = import.meta.env.VITE_BASEMAP_STYLE as string | undefined;
  if (custom) return custom;
  return new URL(`${import.meta.env.BASE_URL}basemap/style-${flavour}.json`, location.href).toString();
}

export const ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0';
