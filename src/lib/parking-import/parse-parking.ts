/**
 * Parking files into import rows: GeoJSON, CSV and ParkAPI JSON. Values stay
 * as the file wrote them; the database (import_parking) checks them, so the
 * command line and the admin's drop-zone refuse the same rows for the same
 * reasons. Only what cannot be read as a row at all is refused here.
 */
import type { ParkingImportRow } from '../data/types';

export const IMPORT_FIELDS = ['code', 'name_zh', 'name_en', 'kind', 'capacity', 'free_spaces', 'fee_per_hour_cny', 'hours', 'lon', 'lat', 'observed_at'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Which column (CSV) or property (GeoJSON, ParkAPI) each field is read from. */
export type FieldMap = Partial<Record<ImportField, string>>;

export type ParkingFormat = 'geojson' | 'csv' | 'parkapi';
export interface ParsedParkingFile {
  format: ParkingFormat;
  /** What `line` counts in the report: file lines (CSV), features (GeoJSON) or lots (ParkAPI), from 1. */
  unit: 'line' | 'feature' | 'lot';
  rows: ParkingImportRow[];
  /** Rows that could not be read, with why. */
  unreadable: { line: number; reason: string }[];
}

/** Other names a column commonly has (in any case); a field map overrides them. */
const ALIASES: Record<ImportField, string[]> = {
  code: ['code', 'id'],
  name_zh: ['name_zh'],
  name_en: ['name_en'],
  kind: ['kind', 'type'],
  capacity: ['capacity', 'total'],
  free_spaces: ['free_spaces', 'free'],
  fee_per_hour_cny: ['fee_per_hour_cny', 'fee'],
  hours: ['hours', 'opening_hours'],
  lon: ['lon', 'lng', 'longitude'],
  lat: ['lat', 'latitude'],
  observed_at: ['observed_at', 'last_updated', 'timestamp'],
};

/** `code=id,capacity=total` as a field map; a field it does not know is an error naming it. */
export function parseFieldMap(spec: string): FieldMap {
  const map: FieldMap = {};
  for (const pair of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [field, column] = pair.split('=').map((s) => s?.trim());
    if (!IMPORT_FIELDS.includes(field as ImportField) || !column) {
      throw new Error(`field map entry "${pair}": expected field=column with a field among ${IMPORT_FIELDS.join(', ')}`);
    }
    map[field as ImportField] = column;
  }
  return map;
}

type Value = string | number | null;

/** The row of import fields found in `record` (a CSV row or a feature's properties). */
function pick(record: Record<string, unknown>, line: number, map: FieldMap): ParkingImportRow {
  const keys = new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
  const alias = (names: string[]) => names.map((n) => keys.get(n)).find((k) => k !== undefined);
  const row: ParkingImportRow = { line };
  for (const field of IMPORT_FIELDS) {
    const key = map[field] ?? alias(ALIASES[field]);
    const value = key === undefined ? undefined : record[key];
    if (value !== undefined && value !== null && value !== '') row[field] = typeof value === 'number' ? value : String(value);
  }
  // One name for both languages where the file has only one.
  const name = record[alias(['name']) ?? ''];
  if (row.name_zh === undefined && row.name_en === undefined && typeof name === 'string' && name !== '') row.name_zh = row.name_en = name;
  return row;
}

/** RFC 4180 CSV: quoted fields with commas, quotes and line breaks; the delimiter (, ; or tab) read from the header. */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best));
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[++i];
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: startLine, fields });
      fields = [];
      field = '';
      startLine = ++line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: startLine, fields });
  return records;
}

function parseCsv(text: string, map: FieldMap): ParsedParkingFile {
  const [header, ...records] = parseCsvRecords(text);
  const columns = header?.fields.map((f) => f.trim()) ?? [];
  const parsed: ParsedParkingFile = { format: 'csv', unit: 'line', rows: [], unreadable: [] };
  for (const { line, fields } of records) {
    if (fields.length !== columns.length) {
      parsed.unreadable.push({ line, reason: `${fields.length} fields where the header has ${columns.length}` });
      continue;
    }
    parsed.rows.push(pick(Object.fromEntries(columns.map((c, i) => [c, fields[i]])), line, map));
  }
  return parsed;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseGeoJson(json: Record<string, unknown>, map: FieldMap): ParsedParkingFile {
  const features = json.type === 'Feature' ? [json] : Array.isArray(json.features) ? json.features : [];
  const parsed: ParsedParkingFile = { format: 'geojson', unit: 'feature', rows: [], unreadable: [] };
  features.forEach((feature: unknown, i) => {
    const line = i + 1;
    const geometry = isObject(feature) ? feature.geometry : undefined;
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
      const type = isObject(geometry) ? String(geometry.type) : 'missing';
      parsed.unreadable.push({ line, reason: `geometry is ${type}, not a Point` });
      return;
    }
    const [lon, lat] = geometry.coordinates as Value[];
    // A feature's own id names the lot where its properties do not.
    const id = (feature as { id?: unknown }).id;
    parsed.rows.push(pick({ ...(id === undefined ? {} : { id }), ...properties, lon, lat }, line, map));
  });
  return parsed;
}

/** ParkAPI's times are UTC without an offset; they are marked as such before the database reads them. */
const asUtc = (time: unknown) => (typeof time === 'string' && /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(time) ? `${time}Z` : time);

function parseParkApi(json: Record<string, unknown>, map: FieldMap): ParsedParkingFile {
  const parsed: ParsedParkingFile = { format: 'parkapi', unit: 'lot', rows: [], unreadable: [] };
  (json.lots as unknown[]).forEach((lot, i) => {
    if (!isObject(lot)) {
      parsed.unreadable.push({ line: i + 1, reason: 'the lot is not an object' });
      return;
    }
    const coords = isObject(lot.coords) ? lot.coords : {};
    // 'nodata': the operator does not know the free spaces now, so there is no reading.
    const known = lot.state !== 'nodata';
    parsed.rows.push(
      pick(
        {
          ...lot,
          lon: coords.lng,
          lat: coords.lat,
          free: known ? lot.free : undefined,
          last_updated: known ? asUtc(lot.last_updated ?? json.last_updated) : undefined,
        },
        i + 1,
        map,
      ),
    );
  });
  return parsed;
}

/** Reads a parking file, by its content (JSON: ParkAPI when it has `lots`, else GeoJSON; otherwise CSV). */
export function parseParkingFile(text: string, map: FieldMap = {}): ParsedParkingFile {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return parseCsv(text, map);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`);
  }
  if (isObject(json) && Array.isArray(json.lots)) return parseParkApi(json, map);
  if (isObject(json) && (json.type === 'FeatureCollection' || json.type === 'Feature')) return parseGeoJson(json, map);
  throw new Error('JSON that is neither GeoJSON (a FeatureCollection of Points) nor ParkAPI (an object with "lots")');
}
