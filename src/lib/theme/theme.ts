/** Colours and thresholds for every overlay and the basemap, in a light and a dark (wall) flavour. */
export type Rgba = [number, number, number, number];
export type Flavour = 'light' | 'dark';

export interface BasemapPalette {
  background: string;
  land: string;
  districtLine: string;
  water: string;
  waterLine: string;
  minorRoad: string;
  majorRoad: string;
  elevatedRoad: string;
  roadCasing: string;
  station: string;
}

export const BASEMAP: Record<Flavour, BasemapPalette> = {
  light: {
    background: '#eef0ea',
    land: '#f8f7f2',
    districtLine: '#9aa3ad',
    water: '#a9d3ee',
    waterLine: '#7fb7dc',
    minorRoad: '#ffffff',
    majorRoad: '#fde7b5',
    elevatedRoad: '#f6c177',
    roadCasing: '#d4d0c4',
    station: '#ffffff',
  },
  dark: {
    background: '#0b1420',
    land: '#111c2b',
    districtLine: '#3b4a5e',
    water: '#0d2c4a',
    waterLine: '#1c4e7a',
    minorRoad: '#1f2d40',
    majorRoad: '#2b3b52',
    elevatedRoad: '#4a4030',
    roadCasing: '#0b1420',
    station: '#cbd5e1',
  },
};

/** Official Shanghai Metro line colours, by line number. */
export const METRO_LINE_COLOURS: Record<string, string> = {
  '1': '#e4002b', '2': '#97d700', '3': '#ffd100', '4': '#5f259f', '5': '#ac4fc6', '6': '#d71671',
  '7': '#ff6900', '8': '#0094d8', '9': '#71c5e8', '10': '#c1a7e2', '11': '#76232f', '12': '#007b5f',
  '13': '#ef95cf', '14': '#827a04', '15': '#bca886', '16': '#2cd5c4', '17': '#bc796f', '18': '#c09453',
};

export const CASE_STATUS_COLOURS: Record<string, Rgba> = {
  reported: [239, 68, 68, 255],
  registered: [249, 115, 22, 255],
  dispatched: [234, 179, 8, 255],
  handling: [59, 130, 246, 255],
  handled: [168, 85, 247, 255],
  closed: [100, 116, 139, 160],
  rejected: [148, 163, 184, 120],
};

export const GRID_LINE: Record<Flavour, Record<'grid' | 'micro_grid' | 'meta_grid', Rgba>> = {
  light: { grid: [30, 64, 175, 230], micro_grid: [37, 99, 235, 170], meta_grid: [96, 165, 250, 140] },
  dark: { grid: [125, 211, 252, 230], micro_grid: [56, 189, 248, 170], meta_grid: [14, 165, 233, 130] },
};
export const GRID_HIGHLIGHT: Rgba = [250, 204, 21, 90];
export const UNCOVERED_SHADE: Rgba = [220, 38, 38, 70];

/** Hotspot heat, coolest to hottest (yellow → deep red), translucent so the streets stay readable. */
export const HOTSPOT_RAMP: Rgba[] = [
  [254, 224, 139, 150],
  [253, 174, 97, 170],
  [244, 109, 67, 185],
  [215, 48, 39, 200],
  [165, 0, 38, 215],
];

/** A grid's status mix, in donut order: new, in progress, overdue, and (quiet) closed within the period. */
export const GRID_MIX_COLOURS: Rgba[] = [
  [249, 115, 22, 255],
  [37, 99, 235, 255],
  [220, 38, 38, 255],
  [176, 188, 204, 255],
];

/** The ring a case draws for a moment when it arrives or changes live. */
export const PULSE_COLOUR: Rgba = [14, 165, 233, 255];

export const FIRE_STATION_COLOURS = { municipal: [220, 38, 38, 255] as Rgba, micro: [251, 146, 60, 255] as Rgba };
/** Response radius by station kind: distance reachable within the response time. */
export const FIRE_COVERAGE_RADIUS_M = { municipal: 1500, micro: 300 } as const;

/** Parking free-space ratio: green above `ample`, amber above `tight`, red below; grey when stale. */
export const PARKING = {
  ample: 0.3,
  tight: 0.1,
  staleAfterMs: 30 * 60_000,
  colours: {
    ample: [22, 163, 74, 255] as Rgba,
    tight: [245, 158, 11, 255] as Rgba,
    full: [220, 38, 38, 255] as Rgba,
    stale: [148, 163, 184, 255] as Rgba,
  },
};

export const VOLUNTEER_COLOURS = { onDuty: [16, 185, 129, 255] as Rgba, unstaffed: [148, 163, 184, 255] as Rgba };

export const rgbaCss = ([r, g, b, a]: Rgba) => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;

/** The font of every label drawn on the map: Chinese first, then the system's. */
export const LABEL_FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
