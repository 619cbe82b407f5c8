/**
 * Hotspots over the whole service area, at 10k and 100k cases: aggregated in
 * SQL with ST_HexagonGrid and ST_SquareGrid (PGlite, and PostgreSQL where
 * DATABASE_URL is set), against binning the typed case columns the browser
 * already holds: by hand, and with deck.gl's CPUAggregator the way
 * HexagonLayer runs it without a GPU. The same cell size, filters and weights
 * everywhere; the ratio says how many times faster than the SQL hexagons.
 *
 *   npx tsx scripts/bench/hotspots.ts [--zoom=12]   (alone, or from `npm run bench`)
 */
import { CPUAggregator } from '@deck.gl/aggregation-layers';
import { WebMercatorViewport } from '@deck.gl/core';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCitygridData } from '../../src/lib/data/citygrid-data';
import { SqlTransport, type SqlDatabase } from '../../src/lib/data/sql-transport';
import { caseNo, indexOfCase, patchCaseColumns, toCaseColumns } from '../../src/lib/data/case-columns';
import { CASE_SOURCES, CASE_STATUSES, type CaseColumns } from '../../src/lib/data/types';
import { gridMix, mixRule, parentsOf, patchGridMix, type ParentOf } from '../../src/lib/overlays/grid-mix';
import { caseMatcher } from '../../src/lib/overlays/case-attributes';
import { hexOf } from '../../src/lib/overlays/hexagons';
import { binHotspots, caseHeat, countsAsHot, heatClasses, hexRadiusForZoom, HEAT_HALF_LIFE_DAYS, OVERDUE_HEAT, patchHotspots } from '../../src/lib/overlays/hotspot-bins';
import { OPEN_STATUSES, type CaseFilters } from '../../src/lib/view/view-state.svelte';
import { addSyntheticCases, ensureSnapshot } from '../db-snapshot';
import { printTable, record, time } from './measure';
import { EmbeddedSession } from '../../src/lib/accounts/session';

type Exec = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const FILTERS: CaseFilters = { statuses: [...OPEN_STATUSES], categories: [], sources: [], sinceDays: 30, overdueOnly: false, replayAt: null };
/** Metres of EPSG:3857 per screen pixel at zoom 0 with 512-pixel tiles: the SQL cells match the browser's. */
const MERCATOR_M_PER_PX = 40_075_016.686 / 512;

/** The same open cases, weights and cell size as the browser, in SQL: one grid over the service area's extent, joined through the cases' GiST index. */
function sqlCells(grid: 'ST_HexagonGrid' | 'ST_SquareGrid') {
  return `with area as (select ST_Transform(ST_SetSRID(ST_Extent(geom), 4326), 3857) as box from subdistricts),
    cells as (select c.i, c.j, ST_Transform(c.geom, 4326) as geom from area, ${grid}($1, area.box) c)
    select cells.i, cells.j, count(*)::int as cases,
           sum(power(0.5, extract(epoch from $2::timestamptz - k.reported_at) / 86400 / ${HEAT_HALF_LIFE_DAYS})
               + case when k.due_at < $2::timestamptz then ${OVERDUE_HEAT} else 0 end) as heat
    from cells join cases k on ST_Intersects(cells.geom, k.geom)
    where k.status not in ('closed', 'rejected') and k.reported_at >= $2::timestamptz - interval '${FILTERS.sinceDays} days'
    group by cells.i, cells.j`;
}

async function sqlAggregation(exec: Exec, zoom: number, now: Date) {
  const radiusM = hexRadiusForZoom(zoom) * 512 * MERCATOR_M_PER_PX;
  // A square of the hexagon's area, so both grids have about as many cells.
  const sideM = radiusM * Math.sqrt((3 * Math.sqrt(3)) / 2);
  let hexCells = 0;
  const hexMs = await time(async () => (hexCells = (await exec(sqlCells('ST_HexagonGrid'), [radiusM, now])).rows.length), 3);
  const squareMs = await time(() => exec(sqlCells('ST_SquareGrid'), [sideM, now]), 3);
  return { hexMs, squareMs, hexCells };
}

