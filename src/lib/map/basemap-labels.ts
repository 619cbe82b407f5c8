import { TextLayer } from '@deck.gl/layers';
import type { Locale } from '../i18n/locale.svelte';
import { LABEL_FONT, type Flavour } from '../theme/theme';

export interface PlaceLabel {
  kind: 'subdistrict' | 'area' | 'water' | 'street' | 'station';
  zh: string;
  en: string;
  lon: number;
  lat: number;
}

/** From which zoom each kind of place is named, and how large. */
const STYLE: Record<PlaceLabel['kind'], { minZoom: number; sizePx: number; weight: number }> = {
  subdistrict: { minZoom: 0, sizePx: 17, weight: 700 },
  area: { minZoom: 12.5, sizePx: 12, weight: 400 },
  water: { minZoom: 11, sizePx: 14, weight: 400 },
  street: { minZoom: 14.5, sizePx: 12, weight: 400 },
  station: { minZoom: 14, sizePx: 12, weight: 400 },
};

export async function loadPlaceLabels(): Promise<PlaceLabel[]> {
  const response = await fetch(`${import.meta.env.BASE_URL}basemap/labels.json`);
  return response.ok ? ((await response.json()) as PlaceLabel[]) : [];
}

/**
 * Place names of the offline basemap, drawn by deck.gl with the browser's own
 * fonts (Chinese and English without shipping glyph files).
 */
export function placeLabelLayer(labels: PlaceLabel[], locale: Locale, zoom: number, flavour: Flavour) {
  const shown = labels.filter((l) => zoom >= STYLE[l.kind].minZoom);
  const ink = flavour === 'dark' ? [226, 232, 240, 255] : [30, 41, 59, 255];
  const halo = flavour === 'dark' ? [11, 20, 32, 230] : [255, 255, 255, 230];
  return new TextLayer<PlaceLabel>({
    id: 'place-labels',
    data: shown,
    getPosition: (l) => [l.lon, l.lat],
    getText: (l) => (locale === 'zh' ? l.zh : l.en),
    getSize: (l) => STYLE[l.kind].sizePx,
    getColor: (l) => (l.kind === 'water' ? [37, 99, 160, 255] : ink) as never,
    fontFamily: LABEL_FONT,
    fontWeight: 600,
    characterSet: 'auto',
    fontSettings: { sdf: true },
    outlineWidth: 4,
    outlineColor: halo as never,
    updateTriggers: { getText: locale },
  });
}
