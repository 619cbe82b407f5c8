import { expect, it } from 'vitest';
import { SqlTransport } from '../../src/lib/data/sql-transport';
import { asRole, describeEachEngine } from '../support/engines';
import { firstCategory, placeUnder } from '../support/places';

describeEachEngine('row-level security', (engine) => {
  async function reportWithContact() {
    const place = await placeUnder(engine(), 'PLR-G01');
    return engine().as('public').reportCase({
      categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat,
      description: 'contact check', contact: '13912345678',
    });
  }

  it('shows reporter contacts and case history to staff only', async () => {
    const { id } = await reportWithContact();
    for (const role of ['public', 'resident'] as const) {
      const detail = await engine().as(role).caseDetail(id);
      expect(detail?.reporterContact, role).toBeNull();
      expect(detail?.events, role).toEqual([]);
    }
    for (const role of ['inspector', 'commander', 'admin'] as const) {
      expect((await engine().as(role).caseDetail(id))?.reporterContact, role).toBe('13912345678');
    }
    await expect(asRole(engine(), 'public', 'select * from case_reporters')).rejects.toThrow(/permission denied/);
    expect(await asRole(engine(), 'resident', 'select * from case_reporters')).toEqual([]);
    expect(await asRole(engine(), 'resident', 'select * from case_events')).toEqual([]);
  });

  it('lets the public read every public layer', async () => {
    const counts = await engine().as('public').layerCounts();
    for (const table of ['subdistricts', 'grids', 'cases', 'fire_stations', 'parking_lots', 'volunteer_posts']) {
      const rows = await asRole(engine(), 'public', `select count(*)::int as n from ${table}`);
      expect((rows[0] as { n: number }).n, table).toBeGreaterThan(0);
    }
    expect(counts.cases).toBeGreaterThan(0);
  });

  it('refuses direct writes from the public and from residents', async () => {
    await expect(asRole(engine(), 'public', `insert into cases (category_code, source, description, geom) values ('x', 'resident_qr', 'x', 'SRID=4326;POINT(121.52 31.26)')`)).rejects.toThrow(/permission denied/);
    await expect(asRole(engine(), 'public', `update parking_lots set free_spaces = 0`)).rejects.toThrow(/permission denied/);
    expect(await asRole(engine(), 'resident', `update parking_lots set free_spaces = 0 returning id`)).toEqual([]);
    expect(await asRole(engine(), 'resident', `delete from grids returning id`)).toEqual([]);
  });

  it('lets admins and the service role record parking readings, nobody else', async () => {
    const [lot] = await engine().sql<{ id: number; capacity: number }>('select id, capacity from parking_lots order by id limit 1');
    await expect(engine().as('public').recordParkingReading(lot.id, 1)).rejects.toThrow(/permission denied/);
    await expect(engine().as('inspector').recordParkingReading(lot.id, 1)).rejects.toThrow(/row-level security/);
    await engine().as('admin').recordParkingReading(lot.id, lot.capacity - 1);
    const [after] = await engine().sql<{ free_spaces: number }>('select free_spaces from parking_lots where id = $1', [lot.id]);
    expect(after.free_spaces).toBe(lot.capacity - 1);
  });

  it('keeps non-resident report sources for staff', async () => {
    const place = await placeUnder(engine(), 'PLR-G01');
    const report = { categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: 'patrol' };
    await expect(engine().as('resident').reportCase({ ...report, source: 'inspector_patrol' })).rejects.toThrow(/may only report cases from a resident QR code/);
    const ok = await engine().as('inspector').reportCase({ ...report, source: 'inspector_patrol' });
    expect(ok.id).toBeGreaterThan(0);
  });

  it('rejects claims for an API role that does not exist', () => {
    expect(() => new SqlTransport(engine().db).setClaims({ role: 'postgres' as never })).toThrow(/unknown API role postgres/);
  });
});
