/** Where a report link puts the problem: a grid's QR code names its grid, a point's QR code its coordinates. */
export type LinkedLocation = { kind: 'grid'; code: string } | { kind: 'point'; lon: number; lat: number } | { kind: 'none' };

const GRID_CODE = /^[A-Za-z0-9_-]{2,40}$/;

/** Reads `grid=PLR-G01` or `lon=…&lat=…` from a report link's query; anything malformed names no location. */
export function linkedLocation(query: string): LinkedLocation {
  const params = new URLSearchParams(query);
  const grid = params.get('grid')?.trim();
  if (grid && GRID_CODE.test(grid)) return { kind: 'grid', code: grid.toUpperCase() };
  const lon = Number(params.get('lon') ?? NaN);
  const lat = Number(params.get('lat') ?? NaN);
  if (params.get('lon')?.trim() && params.get('lat')?.trim() && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
    return { kind: 'point', lon, lat };
  }
  return { kind: 'none' };
}
