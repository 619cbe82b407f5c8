import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';

describeEachEngine('grid hierarchy', (engine) => {
  async function insertGrid(code: string, parentCode: string | null, level: string, geometrySql: string) {
    return engine().sql(
      `insert into grids (subdistrict_id, level, parent_id, code, name_zh, name_en, responsible_name, responsible_phone, geom)
       select s.id, $3::grid_level, p.id, $1, '测试', 'test', '张三', '021-60000000', ST_Multi(${geometrySql})
       from subdistricts s left join grids p on p.code = $2
       where s.code = 'pingliang_road'`,
      [code, parentCode, level],
    );
  }

  it('has 18 grids, 88 micro-grids and 659 meta-grids in Pingliang Road', async () => {
    const rows = await engine().sql<{ level: string; n: number }>(
      `select g.level::text as level, count(*)::int as n from grids g join subdistricts s on s.id = g.subdistrict_id
       where s.code = 'pingliang_road' group by g.level order by g.level`);
    expect(rows).toEqual([{ level: 'grid', n: 18 }, { level: 'micro_grid', n: 88 }, { level: 'meta_grid', n: 659 }]);
  });

  it('refuses a micro-grid reaching outside its parent', async () => {
    await expect(insertGrid('T-OUT', 'PLR-G01', 'micro_grid',
      `(select ST_Translate(geom, 0.01, 0) from grids where code = 'PLR-G01')`)).rejects.toThrow(/grid T-OUT: .* m² lies outside its parent/);
  });

  it('refuses a grid overlapping a sibling', async () => {
    await expect(insertGrid('T-OVERLAP', null, 'grid', `(select ST_Buffer(ST_PointOnSurface(geom), 0.0008) from grids where code = 'PLR-G01')`))
      .rejects.toThrow(/grid T-OVERLAP: overlaps sibling PLR-G\d+ by \d+ m²/);
  });

  it('refuses invalid geometry and a level that does not fit its parent', async () => {
    await expect(insertGrid('T-BOWTIE', 'PLR-G01', 'micro_grid',
      `ST_GeomFromText('POLYGON((121.52 31.26, 121.521 31.261, 121.521 31.26, 121.52 31.261, 121.52 31.26))', 4326)`))
      .rejects.toThrow(/grids T-BOWTIE: geom invalid geometry: Self-intersection/);
    await expect(insertGrid('T-LEVEL', 'PLR-G01', 'meta_grid', `(select geom from grids where code = 'PLR-G01')`))
      .rejects.toThrow(/a meta_grid cannot have a grid as parent/);
  });

  it('assigns a point on a shared edge to exactly one meta-grid', async () => {
    const [edge] = await engine().sql<{ lon: number; lat: number; a: number; b: number }>(
      `select ST_X(p) as lon, ST_Y(p) as lat, a.id as a, b.id as b
       from grids a join grids b on a.parent_id = b.parent_id and a.id < b.id and ST_Touches(a.geom, b.geom)
       cross join lateral ST_StartPoint(ST_GeometryN(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 2), 1)) p
       where a.level = 'meta_grid' and ST_Dimension(ST_Intersection(a.geom, b.geom)) = 1
       limit 1`);
    const [row] = await engine().sql<{ grid_id: number; n: number }>(
      `select finest_grid_at(ST_SetSRID(ST_MakePoint($1, $2), 4326)) as grid_id,
              (select count(*)::int from grids where level = 'meta_grid' and ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))) as n`,
      [edge.lon, edge.lat]);
    expect([edge.a, edge.b]).toContain(row.grid_id);
    expect(row.n).toBeGreaterThanOrEqual(2);
  });
});
