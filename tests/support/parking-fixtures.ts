import { readFileSync } from 'node:fs';

/** A parking fixture with its times ten minutes ago (they must fall within the readings window whenever tests run). */
export function parkingFixture(name: string, observed = new Date(Date.now() - 10 * 60_000)): string {
  return readFileSync(new URL(`../fixtures/parking/${name}`, import.meta.url), 'utf8')
    .replaceAll('{{observed_utc}}', observed.toISOString().slice(0, 19))
    .replaceAll('{{observed}}', observed.toISOString());
}
