import type { StyleSpecification } from 'maplibre-gl';
import type { Flavour } from '../theme/theme';

export const ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0';

/** The four sub-districts with a margin: what the map shows when a link names no view. */
export const SERVICE_BOUNDS: [[number, number], [number, number]] = [[121.425, 31.19], [121.565, 31.325]];

/**
 * The basemap style: VITE_BASEMAP_STYLE when set (any MapLibre style URL),
 * otherwise the offline style shipped in public/basemap/, whose GeoJSON
 * sources are resolved against the style's own URL.
 */
export async function basemapStyle(flavour: Flavour): Promise<string | StyleSpecification> {
  const custom = import.meta.env.VITE_BASEMAP_STYLE as string | undefined;
  if (custom) return custom;
  const url = new URL(`${import.meta.env.BASE_URL}basemap/style-${flavour}.json`, location.href);
  const style = (await (await fetch(url)).json()) as StyleSpecification;
  for (const source of Object.values(style.sources)) {
    if (source.type === 'geojson' && typeof source.data === 'string') source.data = new URL(source.data, url).toString();
  }
  return style;
}