/** deck.gl's CPU path of HexagonLayer: the points it is given (the filtered open cases, with their heat), projected and binned one by one. */
function deckCpuAggregation(c: CaseColumns, include: (i: number) => boolean, now: number, zoom: number): number {
  const rows: number[] = [];
  for (let i = 0; i < c.length; i++) if (countsAsHot(c, i, include)) rows.push(i);
  const positions = new Float64Array(rows.length * 3);
  const weights = new Float32Array(rows.length);
  rows.forEach((row, k) => {
    positions.set([c.positions[2 * row], c.positions[2 * row + 1], 0], k * 3);
    weights[k] = caseHeat(c, row, now);
  });
  const viewport = new WebMercatorViewport({ longitude: 121.5, latitude: 31.27, zoom: 12, width: 1, height: 1 });
  const origin = viewport.projectPosition([121.5, 31.27, 0]);
  const radiusCommon = hexRadiusForZoom(zoom) * 512;
  const attribute = (value: Float64Array | Float32Array, size: number) => ({ value, isConstant: false, getAccessor: () => ({ size }) });
  const aggregator = new CPUAggregator({
    dimensions: 2,
    getBin: {
      sources: ['positions'],
      getValue: ({ positions: p }: { positions: number[] }) => {
        const common = viewport.projectPosition(p);
        return hexOf(common[0] - origin[0], common[1] - origin[1], radiusCommon);
      },
    },
    getValue: [{ sources: ['colorWeights'], getValue: ({ colorWeights }: { colorWeights: number }) => colorWeights }],
  } as never);
  aggregator.setProps({ pointCount: rows.length, operations: ['SUM'], binOptions: { radiusCommon }, attributes: { positions: attribute(positions, 3), colorWeights: attribute(weights, 1) } } as never);
  aggregator.update();
  return aggregator.binCount;
}

/** A live patch of 100 cases moving on: the hotspots and the grids' donuts moved by it, against counting every case again. */
async function livePatch(c: CaseColumns, parentOf: ParentOf, now: number, zoom: number, label: string) {
  const include = caseMatcher(c, FILTERS, now);
  const radius = hexRadiusForZoom(zoom);
  const rule = mixRule(FILTERS, c.categoryCodes, now);
  const bins = binHotspots(c, include, now, radius);
  const mix = gridMix(c, parentOf, rule);
  const ids = Array.from({ length: 100 }, (_, k) => c.ids[Math.floor((k * c.length) / 100)]);
  const moved = toCaseColumns(ids.map((id) => ({ ...rowOf(c, indexOfCase(c, id)), status: 'handling' })), c.categoryCodes);
  const patch = patchCaseColumns(structuredClone(c), ids, moved);
  const includeOf = (k: CaseColumns) => caseMatcher(k, FILTERS, now);
  const rebinMs = await time(() => binHotspots(patch.columns, includeOf(patch.columns), now, radius), 3);
  record(`hotspots ${label}: 100 changed cases, patched`, 'binned again', rebinMs, await time(() => patchHotspots(bins, patch, includeOf, now), 3));
  const recountMs = await time(() => gridMix(patch.columns, parentOf, rule), 3);
  record(`grid donuts ${label}: 100 changed cases, patched`, 'counted again', recountMs, await time(() => patchGridMix(mix, patch, parentOf, rule), 3));
}

/** A case row as the transport gives it, from the columns. */
function rowOf(c: CaseColumns, i: number) {
  return {
    id: c.ids[i], case_no: caseNo(c, i), category_code: c.categoryCodes[c.categories[i]], source: CASE_SOURCES[c.sources[i]], status: CASE_STATUSES[c.statuses[i]],
    lon: c.positions[2 * i], lat: c.positions[2 * i + 1], grid_id: c.gridIds[i], reported_at: c.reportedAt[i], due_at: c.dueAt[i], closed_at: null,
  };
}

async function browserAggregation(c: CaseColumns, now: number, zoom: number) {
  const include = caseMatcher(c, FILTERS, now);
  const radius = hexRadiusForZoom(zoom);
  let cells = 0;
  const handMs = await time(() => {
    const bins = binHotspots(c, include, now, radius);
    heatClasses(bins.cells, 5);
    cells = bins.cells.length;
  }, 5);
  let deckCells = 0;
  const deckMs = await time(() => (deckCells = deckCpuAggregation(c, include, now, zoom)), 5);
  return { handMs, deckMs, cells, deckCells };
}

