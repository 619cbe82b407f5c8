/** Database values as numbers, whichever backend delivered them (numbers, strings, Dates). */
export const num = (value: unknown): number => (value === null || value === undefined ? NaN : Number(value));
export const epochMs = (value: unknown): number =>
  value === null || value === undefined ? NaN : new Date(value as string | Date).getTime();
