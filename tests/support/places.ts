import type { Engine } from './engines';

export interface Place {
  gridId: number;
  code: string;
  lon: number;
  lat: number;
}

/** A point well inside a meta-grid under the top-level grid `topCode`. */
export async function placeUnder(engine: Engine, topCode: string): Promise<Place> {
  const [row] = await engine.sql<{ id: number; code: string; lon: number; lat: number }>(
    `select m.id, m.code, ST_X(p) as lon, ST_Y(p) as lat
     from grids m
     join grids micro on micro.id = m.parent_id
     join grids top on top.id = micro.parent_id
     cross join lateral ST_PointOnSurface(m.geom) p
     where top.code = $1 and m.level = 'meta_grid'
     order by m.id limit 1`,
    [topCode],
  );
  if (!row) throw new Error(`no meta-grid under ${topCode}`);
  return { gridId: row.id, code: row.code, lon: row.lon, lat: row.lat };
}

export async function firstCategory(engine: Engine): Promise<string> {
  const [row] = await engine.sql<{ code: string }>(`select code from case_categories where active order by code limit 1`);
  return row.code;
}

export async function count(engine: Engine, table: string): Promise<number> {
  const [row] = await engine.sql<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row.n;
}
