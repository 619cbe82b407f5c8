import { distance } from '@turf/distance';
import { centroid } from '@turf/centroid';
import type { MultiPolygon } from 'geojson';

export interface Station {
  lon: number;
  lat: number;
  radiusM: number;
}

/**
 * Ids of the areas whose centroid no station reaches within its response
 * radius. Centroids keep this cheap enough to run on every toggle; an area
 * half-covered at its edge counts as covered when its centre is.
 */
export function uncoveredAreas(areas: { id: number; geometry: MultiPolygon }[], stations: Station[]): Set<number> {
  const uncovered = new Set<number>();
  for (const area of areas) {
    const centre = centroid(area.geometry).geometry.coordinates;
    const reached = stations.some((s) => distance(centre, [s.lon, s.lat], { units: 'meters' }) <= s.radiusM);
    if (!reached) uncovered.add(area.id);
  }
  return uncovered;
}
