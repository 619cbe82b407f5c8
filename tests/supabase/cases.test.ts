import { expect, it } from 'vitest';
import { asRole, describeEachEngine } from '../support/engines';
import { count, firstCategory, placeUnder } from '../support/places';

describeEachEngine('case workflow', (engine) => {
  it('lets the public report a case and assigns it the finest containing grid', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const reported = await engine().as('public').reportCase({
      categoryCode: await firstCategory(engine()),
      lon: place.lon,
      lat: place.lat,
      description: '平凉路菜场门口流动摊贩占道 test',
      contact: '13800001234',
    });
    expect(reported.caseNo).toMatch(/^CG\d{8}-\d{6}$/);
    expect(reported.gridCode).toBe(place.code);
    expect(reported.dueAt).toBeGreaterThan(Date.now());
    const [row] = await engine().sql<{ status: string; grid_id: number }>('select status, grid_id from cases where id = $1', [reported.id]);
    expect(row).toEqual({ status: 'reported', grid_id: place.gridId });
  });

  it('moves a case along the whole workflow and logs every step with its note', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const { id } = await engine().as('public').reportCase({
      categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: 'workflow',
    });
    const inspector = engine().as('inspector');
    const steps = ['reported', 'registered', 'dispatched', 'handling', 'handled', 'closed'] as const;
    for (let i = 1; i < steps.length; i++) {
      await inspector.transitionCase(id, steps[i - 1], steps[i], `to ${steps[i]}`);
    }
    const detail = await inspector.caseDetail(id);
    expect(detail?.status).toBe('closed');
    expect(detail?.closedAt).not.toBeNull();
    expect(detail?.events.map((e) => [e.from, e.to, e.note])).toEqual([
      [null, 'reported', null],
      ['reported', 'registered', 'to registered'],
      ['registered', 'dispatched', 'to dispatched'],
      ['dispatched', 'handling', 'to handling'],
      ['handling', 'handled', 'to handled'],
      ['handled', 'closed', 'to closed'],
    ]);
    expect(detail?.events[1].role).toBe('inspector');
  });

  it('refuses an illegal transition and leaves the case as it was', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const { id } = await engine().as('public').reportCase({
      categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: 'illegal',
    });
    const events = await count(engine(), 'case_events');
    await expect(engine().as('inspector').transitionCase(id, 'reported', 'closed')).rejects.toThrow(/illegal case transition reported → closed/);
    await expect(engine().as('inspector').transitionCase(id, 'reported', 'archived' as never)).rejects.toThrow(/unknown case status 'archived'/);
    const [row] = await engine().sql<{ status: string }>('select status from cases where id = $1', [id]);
    expect(row.status).toBe('reported');
    expect(await count(engine(), 'case_events')).toBe(events);
  });

  it('checks and logs a move of many cases in one statement case by case, as a feed makes it', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const categoryCode = await firstCategory(engine());
    const reported = [];
    for (const n of [1, 2, 3]) reported.push(await engine().as('public').reportCase({ categoryCode, lon: place.lon, lat: place.lat, description: `feed ${n}` }));
    const ids = reported.map((r) => r.id);
    const move = (status: string) =>
      asRole(engine(), 'service', `update cases set status = (case when id = $2 then $3 else 'registered' end)::case_status where id = any($1)`, [ids, ids[1], status]);
    await expect(move('closed')).rejects.toThrow(`illegal case transition reported → closed (case ${reported[1].caseNo})`);
    expect(await engine().sql(`select status from cases where id = any($1)`, [ids])).toEqual(ids.map(() => ({ status: 'reported' })));
    await expect(move('rejected')).rejects.toThrow(`moving case ${reported[1].caseNo} from reported to rejected needs a note`);
    await move('registered');
    const events = await engine().sql('select case_id, from_status, to_status, actor_role from case_events where case_id = any($1) order by id', [ids]);
    expect(events).toEqual([
      ...ids.map((id) => ({ case_id: id, from_status: null, to_status: 'reported', actor_role: 'public' })),
      ...ids.map((id) => ({ case_id: id, from_status: 'reported', to_status: 'registered', actor_role: 'service' })),
    ]);
  });

  it('keeps inspectors to the grids assigned to them', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const { id } = await engine().as('public').reportCase({
      categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: 'not yours',
    });
    await expect(engine().as('otherInspector').transitionCase(id, 'reported', 'registered')).rejects.toThrow(/not found among the cases you may work/);
    await engine().as('commander').transitionCase(id, 'reported', 'registered');
    const [row] = await engine().sql<{ status: string }>('select status from cases where id = $1', [id]);
    expect(row.status).toBe('registered');
  });

  it('lets only commanders and admins reopen a closed case', async () => {
    const [closed] = await engine().sql<{ id: number }>(
      `select c.id from cases c join grids m on m.id = c.grid_id join grids mi on mi.id = m.parent_id join grids t on t.id = mi.parent_id
       where c.status = 'closed' and t.code = 'PLR-G01' limit 1`);
    await expect(engine().as('inspector').transitionCase(closed.id, 'closed', 'registered')).rejects.toThrow(/role inspector may not move case/);
    await engine().as('commander').transitionCase(closed.id, 'closed', 'registered', '居民反映未整改 resident says not fixed');
    const [row] = await engine().sql<{ status: string; closed_at: string | null }>('select status, closed_at from cases where id = $1', [closed.id]);
    expect(row).toEqual({ status: 'registered', closed_at: null });
  });

  it('never lets anyone rewrite or delete the event log', async () => {
    await expect(engine().sql(`update case_events set note = 'rewritten' where id = (select min(id) from case_events)`)).rejects.toThrow(/append-only/);
    await expect(engine().sql(`delete from case_events where id = (select min(id) from case_events)`)).rejects.toThrow(/append-only/);
  });

  it('refuses status changes from the public and from signed-in residents', async () => {
    const [row] = await engine().sql<{ id: number }>(`select id from cases where status = 'reported' limit 1`);
    await expect(engine().as('public').transitionCase(row.id, 'reported', 'registered')).rejects.toThrow(/permission denied/);
    await expect(engine().as('resident').transitionCase(row.id, 'reported', 'registered')).rejects.toThrow(/not found among the cases you may work/);
  });
});
