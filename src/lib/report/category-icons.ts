/** A picture for each problem category, so a resident can pick one without reading an internal code. */
const ICONS: Record<string, string> = {
  'E-0501': '🛒', // unlicensed street vending
  'E-0502': '🏪', // trading on the road
  'E-0104': '🗑️', // exposed garbage
  'E-0105': '🗑️',
  'E-0507': '🚲', // disorderly bicycles
  'E-0506': '🚗', // illegally parked car
  'E-0102': '🧱', // waste and debris
  'E-0101': '🧹', // dirty road
  'E-0203': '📄', // posters and flyers
  'E-0410': '🔋', // unsafe e-bike charging
  'E-0301': '🏗️', // illegal structure
  'C-0101': '🕳️', // manhole cover
  'C-0106': '🪑', // damaged public facility
  'C-0301': '💡', // street light
};

/** The category's picture; an unlisted category gets a generic one for its kind. */
export const categoryIcon = (code: string, kind: 'component' | 'event'): string => ICONS[code] ?? (kind === 'component' ? '🔧' : '⚠️');
