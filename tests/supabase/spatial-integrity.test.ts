import { expect, it } from 'vitest';
import { asRole, describeEachEngine } from '../support/engines';
import { count, firstCategory, placeUnder } from '../support/places';

const DRESDEN = 'SRID=4326;POINT(13.7373 51.0504)';

describeEachEngine('spatial integrity', (engine) => {
  const asService = (sql: string, params: unknown[] = []) => asRole(engine(), 'service', sql, params);

  it('refuses facilities outside the service area for every role, naming the row and the reason', async () => {
    const before = await engine().as('public').kpis();
    await expect(asService(`insert into parking_lots (code, kind, name_zh, name_en, capacity, free_spaces, geom)
      values ('PK-DRESDEN', 'public', '德累斯顿', 'Dresden', 8400, 8400, $1)`, [DRESDEN]))
      .rejects.toThrow(/parking_lots PK-DRESDEN: geom location \(13\.7373, 51\.0504\) is outside the service area/);
    await expect(asService(`insert into parking_lots (code, kind, name_zh, name_en, capacity, free_spaces, geom)
      values ('PK-NULL-ISLAND', 'public', '零点', 'Null Island', 10, 10, 'SRID=4326;POINT(0 0)')`))
      .rejects.toThrow(/PK-NULL-ISLAND: geom location \(0, 0\) is outside the service area/);
    await expect(asService(`insert into fire_stations (code, kind, name_zh, name_en, staff, response_minutes, geom)
      values ('FS-DRESDEN', 'micro', '德累斯顿', 'Dresden', 3, 5, $1)`, [DRESDEN])).rejects.toThrow(/fire_stations FS-DRESDEN: geom location/);
    await expect(asService(`insert into volunteer_posts (code, team_zh, team_en, name_zh, name_en, duty_kinds, planned, shift_start, shift_end, geom)
      values ('VP-DRESDEN', '队', 'Team', '岗', 'Post', '{station_duty}', 1, '08:00', '12:00', $1)`, [DRESDEN])).rejects.toThrow(/volunteer_posts VP-DRESDEN: geom location/);
    await expect(asService(`update parking_lots set geom = $1 where code = (select min(code) from parking_lots)`, [DRESDEN]))
      .rejects.toThrow(/outside the service area/);
    expect((await engine().as('public').kpis()).parkingCapacity).toBe(before.parkingCapacity);
  });

  it('refuses non-finite, invalid and out-of-range geometries', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const insert = (geom: string) =>
      asService(`insert into fire_stations (code, kind, name_zh, name_en, staff, response_minutes, geom)
        values ('FS-BAD', 'micro', '坏', 'Bad', 3, 5, ${geom})`);
    await expect(insert(`ST_SetSRID(ST_MakePoint('NaN'::float8, 31.2), 4326)`)).rejects.toThrow(/not finite WGS84/);
    await expect(insert(`ST_SetSRID(ST_MakePoint('Infinity'::float8, 31.2), 4326)`)).rejects.toThrow(/not finite WGS84/);
    await expect(insert(`'SRID=4326;POINT EMPTY'::geometry`)).rejects.toThrow(/empty geometry/);
    await expect(asService(`update parking_lots set footprint = 'SRID=4326;MULTIPOLYGON(((${place.lon} ${place.lat}, ${place.lon + 0.001} ${place.lat + 0.001}, ${place.lon + 0.001} ${place.lat}, ${place.lon} ${place.lat + 0.001}, ${place.lon} ${place.lat})))'
      where code = (select min(code) from parking_lots)`)).rejects.toThrow(/footprint invalid geometry: Self-intersection/);
    await expect(asService(`update grids set geom = ST_Multi(ST_Buffer(geom, 0.5)) where code = 'PLR-G01'`)).rejects.toThrow(/lies outside its parent/);
  });

  it('lets the service role insert a case directly, inside the service area only', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const category = await firstCategory(engine());
    const [row] = await asService(`insert into cases (category_code, source, description, geom)
      values ($1, 'ai_camera', '摄像头识别 camera', ST_SetSRID(ST_MakePoint($2, $3), 4326)) returning case_no, grid_id, tracking_code`,
      [category, place.lon, place.lat]);
    expect(row).toMatchObject({ grid_id: place.gridId });
    expect(row.case_no).toMatch(/^CG\d{8}-\d{6,}$/);
    const before = await count(engine(), 'cases');
    await expect(asService(`insert into cases (category_code, source, description, geom) values ($1, 'ai_camera', 'x', $2)`, [category, DRESDEN]))
      .rejects.toThrow(/cases id \d+: geom location \(13\.7373, 51\.0504\) is outside the service area/);
    expect(await count(engine(), 'cases')).toBe(before);
  });

  it('refuses GeoJSON that declares another crs or carries a non-numeric third coordinate', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const category = await firstCategory(engine());
    const report = async (location: unknown) =>
      engine().db.transaction(async (tx) => {
        await tx.query('set local role anon');
        return tx.query(`select * from report_case(p_category_code => $1, p_location => $2::jsonb, p_description => 'crs')`,
          [category, JSON.stringify(location)]);
      });
    const before = await count(engine(), 'cases');
    await expect(report({ type: 'Point', coordinates: [place.lon, place.lat], crs: { type: 'name', properties: { name: 'EPSG:3857' } } }))
      .rejects.toThrow(/declares crs 'EPSG:3857': only WGS84/);
    await expect(report({ type: 'Point', coordinates: [place.lon, place.lat], crs: { type: 'name' } })).rejects.toThrow(/declares crs without a name/);
    await expect(report({ type: 'Point', coordinates: [place.lon, place.lat, '12'] })).rejects.toThrow(/malformed GeoJSON location/);
    expect(await count(engine(), 'cases')).toBe(before);
    const ok = await report({ type: 'Point', coordinates: [place.lon, place.lat, 4.5], crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } });
    expect(ok.rows).toHaveLength(1);
  });
});
