/**
 * The benchmark's baseline: the same basemap and the same case positions,
 * drawn by a bare deck.gl ScatterplotLayer from one Float32Array — no
 * database, no framework, no styling by status. The app is measured against
 * this page in the same run.
 */
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import { basemapStyle, SERVICE_BOUNDS } from '../../../src/lib/map/basemap';

setWorkerUrl(workerUrl);
const params = new URLSearchParams(location.search);
const map = new MaplibreMap({
  container: 'map',
  style: await basemapStyle('light', '/'),
  bounds: SERVICE_BOUNDS,
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
});
Object.assign(window, { citygridMap: map });

const positions = new Float32Array(await (await fetch(params.get('points') ?? 'cases.f32')).arrayBuffer());
const overlay = new MapboxOverlay({
  interleaved: false,
  layers: [
    new ScatterplotLayer({
      id: 'cases',
      data: { length: positions.length / 2, attributes: { getPosition: { value: positions, size: 2 } } },
      getFillColor: [37, 99, 235, 220],
      getRadius: 3,
      radiusUnits: 'pixels',
    }),
  ],
  onAfterRender: () => {
    if (!performance.getEntriesByName('citygrid:cases-drawn').length) {
      performance.mark('citygrid:cases-drawn', { detail: { count: positions.length / 2 } });
    }
  },
});
map.addControl(overlay);
