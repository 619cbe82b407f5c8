/**
 * Builds the offline basemap served from public/basemap/: GeoJSON sources cut
 * to the service region from geo/ (OpenStreetMap sub-districts, rivers, metro,
 * elevated roads and central streets; the synthetic streets of the four
 * sub-districts), one MapLibre style per theme flavour, and labels.json with
 * Chinese and English names (English made here from pinyin where the data has
 * only Chinese). The style has no text: labels are drawn by deck.gl with the
 * browser's own fonts, so no glyphs ship.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, LineString, Position } from 'geojson';
import { along } from '@turf/along';
import { length } from '@turf/length';
import { pointOnFeature } from '@turf/point-on-feature';
import { ATTRIBUTION } from '../src/lib/map/basemap';
import { BASEMAP, METRO_LINE_COLOURS, type Flavour } from '../src/lib/theme/theme';
import { englishName } from './geo/english-name';
import { RIVER_WATER_FILE, riverName } from './geo/rivers';
import { OUTLINE_FILES } from './geo/subdistricts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const outDir = join(root, 'public/basemap');
export const REGION = [121.38, 31.15, 121.6, 31.36] as const;
/** Sources are attributed to OSM; what is synthetic the app says in its own attribution, in the reader's language. */
const OSM = ATTRIBUTION;
/** The Huangpu is named every so many kilometres along its centre-line. */
const HUANGPU_LABEL_EVERY_KM = 4;

const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as FeatureCollection;

function roundCoords(geometry: Geometry): Geometry {
  const round = (p: Position): Position => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];
  const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? round(c as Position) : (c as unknown[]).map(walk));
  return 'coordinates' in geometry ? ({ ...geometry, coordinates: walk(geometry.coordinates) } as Geometry) : geometry;
}

function touchesRegion(feature: Feature): boolean {
  const [w, s, e, n] = REGION;
  const flat = JSON.stringify((feature.geometry as { coordinates: unknown }).coordinates).match(/-?\d+\.?\d*/g)!.map(Number);
  for (let i = 0; i < flat.length; i += 2) if (flat[i] >= w && flat[i] <= e && flat[i + 1] >= s && flat[i + 1] <= n) return true;
  return false;
}

function collection(features: Feature[], keep: (f: Feature) => Record<string, unknown>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.filter(touchesRegion).map((f) => ({ type: 'Feature', properties: keep(f), geometry: roundCoords(f.geometry) })),
  };
}

const MAJOR = new Set(['trunk', 'primary', 'secondary', 'trunk_link', 'primary_link']);

function roads(): FeatureCollection {
  const elevated = read('geo/osm/osm_shanghai_elevated_roads.geojson').features.map((f) => ({ ...f, properties: { ...f.properties, class: 'elevated' } }));
  const central = read('geo/osm/osm_central_huangpu_roads.geojson').features.map((f) => ({
    ...f,
    properties: { ...f.properties, class: MAJOR.has(f.properties!.highway) ? 'major' : 'minor' },
  }));
  const streets = existsSync(join(root, 'geo/streets.geojson')) ? read('geo/streets.geojson').features : [];
  return collection([...central, ...streets, ...elevated], (f) => ({ class: f.properties!.class, name: f.properties!.name ?? null }));
}

const rivers = () => read(RIVER_WATER_FILE).features;

function sources() {
  return {
    land: collection(
      OUTLINE_FILES.flatMap((path) => read(path).features),
      (f) => ({ name: f.properties!.subdistrict ?? f.properties!.name ?? f.properties!.label }),
    ),
    water: collection(rivers(), (f) => ({ name: riverName(f)?.zh ?? null })),
    roads: roads(),
    'metro-lines': collection(read('geo/osm/osm_shanghai_metro_lines.geojson').features, (f) => ({ route: String(f.properties!.route) })),
    'metro-stations': collection(read('geo/osm/osm_shanghai_metro_stations.geojson').features, (f) => ({ name: f.properties!.name })),
  };
}

