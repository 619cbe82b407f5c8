import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importParking } from '../../scripts/import-parking';
import { parkingFixture } from '../support/parking-fixtures';
import { testDatabaseUrl } from '../support/postgres';

/** The fixture with current times, as a file the command reads. */
function fixtureFile(name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'citygrid-import-')), name);
  writeFileSync(path, parkingFixture(name));
  return path;
}

describe('npm run import:parking', () => {
  it('says how to call it, and what is wrong with a field map', async () => {
    await expect(importParking([], {}, () => {})).rejects.toThrow(/^usage: npm run import:parking -- FILE/);
    await expect(importParking([fixtureFile('bad.csv'), '--map', 'spaces=total'], {}, () => {})).rejects.toThrow(/field map entry "spaces=total"/);
  });

  it.skipIf(!process.env.DATABASE_URL)('prints the report of a bad file line by line, and writes nothing on a dry run', async () => {
    const lines: string[] = [];
    const env = { DATABASE_URL: testDatabaseUrl(process.env.DATABASE_URL!) };
    const refused = await importParking([fixtureFile('bad.csv'), '--dry-run'], env, (l) => lines.push(l));
    expect(refused).toBe(10);
    expect(lines[0]).toMatch(/^parking import: bad\.csv \(CSV\) → PostgreSQL 127\.0\.0\.1:5432\/citygrid_test\w* — dry run, nothing written$/);
    expect(lines.slice(1)).toEqual([
      'rows read: 11',
      expect.stringMatching(/^upserted: 1 \([01] created, [01] updated\) · readings: 1 current, 0 history, 0 already stored$/),
      'refused: 10',
      '  line 2   IMP-BAD-01  position (13.7373, 51.0504) is outside the service area',
      '  line 3   IMP-BAD-02  free spaces 60 exceed capacity 50',
      '  line 4   IMP-BAD-03  capacity 0: a lot has at least one space',
      '  line 5   IMP-BAD-04  missing field: capacity for a new lot',
      '  line 6   IMP-BAD-05  missing field: lat',
      "  line 7   IMP-BAD-06  unknown timestamp 'yesterday' (ISO 8601 like 2026-11-24T08:30:00+08:00, or epoch seconds)",
      "  line 8   IMP-BAD-07  unknown kind 'garage' (public, residential, shared or on_street)",
      '  line 9   —           7 fields where the header has 11',
      '  line 10  —           missing field: code',
      '  line 11  IMP-BAD-10  missing field: observed_at (when the free spaces were counted)',
    ]);
  });

  it.skipIf(!process.env.DATABASE_URL)('imports a CSV through a field map for a feed that names things its own way', async () => {
    const lines: string[] = [];
    const env = { DATABASE_URL: testDatabaseUrl(process.env.DATABASE_URL!) };
    const path = join(mkdtempSync(join(tmpdir(), 'citygrid-import-')), 'feed.csv');
    writeFileSync(path, `lot_no,title,spaces,vacant,x,y,ts\nIMP-MAP-01,地图停车场,30,7,121.5148,31.2527,${new Date().toISOString()}\n`);
    const map = 'code=lot_no,name_zh=title,capacity=spaces,free_spaces=vacant,lon=x,lat=y,observed_at=ts';
    expect(await importParking([path, '--map', map], env, (l) => lines.push(l))).toBe(0);
    expect(lines.slice(1)).toEqual(['rows read: 1', expect.stringMatching(/^upserted: 1 /), 'refused: 0']);
  });
});
