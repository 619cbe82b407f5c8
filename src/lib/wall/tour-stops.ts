import type { Bbox, WallArea, WallGrid } from '../data/types';
import { unionBounds } from './fit-camera';

export interface TourStop {
  kind: 'overview' | 'area' | 'grid';
  key: string;
  nameZh: string;
  nameEn: string;
  bounds: Bbox;
}

/** How many of the worst grids each round of the tour visits. */
export const WORST_GRIDS_TOURED = 3;

/** Worst first: most overdue cases per km², then most open per km²; grids without open cases never count. */
export function worstGrids(grids: WallGrid[], count = WORST_GRIDS_TOURED): WallGrid[] {
  return grids
    .filter((g) => g.openCases > 0)
    .sort((a, b) => b.overduePerKm2 - a.overduePerKm2 || b.openPerKm2 - a.openPerKm2 || a.code.localeCompare(b.code))
    .slice(0, count);
}

/** One round of the tour: the whole area shown, each sub-district, then the worst grids. */
export function tourStops(areas: WallArea[], grids: WallGrid[]): TourStop[] {
  const whole = unionBounds(areas.map((a) => a.bounds));
  if (!whole) return [];
  const overview: TourStop = {
    kind: 'overview', key: 'overview',
    nameZh: areas.map((a) => a.nameZh).join('、'), nameEn: areas.map((a) => a.nameEn).join(', '), bounds: whole,
  };
  const perArea = areas.length > 1 ? areas.map((a): TourStop => ({ kind: 'area', key: a.code, nameZh: a.nameZh, nameEn: a.nameEn, bounds: a.bounds })) : [];
  const worst = worstGrids(grids).map((g): TourStop => ({ kind: 'grid', key: g.code, nameZh: g.nameZh, nameEn: g.nameEn, bounds: g.bounds }));
  return [overview, ...perArea, ...worst];
}
