import type { ParkingImportResult } from '../data/types';
import type { ParsedParkingFile } from './parse-parking';

export interface Refusal {
  line: number;
  code: string | null;
  reason: string;
}

/** What an import did with a file: rows read, lots created and updated, readings, and each refused row with why. */
export interface ImportReport {
  read: number;
  created: number;
  updated: number;
  readings: Record<'current' | 'history' | 'duplicate', number>;
  refused: Refusal[];
}

export function importReport(parsed: ParsedParkingFile, results: ParkingImportResult[]): ImportReport {
  const count = (test: (r: ParkingImportResult) => boolean) => results.filter(test).length;
  const refused: Refusal[] = [
    ...parsed.unreadable.map((u) => ({ line: u.line, code: null, reason: u.reason })),
    ...results.filter((r) => r.outcome === 'refused').map((r) => ({ line: r.line, code: r.code, reason: r.reason ?? '' })),
  ].sort((a, b) => a.line - b.line);
  return {
    read: parsed.rows.length + parsed.unreadable.length,
    created: count((r) => r.outcome === 'created'),
    updated: count((r) => r.outcome === 'updated'),
    readings: {
      current: count((r) => r.reading === 'current'),
      history: count((r) => r.reading === 'history'),
      duplicate: count((r) => r.reading === 'duplicate'),
    },
    refused,
  };
}

/** The report as lines of text, for the command line. */
export function formatImportReport(report: ImportReport, unit: ParsedParkingFile['unit']): string[] {
  const { read, created, updated, readings, refused } = report;
  const width = Math.max(0, ...refused.map((r) => `${unit} ${r.line}`.length));
  const codeWidth = Math.max(1, ...refused.map((r) => (r.code ?? '—').length));
  return [
    `rows read: ${read}`,
    `upserted: ${created + updated} (${created} created, ${updated} updated) · readings: ${readings.current} current, ${readings.history} history, ${readings.duplicate} already stored`,
    `refused: ${refused.length}`,
    ...refused.map((r) => `  ${`${unit} ${r.line}`.padEnd(width)}  ${(r.code ?? '—').padEnd(codeWidth)}  ${r.reason}`),
  ];
}
