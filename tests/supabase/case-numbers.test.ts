import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { firstCategory, placeUnder } from '../support/places';

describeEachEngine('case numbers and tracking codes', (engine) => {
  async function report(description: string) {
    const place = await placeUnder(engine(), 'PLR-G02');
    return engine().as('public').reportCase({ categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description });
  }

  it('keeps case numbers unique past the millionth case of a day and the millionth id', async () => {
    const { caseNo } = await report('today');
    const day = caseNo.slice(2, 10);
    const [{ last_no: before }] = await engine().sql<{ last_no: number }>(
      `select last_no from case_number_days where day = to_date($1, 'YYYYMMDD')`, [day]);
    await engine().sql(`select setval(pg_get_serial_sequence('cases', 'id'), 999998)`);
    await engine().sql(`update case_number_days set last_no = 999998 where day = to_date($1, 'YYYYMMDD')`, [day]);
    try {
      const numbers = [];
      for (let i = 0; i < 4; i++) numbers.push((await report(`number ${i}`)).caseNo);
      expect(numbers).toEqual([`CG${day}-999999`, `CG${day}-1000000`, `CG${day}-1000001`, `CG${day}-1000002`]);
    } finally {
      await engine().sql(`update case_number_days set last_no = $2 where day = to_date($1, 'YYYYMMDD')`, [day, before]);
    }
    // Numbers already issued are skipped, never issued twice.
    const again = await report('after the counter went back');
    const [{ n }] = await engine().sql<{ n: number }>(`select count(*)::int as n from cases where case_no = $1`, [again.caseNo]);
    expect(n).toBe(1);
  });

  it('gives every report a tracking code unrelated to its case number, and shows the public timeline by it', async () => {
    const first = await report('跟踪码 tracking 13912345678');
    const second = await report('跟踪码 tracking again');
    expect(first.trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(second.trackingCode).not.toBe(first.trackingCode);
    expect(first.trackingCode).not.toContain(first.caseNo.slice(-6));
    await engine().as('inspector').transitionCase(first.id, 'reported', 'registered', '内部备注 internal note');

    const tracked = await engine().as('public').trackCase(first.trackingCode.toLowerCase().replace(/(.{4})/g, '$1-'));
    expect(tracked).toMatchObject({ caseNo: first.caseNo, status: 'registered', description: '跟踪码 tracking 139****5678' });
    expect(tracked?.timeline.map((e) => e.status)).toEqual(['reported', 'registered']);
    expect(JSON.stringify(tracked)).not.toContain('internal note');
    expect(await engine().as('public').trackCase('ZZZZZZZZZZZZ')).toBeNull();
    expect(await engine().as('public').trackCase("' or 1=1 --")).toBeNull();
  });

  it('never changes a case number or tracking code once issued', async () => {
    const { id } = await report('fixed numbers');
    await expect(engine().sql(`update cases set case_no = 'CG19990101-000001' where id = $1`, [id])).rejects.toThrow(/never change/);
    await expect(engine().sql(`update cases set tracking_code = 'AAAAAAAAAAAA' where id = $1`, [id])).rejects.toThrow(/never change/);
  });

  it('keeps tracking codes and unmasked text out of the table API', async () => {
    for (const role of ['anon', 'authenticated'] as const) {
      for (const column of ['tracking_code', 'description', 'address']) {
        await expect(engine().db.transaction(async (tx) => {
          await tx.query(`set local role ${role}`);
          return tx.query(`select ${column} from cases limit 1`);
        }), `${role} ${column}`).rejects.toThrow(/permission denied/);
      }
    }
    const rows = await engine().db.transaction(async (tx) => {
      await tx.query('set local role anon');
      return (await tx.query<{ n: number }>(`select count(*)::int as n from cases where status = 'reported'`)).rows;
    });
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
