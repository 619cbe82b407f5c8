import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/**
 * What every bench shares: timing a path (best of n runs) and recording it
 * against a baseline measured in the same run, printed as a line at once and
 * as a Markdown table at the end.
 */
interface Measurement {
  name: string;
  baseline: string;
  baselineValue: number;
  value: number;
  unit: string;
}

const measurements: Measurement[] = [];
const RESULTS_DIR = 'bench/results';

/** The best time of `repeat` runs, in ms. */
export async function time(run: () => unknown | Promise<unknown>, repeat = 1): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const format = (value: number, unit: string) =>
  unit === 'ms' ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en-US')} ${unit}`;

/** Records a path against its baseline; the ratio is baseline / value (×N > 1: the path is N times faster or smaller). */
export function record(name: string, baseline: string, baselineValue: number, value: number, unit = 'ms') {
  measurements.push({ name, baseline, baselineValue, value, unit });
  console.log(`${name.padEnd(46)} ${format(value, unit).padStart(12)}   vs ${baseline.padEnd(40)} ${format(baselineValue, unit).padStart(12)}   ×${(baselineValue / value).toFixed(1)}`);
}

/** Every measurement so far, as a Markdown table. */
export function printTable() {
  console.log(`\n| measurement | value | baseline | baseline value | ratio |\n|---|---:|---|---:|---:|`);
  for (const m of measurements) {
    console.log(`| ${m.name.trim()} | ${format(m.value, m.unit)} | ${m.baseline} | ${format(m.baselineValue, m.unit)} | ×${(m.baselineValue / m.value).toFixed(1)} |`);
  }
}

/** Writes every measurement so far, with `details` and the machine, to bench/results/<name>.json. */
export function writeResults(name: string, details: Record<string, unknown> = {}) {
  const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'cpu', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify({ takenAt: new Date().toISOString(), machine, measurements, details }, null, 2));
  console.log(`results: ${file}`);
}