const DROP_SYNTHETIC = `set session_replication_role = replica; delete from cases where case_no like 'CGS-%'; set session_replication_role = origin;`;

/** Runs every approach at each scale of cases; `postgres` adds the same SQL on a real server. */
export async function hotspotAggregation(db: PGlite, zoom: number, postgres?: { exec: Exec; addCases(n: number): Promise<void> }) {
  const exec: Exec = (sql, params) => db.query(sql, params) as never;
  await exec('set search_path = public, extensions');
  const seedCount = Number((await exec('select count(*) as n from cases')).rows[0].n);
  const transport = new SqlTransport(db as unknown as SqlDatabase);
const data = createCitygridData(transport, new EmbeddedSession(transport));
  const grids = (await Promise.all((['grid', 'micro_grid', 'meta_grid'] as const).map((level) => data.grids(level)))).flat();
  for (const scale of [10_000, 100_000]) {
    await db.exec(DROP_SYNTHETIC);
    await addSyntheticCases(db, scale - seedCount);
    const now = new Date();
    const columns = await data.cases();
    const browser = await browserAggregation(columns, now.getTime(), zoom);
    const pglite = await sqlAggregation(exec, zoom, now);
    const label = `${scale / 1000}k cases, zoom ${zoom}`;
    console.log(`  ${label}: ${columns.length} cases read, ${browser.cells} cells in the browser (deck.gl ${browser.deckCells}), ${pglite.hexCells} from SQL`);
    record(`hotspots ${label}: hand-rolled bins`, 'ST_HexagonGrid, PGlite', pglite.hexMs, browser.handMs);
    record(`hotspots ${label}: deck.gl CPUAggregator`, 'ST_HexagonGrid, PGlite', pglite.hexMs, browser.deckMs);
    record(`hotspots ${label}: ST_SquareGrid, PGlite`, 'ST_HexagonGrid, PGlite', pglite.hexMs, pglite.squareMs);
    await livePatch(columns, parentsOf(grids), now.getTime(), zoom, label);
    if (postgres) {
      await postgres.exec(DROP_SYNTHETIC);
      await postgres.addCases(scale - seedCount);
      const server = await sqlAggregation(postgres.exec, zoom, now);
      record(`hotspots ${label}: hand-rolled bins`, 'ST_HexagonGrid, PostgreSQL', server.hexMs, browser.handMs);
      record(`hotspots ${label}: ST_SquareGrid, PostgreSQL`, 'ST_HexagonGrid, PostgreSQL', server.hexMs, server.squareMs);
    }
  }
  await db.exec(DROP_SYNTHETIC);
  await postgres?.exec(DROP_SYNTHETIC);
}

/** The PostgreSQL side: the test database, migrated and seeded afresh, and the same synthetic cases. */
async function postgresSide() {
  if (!process.env.DATABASE_URL) return undefined;
  const { preparePostgres, testDatabaseUrl } = await import('../../tests/support/postgres');
  const pg = (await import('pg')).default;
  await preparePostgres(process.env.DATABASE_URL);
  const client = new pg.Client({ connectionString: testDatabaseUrl(process.env.DATABASE_URL) });
  await client.connect();
  client.on('notice', () => {});
  const exec: Exec = (sql, params) => client.query(sql, params) as never;
  await exec('set search_path = public, extensions');
  const addCases = (n: number) => addSyntheticCases({ exec: (sql: string) => client.query(sql) } as unknown as PGlite, n);
  return { exec, addCases, close: () => client.end() };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const zoom = Number(process.argv.find((a) => a.startsWith('--zoom='))?.slice(7) ?? 12);
  const snapshot = readFileSync(await ensureSnapshot(() => {}));
  const db = await PGlite.create({ extensions: { postgis }, loadDataDir: new Blob([snapshot]) });
  const postgres = await postgresSide();
  try {
    await hotspotAggregation(db, zoom, postgres);
  } finally {
    await postgres?.close();
    await db.close();
  }
  printTable();
}
