import type { Layer } from '@deck.gl/core';
import type { CitygridData } from '../data/types';
import type { FirstView } from '../data/first-view';
import { locale } from '../i18n/locale.svelte';
import { loadPlaceLabels, placeLabelLayer, type PlaceLabel } from '../map/basemap-labels';
import { OVERLAYS } from '../overlays';
import type { CaseStore } from '../overlays/cases';
import type { OverlayContext } from '../overlays/overlay';
import { OverlayStores } from '../overlays/overlay-stores.svelte';
import type { Flavour } from '../theme/theme';
import { MapState } from '../view/view-state.svelte';
import { keepView } from './view-keeper';

/**
 * The map's live data, shared by every screen that shows the map: the view
 * state, the overlay stores kept current from change events, and the layers
 * they draw. Made once per visit, so going from one screen to another never
 * reloads the data.
 */
export class LiveMap {
  readonly data: CitygridData;
  readonly stores: OverlayStores;
  readonly #first: FirstView;
  readonly mapState = new MapState();
  readonly flavour: Flavour = 'light';
  now = $state(Date.now());
  placeLabels = $state.raw<PlaceLabel[]>([]);

  readonly context: OverlayContext;
  /** Overlays bottom to top, with place names just above the grid lines. */
  readonly layers: Layer[];
  readonly cases: CaseStore | undefined;
  /** Whether every overlay has loaded its rows. */
  readonly loaded: boolean;

  constructor(data: CitygridData, first: FirstView) {
    this.data = data;
    this.#first = first;
    this.stores = new OverlayStores(() => this.context);
    this.context = $derived({
      data,
      state: this.mapState,
      flavour: this.flavour,
      locale: locale.current,
      t: locale.t,
      zoom: this.mapState.view.zoom,
      now: this.now,
      peek: (id) => this.stores.stores[id] as never,
    });
    this.layers = $derived(
      OVERLAYS.filter((o) => this.mapState.visible[o.id] && this.stores.stores[o.id]).flatMap((o) => {
        const drawn = o.layers(this.stores.stores[o.id] as never, this.context);
        return o.id === 'grids' ? [...drawn, placeLabelLayer(this.placeLabels, locale.current, this.mapState.view.zoom, this.flavour)] : drawn;
      }),
    );
    this.cases = $derived(this.stores.stores.cases as CaseStore | undefined);
    this.loaded = $derived(OVERLAYS.every((o) => this.stores.stores[o.id] !== undefined));
  }

  /** Paints the saved view, catches up and follows the live feed; returns the function that stops it all. */
  start(): () => void {
    let stopped = false;
    const stops: (() => void)[] = [];
    const clock = setInterval(() => (this.now = Date.now()), 30_000);
    stops.push(() => clearInterval(clock));
    // After an outage, change events were missed: read every layer again.
    stops.push(this.data.connection.onResync(() => void this.stores.reloadAll()));
    // Another account may see other rows (RLS): read every layer again as the new one.
    stops.push(this.data.session.onChange(() => void this.stores.reloadAll()));
    if (!import.meta.env.VITE_BASEMAP_STYLE) {
      loadPlaceLabels()
        .then((labels) => (this.placeLabels = labels))
        .catch((e) => console.warn('citygrid: place names unavailable', e));
    }
    void this.#follow().then((stop) => (stopped ? stop() : stops.push(stop)));
    return () => {
      stopped = true;
      stops.forEach((stop) => stop());
    };
  }

  /** A saved view paints at once; the live feed starts before catching up, so nothing between is missed. */
  async #follow(): Promise<() => void> {
    const snapshot = this.#first.snapshot;
    let disconnect: () => void;
    if (snapshot) {
      await this.stores.paint(snapshot);
      disconnect = this.stores.connect();
      await this.stores.catchUp(snapshot);
      // Caught up: the snapshot's own copies of the small layers are no longer needed.
      this.#first.snapshot = null;
    } else {
      await this.stores.loadAll();
      disconnect = this.stores.connect();
    }
    const stopKeeping = keepView(this.stores, this.#first.scope);
    return () => {
      disconnect();
      stopKeeping();
    };
  }
}
