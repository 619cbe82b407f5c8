/** Small helpers to render SQL literals for the seed. */
import type { Geometry } from 'geojson';

export type SqlValue = string | number | boolean | null;

export function literal(value: SqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to SQL`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `'${value.replaceAll("'", "''")}'`;
}

/** A PostGIS geometry from GeoJSON; polygons are forced to MultiPolygon. */
export function geometry(g: Geometry): string {
  const expr = `ST_SetSRID(ST_GeomFromGeoJSON(${literal(JSON.stringify(g))}), 4326)`;
  return g.type === 'Polygon' || g.type === 'MultiPolygon' ? `ST_Multi(${expr})` : expr;
}

export const hoursAgo = (hours: number) => `now() - interval ${literal(`${hours} hours`)}`;

export function textArray(values: string[]): string {
  return `array[${values.map(literal).join(', ')}]`;
}

/** Multi-row INSERTs of at most `batch` rows; each row is a list of SQL expressions. */
export function insertRows(table: string, columns: string[], rows: string[][], batch = 500): string[] {
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows.slice(i, i + batch).map((row) => `  (${row.join(', ')})`).join(',\n');
    statements.push(`insert into ${table} (${columns.join(', ')}) values\n${values};`);
  }
  return statements;
}