function style(flavour: Flavour) {
  const c = BASEMAP[flavour];
  const source = (name: string, attribution: string) => ({ type: 'geojson', data: `./${name}.geojson`, attribution });
  const width = (base: number) => ['interpolate', ['exponential', 1.6], ['zoom'], 11, base * 0.4, 14, base, 18, base * 6];
  const metroColour = ['match', ['get', 'route'], ...Object.entries(METRO_LINE_COLOURS).flat(), '#888888'];
  return {
    version: 8,
    name: `Citygrid offline ${flavour}`,
    sources: {
      land: source('land', OSM),
      water: source('water', OSM),
      roads: source('roads', OSM),
      'metro-lines': source('metro-lines', OSM),
      'metro-stations': source('metro-stations', OSM),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': c.background } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': c.land } },
      { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': c.water, 'fill-outline-color': c.waterLine } },
      { id: 'district-line', type: 'line', source: 'land', paint: { 'line-color': c.districtLine, 'line-width': 1, 'line-dasharray': [3, 2] } },
      { id: 'road-minor', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'minor'], minzoom: 13, paint: { 'line-color': c.minorRoad, 'line-width': width(2) } },
      { id: 'road-major-casing', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'major'], paint: { 'line-color': c.roadCasing, 'line-width': width(4.5) }, layout: { 'line-cap': 'round' } },
      { id: 'road-major', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'major'], paint: { 'line-color': c.majorRoad, 'line-width': width(3.5) }, layout: { 'line-cap': 'round' } },
      { id: 'road-elevated', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'elevated'], paint: { 'line-color': c.elevatedRoad, 'line-width': width(4) }, layout: { 'line-cap': 'round' } },
      { id: 'metro-line', type: 'line', source: 'metro-lines', paint: { 'line-color': metroColour, 'line-width': width(2), 'line-opacity': 0.85 } },
      { id: 'metro-station', type: 'circle', source: 'metro-stations', minzoom: 12, paint: { 'circle-color': c.station, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 2.5, 16, 6], 'circle-stroke-color': c.background, 'circle-stroke-width': 1.5 } },
    ],
  };
}

interface Label {
  kind: 'subdistrict' | 'area' | 'water' | 'street' | 'station';
  zh: string;
  en: string;
  lon: number;
  lat: number;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
const at = (feature: Feature) => pointOnFeature(feature as never).geometry.coordinates.map(round5);
const midpoint = (line: Feature<LineString>) => along(line, length(line) / 2).geometry.coordinates.map(round5);

const label = (kind: Label['kind'], zh: string, en: string, [lon, lat]: number[]): Label => ({ kind, zh, en, lon, lat });

/** The Huangpu along its centre-line; the other named rivers, Suzhou Creek among them, once each. */
function waterLabels(): Label[] {
  const centreline = read('geo/osm/huangpu_river_centerline_osm.geojson').features[0] as Feature<LineString>;
  const km = length(centreline);
  const huangpu = Array.from({ length: Math.floor(km / HUANGPU_LABEL_EVERY_KM) }, (_, i) =>
    label('water', '黄浦江', 'Huangpu River', along(centreline, (i + 0.5) * HUANGPU_LABEL_EVERY_KM).geometry.coordinates.map(round5)),
  );
  const named = new Map<string, Feature>();
  for (const f of rivers()) {
    const name = riverName(f);
    if (name && f.properties!.river_group !== 'huangpu' && !named.has(name.zh)) named.set(name.zh, f);
  }
  const others = [...named.values()].filter(touchesRegion).map((f) => label('water', riverName(f)!.zh, riverName(f)!.en, at(f)));
  return [...huangpu, ...others];
}

/**
 * Place names for the label layer the app draws with deck.gl: served sub-districts,
 * neighbours, rivers, streets, stations. Names the data has only in Chinese get
 * their English from pinyin here, so the browser needs no pinyin library.
 */
function labels(): Label[] {
  const served = read('geo/subdistricts.geojson').features;
  const servedNames = new Set(served.map((f) => f.properties!.name_zh));
  return [
    ...served.map((f) => label('subdistrict', f.properties!.name_zh, f.properties!.name_en.replace(/ Sub-district$/, ''), at(f))),
    ...read('geo/osm/shanghai_central_subdistricts_osm.geojson').features
      .filter((f) => !servedNames.has(f.properties!.subdistrict))
      .map((f) => label('area', f.properties!.label, englishName(f.properties!.label), at(f))),
    ...waterLabels(),
    ...read('geo/streets.geojson').features.map((f) => label('street', f.properties!.name, f.properties!.name_en, midpoint(f as Feature<LineString>))),
    ...read('geo/osm/osm_shanghai_metro_stations.geojson').features
      .filter(touchesRegion)
      .map((f) => label('station', f.properties!.name, englishName(f.properties!.name), (f.geometry as { coordinates: number[] }).coordinates.map(round5))),
  ];
}

export function buildBasemap(log: (line: string) => void = console.log) {
  mkdirSync(outDir, { recursive: true });
  for (const [name, data] of Object.entries(sources())) {
    writeFileSync(join(outDir, `${name}.geojson`), JSON.stringify(data));
    log(`basemap: ${name}.geojson ${data.features.length} features`);
  }
  writeFileSync(join(outDir, 'labels.json'), JSON.stringify(labels()));
  for (const flavour of ['light', 'dark'] as const) writeFileSync(join(outDir, `style-${flavour}.json`), JSON.stringify(style(flavour), null, 1));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildBasemap();
