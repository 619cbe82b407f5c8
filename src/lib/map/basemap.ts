import type { StyleSpecification } from 'maplibre-gl';
import type { Flavour } from '../theme/theme';

/** The OpenStreetMap attribution the ODbL asks for; the offline style's OSM sources carry the same text, so it shows once. */
export const ATTRIBUTION = '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a>, ODbL 1.0';

/** The four sub-districts' OSM outlines with a small margin: what the map shows when a link names no view. */
export const SERVICE_BOUNDS: [[number, number], [number, number]] = [[121.423, 31.186], [121.538, 31.327]];

/**
 * The basemap style: VITE_BASEMAP_STYLE when set (any MapLibre style URL),
 * otherwise the offline style shipped in public/basemap/, whose GeoJSON
 * sources are resolved against the style's own URL.
 */
export async function basemapStyle(flavour: Flavour, baseUrl: string = import.meta.env.BASE_URL): Promise<string | StyleSpecification> {
  const custom = import.meta.env.VITE_BASEMAP_STYLE as string | undefined;
  if (custom) return custom;
  const url = new URL(`${baseUrl}basemap/style-${flavour}.json`, location.href);
  const style = (await (await fetch(url)).json()) as StyleSpecification;
  for (const source of Object.values(style.sources)) {
    if (source.type === 'geojson' && typeof source.data === 'string') source.data = new URL(source.data, url).toString();
  }
  return style;
}
