import { expect, it } from 'vitest';
import { asRole, describeEachEngine } from '../support/engines';

const CATEGORY = 'E-0301'; // illegal structure
const OTHER_CATEGORY = 'E-0101';

interface Point {
  lon: number;
  lat: number;
}

describeEachEngine('duplicate reports', (engine) => {
  /** A meta-grid's inner point with no case of either category within 200 m and the sub-district edge over 120 m away. */
  async function quietPoint(): Promise<Point> {
    const [row] = await engine().sql<Point>(
      `select ST_X(p) as lon, ST_Y(p) as lat
       from grids m join subdistricts s on s.id = m.subdistrict_id cross join lateral ST_PointOnSurface(m.geom) p
       where m.level = 'meta_grid'
         and not exists (select 1 from cases c where c.category_code = any($1) and c.geom && ST_Expand(p, 0.01)
                                                and ST_DWithin(c.geom::geography, p::geography, 200))
         and not ST_DWithin(ST_Boundary(s.geom)::geography, p::geography, 120)
       order by m.id desc limit 1`, [[CATEGORY, OTHER_CATEGORY]]);
    if (!row) throw new Error('no quiet point left for a duplicate check');
    return row;
  }
  /** The point `metres` east of `from`. */
  async function east(from: Point, metres: number): Promise<Point> {
    const [row] = await engine().sql<Point>(
      `select ST_X(q::geometry) as lon, ST_Y(q::geometry) as lat
       from ST_Project(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3::float8, radians(90)) q`, [from.lon, from.lat, metres]);
    return row;
  }
  const report = (at: Point, categoryCode = CATEGORY) =>
    engine().as('public').reportCase({ categoryCode, lon: at.lon, lat: at.lat, description: '违章搭建 duplicate check' });
  const duplicateOf = async (id: number) =>
    (await engine().sql<{ duplicate_of: number | null }>('select duplicate_of from cases where id = $1', [id]))[0].duplicate_of;

  it('links a report within 50 m and 24 hours of an open case of its category, keeping its own number and tracking code', async () => {
    const here = await quietPoint();
    const first = await report(here);
    const second = await report(await east(here, 30));
    expect(await duplicateOf(first.id)).toBeNull();
    expect(await duplicateOf(second.id)).toBe(first.id);
    expect(second.caseNo).not.toBe(first.caseNo);
    expect(second.trackingCode).not.toBe(first.trackingCode);
    expect(await engine().as('public').trackCase(second.trackingCode)).toMatchObject({ caseNo: second.caseNo, status: 'reported' });
    const open311 = await asRole(engine(), 'public', `select * from open311_requests(p_service_code => $1, p_status => 'open')`, [CATEGORY]);
    expect(open311.find((r) => r.service_request_id === second.caseNo)).toMatchObject({ status_notes: `reported; duplicate of ${first.caseNo}` });

    const near = await east(here, 49);
    const [answer] = await asRole(engine(), 'inspector',
      `select * from report_case($1, $2::jsonb, '巡查发现 patrol', 'inspector_patrol')`,
      [CATEGORY, JSON.stringify({ type: 'Point', coordinates: [near.lon, near.lat] })]);
    expect(answer).toMatchObject({ duplicate_of: first.caseNo });
  });

  it('keeps a linked report a case of its own that staff move on its own', async () => {
    const here = await quietPoint();
    const first = await report(here);
    const second = await report(here);
    expect(await duplicateOf(second.id)).toBe(first.id);
    await engine().as('commander').transitionCase(second.id, 'reported', 'rejected', `重复 duplicate of ${first.caseNo}`);
    const [rows] = await engine().sql<{ first: string; second: string }>(
      `select (select status from cases where id = $1) as first, (select status from cases where id = $2) as second`, [first.id, second.id]);
    expect(rows).toEqual({ first: 'reported', second: 'rejected' });
  });

  it('does not link a report farther than 50 m, of another category, or next to a closed or day-old case', async () => {
    const here = await quietPoint();
    const first = await report(here);
    expect(await duplicateOf((await report(await east(here, 80))).id), '80 m away').toBeNull();
    expect(await duplicateOf((await report(here, OTHER_CATEGORY)).id), 'another category').toBeNull();

    const closedSpot = await quietPoint();
    const closed = await report(closedSpot);
    const admin = engine().as('admin');
    for (const [from, to, note] of [['reported', 'registered'], ['registered', 'dispatched'], ['dispatched', 'handling'],
      ['handling', 'handled', '已拆除 removed'], ['handled', 'closed']] as const) {
      await admin.transitionCase(closed.id, from, to, note);
    }
    expect(await duplicateOf((await report(closedSpot)).id), 'closed original').toBeNull();

    const oldSpot = await quietPoint();
    await engine().sql(`insert into cases (category_code, source, description, geom, reported_at)
                        values ($1, 'inspector_patrol', 'day-old fixture', ST_SetSRID(ST_MakePoint($2, $3), 4326), now() - interval '25 hours')`,
      [CATEGORY, oldSpot.lon, oldSpot.lat]);
    expect(await duplicateOf((await report(oldSpot)).id), 'reported 25 hours ago').toBeNull();
    expect(await duplicateOf(first.id)).toBeNull();
  });

  it('links to the first report only, never to another duplicate', async () => {
    const here = await quietPoint();
    const first = await report(here);
    const second = await report(await east(here, 30));
    const third = await report(await east(here, 60));
    expect(await duplicateOf(second.id)).toBe(first.id);
    expect(await duplicateOf(third.id), '60 m from the first, 30 m from a duplicate').toBeNull();
  });
});
