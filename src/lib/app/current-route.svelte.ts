import { parseRoute, routeHash, type Route, type ScreenPath } from './route';

/** The current route, following the location's hash. */
class CurrentRoute {
  value = $state<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => (this.value = parseRoute(location.hash)));
  }

  /** Shows another screen, keeping the map's state in the query. */
  go(screen: ScreenPath, query = this.value.query) {
    location.hash = routeHash({ screen, param: null, query });
  }
}

export const route = new CurrentRoute();
