/**
 * Parking lots and readings from a file into Citygrid, through import_parking:
 *   npm run import:parking -- FILE [--map field=column,…] [--dry-run]
 * GeoJSON, CSV or ParkAPI JSON; with SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY, or DATABASE_URL.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parkingImportArgs, toParkingImportResult } from '../src/lib/data/citygrid-data';
import { RPC_FUNCTIONS } from '../src/lib/data/rpc';
import type { ParkingImportResult } from '../src/lib/data/types';
import { formatImportReport, importReport } from '../src/lib/parking-import/import-report';
import { parseFieldMap, parseParkingFile } from '../src/lib/parking-import/parse-parking';
import { openServiceConnection } from './service-connection';

/** Rows a call sends (the function takes at most 10,000). */
const ROWS_PER_CALL = 5000;
const FORMAT_NAMES = { csv: 'CSV', geojson: 'GeoJSON', parkapi: 'ParkAPI JSON' } as const;

/** Imports the file named in `argv` and prints the report; resolves to the number of refused rows. */
export async function importParking(argv: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { map: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
  if (positionals.length !== 1) throw new Error('usage: npm run import:parking -- FILE [--map field=column,…] [--dry-run]');
  const [file] = positionals;
  const dryRun = values['dry-run'] ?? false;
  const parsed = parseParkingFile(readFileSync(file, 'utf8'), parseFieldMap(values.map ?? ''));
  const connection = openServiceConnection(env);
  try {
    log(`parking import: ${basename(file)} (${FORMAT_NAMES[parsed.format]}) → ${connection.target}${dryRun ? ' — dry run, nothing written' : ''}`);
    const results: ParkingImportResult[] = [];
    for (let i = 0; i < parsed.rows.length; i += ROWS_PER_CALL) {
      const args = parkingImportArgs(parsed.rows.slice(i, i + ROWS_PER_CALL), dryRun);
      results.push(...(await connection.call('import_parking', RPC_FUNCTIONS.import_parking.args, args)).map(toParkingImportResult));
    }
    const report = importReport(parsed, results);
    for (const line of formatImportReport(report, parsed.unit)) log(line);
    return report.refused.length;
  } finally {
    await connection.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  importParking(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (refused) => process.exit(refused > 0 ? 2 : 0),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
