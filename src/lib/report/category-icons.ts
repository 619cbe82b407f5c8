/** A circle as SVG path data, so every icon is one path. */
const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

const BIN = 'M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12M10 10v6M14 10v6';

/**
 * A line picture (24×24, drawn with the stroke) for each problem category,
 * so a resident picks one without reading an internal code. Drawn here
 * rather than as emoji: phones and kiosks without an emoji font show boxes.
 */
const ICONS: Record<string, string> = {
  'E-0501': `M3 5h2l2 9h10l2-6H7${circle(9, 18, 1.5)}${circle(16, 18, 1.5)}`, // street vending: a cart
  'E-0502': 'M4 10h16M5 10l1-5h12l1 5M6 10v9h12v-9M10 19v-5h4v5', // trading on the road: a shopfront
  'E-0104': BIN, // exposed garbage
  'E-0105': `${BIN}${circle(20, 17, 2.2)}`, // garbage outside the bin room: a bin and a bag
  'E-0507': `${circle(6, 16, 3.5)}${circle(18, 16, 3.5)}M6 16l4-7h5l3 7M10 9l3 7M14 6h2`, // bicycles
  'E-0506': `M4 16v-4l2-5h12l2 5v4H4zM4 12h16${circle(7.5, 18, 1.5)}${circle(16.5, 18, 1.5)}`, // a parked car
  'E-0102': 'M3 19h18M5 19v-4h6v4M13 19v-4h6v4M8 15v-4h8v4', // waste and debris: bricks
  'E-0101': 'M14 3l-3 10M7 13h8l2 8H5zM9 17v4M13 17v4', // dirty road: a broom
  'E-0203': 'M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 14h7M9 17h4', // posters and flyers
  'E-0410': 'M3 8h14v10H3zM17 11h3v4h-3M11 9l-3 5h4l-2 4', // unsafe charging: a battery and a bolt
  'E-0411': 'M12 3c3 4 6 6 6 10a6 6 0 0 1-12 0c0-3 2-4 3-6 1 2 2 3 3 3-1-2 0-5 0-7z', // fire risk: a flame
  'E-0301': 'M4 11l8-7 8 7v9H4zM12 10v5M12 17v1', // illegal structure
  'E-0601': 'M4 21V4h8v17M4 8h8M4 12h8M17 4v12M14 13l3 3 3-3M3 21h18', // thrown from height
  'C-0101': `${circle(12, 12, 8)}M6 10h12M6 14h12`, // manhole cover
  'C-0106': 'M4 10h16M4 14h7M13 14h7M6 14v5M18 14v5M11 12l2 2', // damaged public facility: a broken bench
  'C-0301': 'M8 21h4M10 21V5h6M16 5v3M14 8h4l-1 3h-2z', // street light
};
const OTHER = `${circle(12, 12, 9)}M12 7v6M12 16v1`;

/** The category's picture as SVG path data; an unlisted category gets a generic one. */
export const categoryIcon = (code: string): string => ICONS[code] ?? OTHER;

/** Pictures the report page's own buttons use. */
export const UI_ICONS = {
  pin: `M12 22s-7-7.5-7-12a7 7 0 0 1 14 0c0 4.5-7 12-7 12z${circle(12, 10, 2.5)}`,
  camera: `M3 8h4l2-3h6l2 3h4v11H3z${circle(12, 13, 3.5)}`,
  locate: `${circle(12, 12, 7)}${circle(12, 12, 2)}M12 2v3M12 19v3M2 12h3M19 12h3`,
  done: `${circle(12, 12, 9)}M8 12l3 3 5-6`,
} as const;
