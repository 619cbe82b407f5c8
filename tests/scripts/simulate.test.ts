import { describe, expect, it } from 'vitest';
import { simulate } from '../../scripts/simulate';
import { CONNECTION_HELP } from '../../scripts/service-connection';
import { testDatabaseUrl } from '../support/postgres';

describe('npm run simulate', () => {
  it('says which variables it needs when none is set', async () => {
    await expect(simulate([], {}, () => {})).rejects.toThrow(CONNECTION_HELP);
  });

  it('refuses a speed it cannot play, naming it', async () => {
    await expect(simulate(['--speed=fast'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' }, () => {})).rejects.toThrow(/speed .*NaN/);
  });

  it.skipIf(!process.env.DATABASE_URL)('feeds PostgreSQL for the ticks asked and prints a line for each', async () => {
    const lines: string[] = [];
    await simulate(['--speed=600', '--ticks=2', '--tick-ms=10', '--seed=4'], { DATABASE_URL: testDatabaseUrl(process.env.DATABASE_URL!) }, (l) => lines.push(l));
    expect(lines[0]).toMatch(/^demo feed → PostgreSQL 127\.0\.0\.1:5432\/citygrid_test\w*, speed ×600$/);
    expect(lines.slice(1)).toHaveLength(2);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d\d:\d\d Shanghai \(simulated\) · readings \d+ · reports \d+ · alarms \d+ · check-ins \d+$/);
  });
});
