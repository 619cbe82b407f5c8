/** The screens, by the path of their hash route: `#/`, `#/inspect`, `#/track/<code>`, …; the query after `?` is the screen's state. */
export const SCREENS = ['', 'inspect', 'wall', 'parking', 'report', 'track', 'qr'] as const;
export type ScreenPath = (typeof SCREENS)[number];

export interface Route {
  screen: ScreenPath;
  /** What follows the screen's name in the path (a tracking code), or null. */
  param: string | null;
  query: string;
}

/** Reads a hash; an old-style `#map=…` link is the dashboard, and an unknown path falls back to it too. */
export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith('/')) return { screen: '', param: null, query: body };
  const [path, query = ''] = body.slice(1).split(/\?(.*)/s, 2);
  const [name, ...rest] = path.split('/');
  const screen = (SCREENS as readonly string[]).includes(name) ? (name as ScreenPath) : '';
  const param = screen && rest.length ? decodeURIComponent(rest.join('/')) : null;
  return { screen, param, query };
}

export function routeHash(route: Route): string {
  const path = route.param ? `${route.screen}/${encodeURIComponent(route.param)}` : route.screen;
  return `#/${path}${route.query ? `?${route.query}` : ''}`;
}
