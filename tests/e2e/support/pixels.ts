import { PNG } from 'pngjs';

export type Rgb = [number, number, number];

/** Decodes a PNG screenshot. */
export const decode = (png: Buffer) => PNG.sync.read(png);

/** Share of pixels within `tolerance` (per channel) of `colour`. */
export function shareOfColour(png: Buffer, colour: Rgb, tolerance = 12): number {
  const { data, width, height } = decode(png);
  let hits = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - colour[0]) <= tolerance && Math.abs(data[i + 1] - colour[1]) <= tolerance && Math.abs(data[i + 2] - colour[2]) <= tolerance) hits++;
  }
  return hits / (width * height);
}

/** Share of pixels that differ by more than `threshold` (sum over channels) between two same-sized screenshots. */
export function shareChanged(a: Buffer, b: Buffer, threshold = 40): number {
  const pa = decode(a);
  const pb = decode(b);
  let changed = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    const d = Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]);
    if (d > threshold) changed++;
  }
  return changed / (pa.width * pa.height);
}

export const hex = (css: string): Rgb => [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) as Rgb;
