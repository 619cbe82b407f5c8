/**
 * "Likely full in about N minutes": the least-squares slope of free spaces
 * over the readings of the last FORECAST_WINDOW_MIN minutes (counted back from
 * the newest reading, so the device clock plays no part), extrapolated to
 * zero. None unless the data can carry it: at least MIN_READINGS readings
 * spanning MIN_SPAN_MIN minutes, a falling trend, and an answer within
 * MAX_HORIZON_MIN minutes.
 */
export const FORECAST_WINDOW_MIN = 60;
export const MIN_READINGS = 4;
export const MIN_SPAN_MIN = 30;
export const MAX_HORIZON_MIN = 120;

export interface Reading {
  at: number;
  freeSpaces: number;
}

/** Free spaces lost per minute by least squares, or null with fewer than two distinct times. */
export function freeSpacesSlopePerMin(readings: readonly Reading[]): number | null {
  const n = readings.length;
  if (n < 2) return null;
  const t0 = readings[0].at;
  const xs = readings.map((r) => (r.at - t0) / 60_000);
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = readings.reduce((a, r) => a + r.freeSpaces, 0) / n;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - meanX) * (readings[i].freeSpaces - meanY);
    sxx += (x - meanX) ** 2;
  });
  return sxx === 0 ? null : sxy / sxx;
}

/** Minutes until the lot is likely full (rounded to 5, at least 5), or null when the readings cannot say. */
export function likelyFullInMin(readings: readonly Reading[], freeNow: number): number | null {
  if (readings.length === 0 || freeNow <= 0) return null;
  const newest = Math.max(...readings.map((r) => r.at));
  const recent = readings.filter((r) => r.at >= newest - FORECAST_WINDOW_MIN * 60_000).sort((a, b) => a.at - b.at);
  if (recent.length < MIN_READINGS || (newest - recent[0].at) / 60_000 < MIN_SPAN_MIN) return null;
  const slope = freeSpacesSlopePerMin(recent);
  if (slope == null || slope >= 0) return null;
  const minutes = freeNow / -slope;
  return minutes > MAX_HORIZON_MIN ? null : Math.max(5, Math.round(minutes / 5) * 5);
}
