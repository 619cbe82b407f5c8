import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { demoAccount } from '../../src/lib/accounts/accounts';
import type { Claims } from '../../src/lib/data/types';
import { describeEachEngine } from '../support/engines';
import { firstCategory, placeUnder } from '../support/places';

/** An inspector known only to Supabase Auth: no rows in inspector_grids, grids in the JWT. */
const jwtInspector = (grids: unknown): Claims => ({
  role: 'authenticated',
  sub: randomUUID(),
  app_metadata: { citygrid_role: 'inspector', inspector_grids: grids as string[] },
});

describeEachEngine('inspector grids from the JWT', (engine) => {
  async function reportedCaseUnder(topCode: string) {
    const place = await placeUnder(engine(), topCode);
    const report = { categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: `JWT grids ${topCode}` };
    return (await engine().as('public').reportCase(report)).id;
  }
  /** Raw SQL as the API role of `claims`, the way PostgREST runs it. */
  const asClaims = (claims: Claims, sql: string, params: unknown[]) => engine().db.transaction(async (tx) => {
    await tx.query(`set local role ${claims.role}`);
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
    return (await tx.query<Record<string, unknown>>(sql, params)).rows;
  });
  const status = async (id: number) => (await engine().sql<{ status: string }>('select status from cases where id = $1', [id]))[0].status;

  it('lets an inspector whose grids come only from the JWT move a case in those grids, and nowhere else', async () => {
    const claims = jwtInspector(['PLR-G02']);
    expect(await engine().sql('select 1 from inspector_grids where user_id = $1', [claims.sub])).toEqual([]);
    const inspector = engine().withClaims(claims);
    const mine = await reportedCaseUnder('PLR-G02');
    const neighbours = await reportedCaseUnder('PLR-G01');
    const elsewhere = await reportedCaseUnder('PPX-G01');

    await inspector.transitionCase(mine, 'reported', 'registered', 'JWT 网格');
    expect(await status(mine)).toBe('registered');
    for (const id of [neighbours, elsewhere]) {
      await expect(inspector.transitionCase(id, 'reported', 'registered')).rejects.toThrow(/not found among the cases you may work/);
      expect(await status(id)).toBe('reported');
    }
  });

  it('covers everything inside a micro-grid named in the JWT, not its siblings', async () => {
    const [{ micro, sibling }] = await engine().sql<{ micro: string; sibling: string }>(`
      select micro.code as micro, sibling.code as sibling from grids micro
      join grids sibling on sibling.parent_id = micro.parent_id and sibling.id <> micro.id
      join grids top on top.id = micro.parent_id
      where top.code = 'PLR-G01' and micro.level = 'micro_grid' order by micro.id, sibling.id limit 1`);
    const claims = jwtInspector([micro]);
    const worksAllUnder = async (code: string) => {
      const [row] = await asClaims(claims, `select bool_and(can_work_grid(g.id)) as ok, count(*)::int as n
        from grids g where g.parent_id = (select id from grids where code = $1)`, [code]);
      expect(row.n, code).toBeGreaterThan(0);
      return row.ok;
    };
    expect(await worksAllUnder(micro)).toBe(true);
    expect(await worksAllUnder(sibling)).toBe(false);
  });

  it('offers the moves of the JWT grids in allowed_moves', async () => {
    const claims = jwtInspector(['PPX-G01']);
    const [mine, other] = [await reportedCaseUnder('PPX-G01'), await reportedCaseUnder('PLR-G01')];
    const moves = async (id: number) => (await asClaims(claims, 'select to_status from allowed_moves($1)', [id])).map((r) => r.to_status);
    expect(await moves(mine)).toEqual(['registered', 'rejected']);
    expect(await moves(other)).toEqual([]);
  });

  it('treats grids that are not an array of codes as none, without failing', async () => {
    const id = await reportedCaseUnder('PLR-G01');
    for (const grids of ['PLR-G01', { 'PLR-G01': true }, null, 42]) {
      await expect(engine().withClaims(jwtInspector(grids)).transitionCase(id, 'reported', 'registered'), JSON.stringify(grids))
        .rejects.toThrow(/not found among the cases you may work/);
    }
    expect(await status(id)).toBe('reported');
  });

  it('counts JWT grids for inspectors only: a resident naming grids gets nothing', async () => {
    const id = await reportedCaseUnder('PLR-G01');
    const resident: Claims = { role: 'authenticated', sub: randomUUID(), app_metadata: { inspector_grids: ['PLR-G01'] } };
    await expect(engine().withClaims(resident).transitionCase(id, 'reported', 'registered')).rejects.toThrow(/not found among the cases you may work/);
  });

  it('gives the demo inspectors exactly their grids', async () => {
    const plr = engine().withClaims(demoAccount('inspector-plr')!.claims);
    const ppx = engine().withClaims(demoAccount('inspector-ppx')!.claims);
    const [inPlr, inPpx] = [await reportedCaseUnder('PLR-G01'), await reportedCaseUnder('PPX-G02')];
    await expect(plr.transitionCase(inPpx, 'reported', 'registered')).rejects.toThrow(/not found among the cases you may work/);
    await expect(ppx.transitionCase(inPlr, 'reported', 'registered')).rejects.toThrow(/not found among the cases you may work/);
    await plr.transitionCase(inPlr, 'reported', 'registered');
    await ppx.transitionCase(inPpx, 'reported', 'registered');
    expect([await status(inPlr), await status(inPpx)]).toEqual(['registered', 'registered']);
  });

  it('keeps the claim reader internal: the API roles cannot call it', async () => {
    const [row] = await engine().sql(`select has_function_privilege('anon', 'public.jwt_inspector_grids()', 'execute') as anon,
      has_function_privilege('authenticated', 'public.jwt_inspector_grids()', 'execute') as authenticated`);
    expect(row).toEqual({ anon: false, authenticated: false });
  });
});
