import type { Feature, FeatureCollection, Point } from 'geojson';
import { caseNo } from '../data/case-columns';
import { CASE_SOURCES, CASE_STATUSES, type CaseCategory, type CaseColumns } from '../data/types';
import { isOverdue } from '../overlays/case-attributes';

/** One exported case: what an inspector's report or a GIS desk needs, with times in ISO 8601 (UTC). */
export interface ExportedCase {
  case_no: string;
  category_code: string;
  category: string;
  status: string;
  source: string;
  overdue: boolean;
  reported_at: string;
  due_at: string;
  closed_at: string | null;
  grid_code: string | null;
  lon: number;
  lat: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function exportedCases(c: CaseColumns, rows: number[], categories: CaseCategory[], gridCodes: Map<number, string>, now: number): ExportedCase[] {
  const names = new Map(categories.map((k) => [k.code, `${k.nameZh} ${k.nameEn}`]));
  return rows.map((i) => {
    const code = c.categoryCodes[c.categories[i]];
    return {
      case_no: caseNo(c, i),
      category_code: code,
      category: names.get(code) ?? code,
      status: CASE_STATUSES[c.statuses[i]],
      source: CASE_SOURCES[c.sources[i]],
      overdue: isOverdue(c, i, now),
      reported_at: iso(c.reportedAt[i]),
      due_at: iso(c.dueAt[i]),
      closed_at: c.closedAt[i] ? iso(c.closedAt[i]) : null,
      grid_code: gridCodes.get(c.gridIds[i]) ?? null,
      lon: c.positions[2 * i],
      lat: c.positions[2 * i + 1],
    };
  });
}

/** A spreadsheet cell: quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ cannot start a formula. */
function cell(value: unknown): string {
  let text = value == null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV with a byte-order mark, so spreadsheet programs read the Chinese names as UTF-8. */
export function casesCsv(cases: ExportedCase[]): string {
  const columns = Object.keys(cases[0] ?? { case_no: '' }) as (keyof ExportedCase)[];
  const lines = [columns.join(','), ...cases.map((row) => columns.map((k) => cell(row[k])).join(','))];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export function casesGeoJson(cases: ExportedCase[]): FeatureCollection<Point> {
  const features = cases.map(({ lon, lat, ...properties }): Feature<Point> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties,
  }));
  return { type: 'FeatureCollection', features };
}

/** Hands a file to the browser's download. */
export function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
