/** Renders supabase/seed.sql from the validated geo/ files. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { SeededRandom } from '../../src/lib/geo/seeded-random.ts';
import type { CaseCategory } from './categories.ts';
import { geometry, hoursAgo, insertRows, literal, textArray, type SqlValue } from './sql.ts';

export interface GeoData {
  subdistricts: FeatureCollection;
  grids: FeatureCollection;
  categories: CaseCategory[];
  cases: FeatureCollection;
  fireStations: FeatureCollection;
  parkingLots: FeatureCollection;
  volunteerPosts: FeatureCollection;
}

/** Demo staff: inspector user id → the grid codes they work in. */
export const DEMO_INSPECTORS: Record<string, string[]> = {
  '00000000-0000-4000-8000-000000000001': ['PLR-G01', 'PLR-G02'],
  '00000000-0000-4000-8000-000000000002': ['PPX-G01', 'PPX-G02'],
};

const READINGS_PER_LOT = 96; // 24 h every 15 minutes
const SHANGHAI_HOUR = (at: string) =>
  `(extract(hour from ${at} at time zone 'Asia/Shanghai') + extract(minute from ${at} at time zone 'Asia/Shanghai') / 60)`;
/** Daily occupancy: mean, swing and the hour of the peak. Residential fills at night, the rest by day. */
const OCCUPANCY: Record<string, [number, number, number]> = {
  residential: [0.72, 0.24, 2],
  public: [0.55, 0.35, 14],
  shared: [0.5, 0.35, 13],
  on_street: [0.6, 0.3, 12],
};

// Properties were validated before rendering, so they are read loosely here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const props = (f: Feature) => f.properties as Record<string, any>;
const values = (f: Feature, keys: string[]) => keys.map((k) => literal((props(f)[k] ?? null) as SqlValue));
const subdistrictId = (code: string) => `(select id from subdistricts where code = ${literal(code)})`;
const gridId = (code: string) => `(select id from grids where code = ${literal(code)})`;

function subdistrictRows(fc: FeatureCollection): string[] {
  const keys = ['code', 'name_zh', 'name_en', 'district_zh', 'district_en', 'synthetic', 'source'];
  const rows = fc.features.map((f) => [...values(f, keys), geometry(f.geometry)]);
  return insertRows('subdistricts', [...keys, 'geom'], rows);
}

/** Level by level, since a trigger checks every grid against its parent and siblings. */
function gridRows(fc: FeatureCollection): string[] {
  const keys = ['level', 'code', 'name_zh', 'name_en', 'responsible_name', 'responsible_phone', 'synthetic'];
  const columns = ['subdistrict_id', 'parent_id', ...keys, 'geom'];
  return ['grid', 'micro_grid', 'meta_grid'].flatMap((level) => {
    const rows = fc.features
      .filter((f) => props(f).level === level)
      .map((f) => {
        const parent = props(f).parent_code;
        return [subdistrictId(props(f).subdistrict_code), parent ? gridId(parent) : 'null', ...values(f, keys), geometry(f.geometry)];
      });
    return insertRows('grids', columns, rows);
  });
}

function categoryRows(categories: CaseCategory[]): string[] {
  const rows = categories.map((c) => [c.code, c.kind, c.name_zh, c.name_en, c.sla_hours].map(literal));
  return insertRows('case_categories', ['code', 'kind', 'name_zh', 'name_en', 'sla_hours'], rows);
}

function caseRow(f: Feature): string[] {
  const p = props(f);
  const closedAt = p.status === 'closed' ? `${hoursAgo(p.reported_hours_ago)} + interval ${literal(`${p.closed_hours_after} hours`)}` : 'null';
  return [...values(f, ['category_code', 'source', 'status']), literal(p.description_zh), literal(p.address),
    geometry(f.geometry), hoursAgo(p.reported_hours_ago), closedAt];
}

/**
 * Cases in file order, then their reporters. Identity ids follow insertion order,
 * so the n-th case of the file is max(id) - count + n.
 */
function caseStatements(fc: FeatureCollection): string[] {
  const columns = ['category_code', 'source', 'status', 'description', 'address', 'geom', 'reported_at', 'closed_at'];
  const inserts = insertRows('cases', columns, fc.features.map(caseRow));
  const contacts = fc.features
    .map((f, i) => [i + 1, props(f).reporter_contact] as const)
    .filter(([, contact]) => contact)
    .map(([n, contact]) => `(${n}, ${literal(contact)})`);
  const reporters = `insert into case_reporters (case_id, contact)
select c.id, v.contact from (values ${contacts.join(', ')}) as v(n, contact)
join cases c on c.id = v.n + (select max(id) from cases) - ${fc.features.length};`;
  return [...inserts, reporters];
}

