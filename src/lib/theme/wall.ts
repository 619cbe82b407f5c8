import type { Rgba } from './theme';

/**
 * Every size on the command-center wall, in pixels on a screen whose shorter
 * side is 1080 px; `wallScale` scales them to the screen. At 3840×2160 (×2) a
 * KPI value is 120 px and a label 44 px tall: readable from 5 m on a 98″ wall.
 */
export const WALL_SIZES = {
  referenceShortSidePx: 1080,
  type: { title: 30, clock: 46, kpiLabel: 22, kpiValue: 60, kpiTrend: 21, ticker: 23, banner: 36, status: 22, legend: 20, mapLabel: 20 },
  space: { gap: 12, pad: 18, radius: 10 },
  stroke: { gridOutline: 1.5, overdueOutline: 3, alarmRing: 5 },
  radius: { alarmRing: 30 },
} as const;

/** The wall's size factor for a screen: its shorter side against 1080 px, never below 0.6. */
export function wallScale(widthPx: number, heightPx: number): number {
  return Math.max(0.6, Math.min(widthPx, heightPx) / WALL_SIZES.referenceShortSidePx);
}

/** The sizes as CSS custom properties (`--wall-type-kpi-value: 120px`) for a scale factor. */
export function wallCssVariables(scale: number): string {
  const vars: string[] = [];
  for (const [group, sizes] of Object.entries({ type: WALL_SIZES.type, space: WALL_SIZES.space, stroke: WALL_SIZES.stroke })) {
    for (const [name, px] of Object.entries(sizes)) {
      vars.push(`--wall-${group}-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${(px * scale).toFixed(1)}px`);
    }
  }
  return vars.join('; ');
}

/** The wall's dark palette. */
export const WALL_COLOURS = {
  background: '#060b14',
  panel: 'rgba(11, 20, 32, 0.92)',
  panelLine: '#1e3a5f',
  text: '#f1f5f9',
  muted: '#a5b4c8',
  good: '#4ade80',
  bad: '#f87171',
  warn: '#fbbf24',
  live: '#22c55e',
  alarm: [239, 68, 68, 255] as Rgba,
  alarmLabel: [255, 255, 255, 255] as Rgba,
  /** Grids with overdue cases are outlined in this. */
  overdueOutline: [248, 113, 113, 230] as Rgba,
  gridOutline: [148, 163, 184, 120] as Rgba,
};

/** Open cases per km², five classes from quiet to dense, translucent over the dark basemap. */
export const WALL_DENSITY_RAMP: Rgba[] = [
  [37, 99, 235, 90],
  [13, 148, 136, 140],
  [234, 179, 8, 160],
  [249, 115, 22, 180],
  [239, 68, 68, 200],
];
