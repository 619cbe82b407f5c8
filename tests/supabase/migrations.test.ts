import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';

describeEachEngine('schema and seed', (engine) => {
  it('indexes every geometry column with GiST', async () => {
    const rows = await engine().sql<{ column: string }>(
      `select c.table_name || '.' || c.column_name as column
       from information_schema.columns c
       where c.table_schema = 'public' and c.udt_name = 'geometry'
         and not exists (
           select 1 from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ix on ix.oid = i.indexrelid
           join pg_am am on am.oid = ix.relam join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey)
           where t.relname = c.table_name and a.attname = c.column_name and am.amname = 'gist')`);
    expect(rows.map((r) => r.column)).toEqual(['parking_lots.footprint']);
  });

  it('enables row-level security on every table', async () => {
    const rows = await engine().sql<{ relname: string }>(
      `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and not relrowsecurity`);
    expect(rows).toEqual([]);
  });

  it('publishes the public layer tables to Supabase Realtime, never cases (tracking codes, unmasked text)', async () => {
    const rows = await engine().sql<{ tablename: string }>(
      `select tablename from pg_publication_tables where pubname = 'supabase_realtime' order by tablename`);
    expect(rows.map((r) => r.tablename)).toEqual(['fire_stations', 'grids', 'parking_lots', 'volunteer_posts']);
  });

  it('assigns every seeded case the meta-grid it lies in', async () => {
    const [row] = await engine().sql<{ unassigned: number; not_meta: number; wrong: number }>(
      `select count(*) filter (where c.grid_id is null)::int as unassigned,
              count(*) filter (where g.level <> 'meta_grid')::int as not_meta,
              count(*) filter (where not ST_Covers(g.geom, c.geom))::int as wrong
       from cases c left join grids g on g.id = c.grid_id`);
    expect(row).toEqual({ unassigned: 0, not_meta: 0, wrong: 0 });
  });

  it('runs on PostgreSQL 15 or later with PostGIS 3', async () => {
    const [row] = await engine().sql<{ pg: number; postgis: string }>(
      `select current_setting('server_version_num')::int as pg, extensions.postgis_lib_version() as postgis`);
    expect(row.pg).toBeGreaterThanOrEqual(150000);
    expect(row.postgis).toMatch(/^3\./);
  });
});
