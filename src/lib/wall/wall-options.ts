/** How one wall is set up, from its link: `#/wall?tour=60s&areas=KJR,PLR&target=0.96`. */
export interface WallOptions {
  /** Time at each tour stop; null when the tour is off (`tour=off` or `tour=0`). */
  tourStopMs: number | null;
  /** Sub-districts shown, by code or short code; null for all. */
  areas: string[] | null;
  /** Close-rate target, a share in (0, 1]. */
  target: number;
}

export const DEFAULT_TOUR_STOP_MS = 60_000;
export const DEFAULT_TARGET = 0.96;
/** Shorter stops would leave the camera no time to arrive and the room no time to read. */
const MIN_TOUR_STOP_MS = 5_000;

/** `60s`, `2m`, `90` (seconds), `off` or `0`; anything else keeps the default. */
function parseTour(value: string | null): number | null {
  if (value === null) return DEFAULT_TOUR_STOP_MS;
  if (value === 'off' || value === '0') return null;
  const match = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(value.trim());
  if (!match) return DEFAULT_TOUR_STOP_MS;
  const ms = Number(match[1]) * (match[2] === 'm' ? 60_000 : 1000);
  return Math.max(MIN_TOUR_STOP_MS, ms);
}

/** A target as a share (0.96) or, above 1, a percentage (96); outside (0, 100 %] keeps the default. */
function parseTarget(value: string | null): number {
  const n = Number(value);
  if (value === null || value === '' || !Number.isFinite(n)) return DEFAULT_TARGET;
  const share = n > 1 ? n / 100 : n;
  return share > 0 && share <= 1 ? share : DEFAULT_TARGET;
}

export function parseWallOptions(query: string): WallOptions {
  const params = new URLSearchParams(query);
  const areas = (params.get('areas') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return { tourStopMs: parseTour(params.get('tour')), areas: areas.length ? areas : null, target: parseTarget(params.get('target')) };
}
