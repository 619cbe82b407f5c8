import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { placeUnder } from '../support/places';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describeEachEngine('the case panel reads', (engine) => {
  async function newCase() {
    const place = await placeUnder(engine(), 'PLR-G01');
    return engine().as('public').reportCase({
      categoryCode: 'E-0105', lon: place.lon, lat: place.lat, description: '垃圾堆放 联系 13812345678', contact: '13812345678',
    });
  }

  it('gives staff the whole case: category, grid, responsible person, stage clock, timeline and photos', async () => {
    const { id, caseNo } = await newCase();
    const admin = engine().as('admin');
    await admin.transitionCase(id, 'reported', 'registered', '立案 registered');
    await admin.attachCasePhoto(id, 'image/png', PNG);
    const detail = (await engine().as('inspector').caseDetail(id))!;
    // Another test's open report of the category nearby makes this one its duplicate.
    const [{ duplicate }] = await engine().sql<{ duplicate: string | null }>(
      'select d.case_no as duplicate from cases c left join cases d on d.id = c.duplicate_of where c.id = $1', [id]);
    expect(detail).toMatchObject({
      caseNo, status: 'registered', stage: 'dispatch',
      category: { zh: expect.stringMatching(/垃圾/), en: expect.any(String) },
      grid: { zh: expect.any(String), en: expect.any(String) },
      responsible: { name: expect.any(String), phone: expect.stringMatching(/^[0-9+ -]{5,20}$/) },
      reporterContact: '13812345678', duplicateOf: duplicate, camera: null,
    });
    expect(detail.stageDueAt).toBeGreaterThan(detail.reportedAt);
    expect(detail.events.map((e) => [e.from, e.to, e.note])).toEqual([[null, 'reported', null], ['reported', 'registered', '立案 registered']]);
    expect(detail.photos).toEqual([expect.objectContaining({ mime: 'image/png', status: 'registered', bytes: 70 })]);
    expect(await engine().as('inspector').casePhoto(detail.photos[0])).toBe(`data:image/png;base64,${PNG}`);
  });

  it('shows the public the case as on the map: no phone, contact, notes or photos', async () => {
    const { id } = await newCase();
    await engine().as('admin').attachCasePhoto(id, 'image/png', PNG);
    const detail = (await engine().as('public').caseDetail(id))!;
    expect(detail.responsible).toEqual({ name: expect.any(String), phone: null });
    expect(detail.reporterContact).toBeNull();
    expect(detail.description).not.toContain('13812345678');
    expect(detail.events).toEqual([]);
    expect(detail.photos).toEqual([]);
    const [{ id: photoId }] = await engine().sql<{ id: number }>('select id from case_photos where case_id = $1', [id]);
    await expect(engine().as('public').casePhoto({ id: photoId, path: null })).rejects.toMatchObject({ code: '42501' });
    expect(await engine().as('otherInspector').casePhoto({ id: photoId, path: null }), 'an inspector of other grids').toBeNull();
  });

  it('finds a case by its number, forgiving case and spaces, and nothing for a stranger', async () => {
    const { id, caseNo } = await newCase();
    const found = await engine().as('public').findCase(` ${caseNo.toLowerCase().replace('-', ' - ')} `);
    expect(found).toMatchObject({ id, lon: expect.any(Number), lat: expect.any(Number) });
    expect(await engine().as('public').findCase("CG20990101-1'; drop table cases; --")).toBeNull();
    expect(await engine().as('public').findCase('')).toBeNull();
  });

  it('offers the moves through the data interface as the database decides them', async () => {
    const { id } = await newCase();
    expect(await engine().as('public').allowedMoves(id)).toEqual([]);
    expect(await engine().as('inspector').allowedMoves(id)).toEqual([
      { to: 'registered', needsNote: false, needsPhoto: false },
      { to: 'rejected', needsNote: true, needsPhoto: false },
    ]);
    await expect(engine().as('inspector').allowedMoves(-1)).rejects.toMatchObject({ code: 'P0002' });
  });

  it('names the grids each role works: an inspector its own and all inside, commanders every one, the public none', async () => {
    const mine = await engine().as('inspector').myGrids();
    const [{ codes }] = await engine().sql<{ codes: string[] }>(
      `select array_agg(distinct split_part(code, '-', 1) || '-' || split_part(code, '-', 2)) as codes from grids where id = any($1)`, [mine]);
    expect(codes.sort()).toEqual(['PLR-G01', 'PLR-G02']);
    expect((mine as number[]).length).toBeGreaterThan(2);
    expect(await engine().as('commander').myGrids()).toBe('all');
    expect(await engine().as('public').myGrids()).toEqual([]);
    expect(await engine().as('resident').myGrids()).toEqual([]);
  });

  it('reads close rates per sub-district with nulls where nothing can be rated', async () => {
    const rates = await engine().as('public').closeRates(new Date(Date.now() - 30 * 86_400_000), new Date(Date.now() + 60_000), 'subdistrict');
    expect(rates.length).toBeGreaterThanOrEqual(4);
    for (const r of rates) {
      expect(r.closeRate === null || (r.closeRate >= 0 && r.closeRate <= 1)).toBe(true);
      expect(r.closed).toBeLessThanOrEqual(r.reported);
    }
    await expect(engine().as('public').closeRates(new Date(), new Date(), 'grid')).rejects.toMatchObject({ code: '22023' });
  });
});