function fireStationRows(fc: FeatureCollection): string[] {
  const keys = ['code', 'kind', 'name_zh', 'name_en', 'staff', 'response_minutes', 'synthetic'];
  return insertRows('fire_stations', [...keys, 'geom'], fc.features.map((f) => [...values(f, keys), geometry(f.geometry)]));
}

function parkingLotRows(fc: FeatureCollection): string[] {
  const keys = ['code', 'kind', 'name_zh', 'name_en', 'capacity', 'fee_per_hour_cny', 'hours', 'synthetic'];
  // Lots start empty a day ago; the readings below bring free_spaces up to date.
  const rows = fc.features.map((f) => {
    const footprint = props(f).footprint as Geometry | null;
    return [...values(f, keys), literal(props(f).capacity), geometry(f.geometry),
      footprint ? geometry(footprint) : 'null', `now() - interval '24 hours'`];
  });
  return insertRows('parking_lots', [...keys, 'free_spaces', 'geom', 'footprint', 'updated_at'], rows);
}

/** One statement per lot: a daily curve computed in SQL (local hour of each reading) plus seeded noise. */
function parkingReadingStatement(f: Feature, rng: SeededRandom): string {
  const [mean, swing, peak] = OCCUPANCY[props(f).kind];
  let walk = 0;
  const noise = Array.from({ length: READINGS_PER_LOT }, () => {
    walk = 0.7 * walk + 0.04 * rng.normal();
    return walk.toFixed(3);
  });
  const at = 'r.observed_at';
  const occupancy = `${mean} + ${swing} * cos(2 * pi() * (${SHANGHAI_HOUR(at)} - ${peak}) / 24) + r.noise`;
  return `insert into parking_readings (lot_id, observed_at, free_spaces)
select l.id, ${at}, round(l.capacity * (1 - least(1, greatest(0, ${occupancy}))))::int
from parking_lots l, lateral (
  select now() - make_interval(mins => 15 * (${READINGS_PER_LOT} - i::int)) as observed_at, noise
  from unnest('{${noise.join(',')}}'::float8[]) with ordinality as u(noise, i)
) r
where l.code = ${literal(props(f).code)}
order by r.observed_at;`;
}

function volunteerPostRows(fc: FeatureCollection, rng: SeededRandom): string[] {
  const keys = ['code', 'team_zh', 'team_en', 'name_zh', 'name_en'];
  const rows = fc.features.map((f) => {
    const planned = props(f).planned;
    const onDuty = rng.chance(0.2) ? 0 : rng.int(1, planned);
    return [...values(f, keys), textArray(props(f).duty_kinds), literal(onDuty), literal(planned),
      literal(props(f).shift_start), literal(props(f).shift_end), literal(true), geometry(f.geometry)];
  });
  const columns = [...keys, 'duty_kinds', 'on_duty', 'planned', 'shift_start', 'shift_end', 'synthetic', 'geom'];
  return insertRows('volunteer_posts', columns, rows);
}

function inspectorGridRows(): string[] {
  return Object.entries(DEMO_INSPECTORS).map(
    ([user, codes]) =>
      `insert into inspector_grids (user_id, grid_id) select ${literal(user)}::uuid, id from grids where code in (${codes.map(literal).join(', ')});`,
  );
}

function section(title: string, statements: string[]): string {
  return `-- ${title}\n${statements.join('\n')}\n`;
}

export function seedSql(data: GeoData, rng: SeededRandom): string {
  const readings = rng.fork('parking_readings');
  return [
    '-- Generated by scripts/geo-build.ts from geo/*.geojson; do not edit by hand.',
    '-- Sub-district boundaries of Kongjiang Road and Wuliqiao: © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright).',
    '-- Everything else is synthetic demo data.',
    'set search_path = public, extensions;',
    "-- A bulk load: no change event per row (listeners reload afterwards).",
    "select set_config('citygrid.bulk_load', 'on', false);\n",
    section('sub-districts', subdistrictRows(data.subdistricts)),
    section('grids, level by level', gridRows(data.grids)),
    section('inspector assignments', inspectorGridRows()),
    section('case categories', categoryRows(data.categories)),
    section('cases and reporters', caseStatements(data.cases)),
    section('fire stations', fireStationRows(data.fireStations)),
    section('parking lots', parkingLotRows(data.parkingLots)),
    section('parking readings', data.parkingLots.features.map((f) => parkingReadingStatement(f, readings))),
    section('volunteer posts', volunteerPostRows(data.volunteerPosts, rng.fork('volunteer_posts'))),
    "select set_config('citygrid.bulk_load', 'off', false);\n",
  ].join('\n');
}
