import { expect, it } from 'vitest';
import type { CaseStatus } from '../../src/lib/data/types';
import { asRole, describeEachEngine } from '../support/engines';
import { placeUnder } from '../support/places';

const CATEGORY = 'E-0203'; // no photo needed to hand it over

describeEachEngine('resident verdicts', (engine) => {
  /** A case reported by the public and moved by an admin to `status`; returns its id and tracking code. */
  async function reportedCase(status: CaseStatus) {
    const place = await placeUnder(engine(), 'PLR-G02');
    const { id, trackingCode } = await engine().as('public').reportCase({ categoryCode: CATEGORY, lon: place.lon, lat: place.lat, description: '小广告 verdict' });
    const admin = engine().as('admin');
    const steps: [CaseStatus, CaseStatus, string?][] = [['reported', 'registered'], ['registered', 'dispatched'],
      ['dispatched', 'handling'], ['handling', 'handled', '已清除 removed'], ['handled', 'closed']];
    for (const [from, to, note] of steps) {
      if (from === status) break;
      await admin.transitionCase(id, from, to, note);
    }
    return { id, trackingCode };
  }
  const verdict = (trackingCode: string, fixed: boolean | null, note?: string) =>
    asRole(engine(), 'public', `select * from resident_verdict($1, $2, $3)`, [trackingCode, fixed, note ?? null]);
  const caseRow = async (id: number) => (await engine().sql<{ status: string; closed_at: Date | null; stage_due_at: Date | null }>(
    'select status, closed_at, stage_due_at from cases where id = $1', [id]))[0];
  const verdicts = async (id: number) => engine().sql<{ fixed: boolean; note: string | null; status_before: string; status_after: string }>(
    'select fixed, note, status_before, status_after from case_verdicts where case_id = $1 order by id', [id]);

  it('closes a handled case the reporter says is fixed, as the reporter', async () => {
    const { id, trackingCode } = await reportedCase('handled');
    const spaced = `${trackingCode.slice(0, 4)}-${trackingCode.slice(4, 8)} ${trackingCode.slice(8)}`.toLowerCase();
    expect(await verdict(spaced, true, '很满意 thank you')).toEqual([{ case_no: expect.any(String), status: 'closed' }]);
    expect(await caseRow(id)).toMatchObject({ status: 'closed', closed_at: expect.any(Date), stage_due_at: null });
    const detail = await engine().as('commander').caseDetail(id);
    expect(detail?.events.at(-1)).toMatchObject({ from: 'handled', to: 'closed', role: 'reporter', note: '很满意 thank you' });
    expect(await verdicts(id)).toEqual([{ fixed: true, note: '很满意 thank you', status_before: 'handled', status_after: 'closed' }]);
    await expect(verdict(trackingCode, true)).rejects.toMatchObject({ code: '55000', message: expect.stringMatching(/already recorded/) });
  });

  it('records satisfaction with a case staff closed, once per closing', async () => {
    const { id, trackingCode } = await reportedCase('closed');
    expect(await verdict(trackingCode, true)).toEqual([{ case_no: expect.any(String), status: 'closed' }]);
    expect(await verdicts(id)).toEqual([{ fixed: true, note: null, status_before: 'closed', status_after: 'closed' }]);
    await expect(verdict(trackingCode, true)).rejects.toMatchObject({ code: '55000' });
    expect(await verdicts(id)).toHaveLength(1);
  });

  it('sends a handled case back to handling when the reporter says it is not fixed, with their note', async () => {
    const { id, trackingCode } = await reportedCase('handled');
    await expect(verdict(trackingCode, false)).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(/a note is required/) });
    await expect(verdict(trackingCode, false, '\u3000')).rejects.toMatchObject({ code: '22023' });
    expect(await verdict(trackingCode, false, '还有一张没撕 one poster is still there')).toEqual([{ case_no: expect.any(String), status: 'handling' }]);
    const row = await caseRow(id);
    expect(row).toMatchObject({ status: 'handling', closed_at: null });
    expect(row.stage_due_at!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const detail = await engine().as('inspector').caseDetail(id);
    expect(detail?.events.at(-1)).toMatchObject({ from: 'handled', to: 'handling', role: 'reporter', note: '还有一张没撕 one poster is still there' });
  });

  it('reopens a case closed in the last 7 days, and refuses an older one', async () => {
    const { id, trackingCode } = await reportedCase('closed');
    expect(await verdict(trackingCode, false, '又贴上了 back again')).toEqual([{ case_no: expect.any(String), status: 'handling' }]);
    expect(await caseRow(id)).toMatchObject({ status: 'handling', closed_at: null });

    const [old] = await engine().sql<{ id: number; tracking_code: string }>(
      `select id, tracking_code from cases where status = 'closed' and closed_at < now() - interval '8 days' order by id limit 1`);
    await expect(verdict(old.tracking_code, false, '没修好 not fixed')).rejects.toMatchObject({
      code: '55000', message: expect.stringMatching(/closed more than 7 days ago; please report the problem again/),
    });
    expect((await caseRow(old.id)).status).toBe('closed');
  });

  it('refuses a verdict while the case is still being worked, on a rejected case, and for an unknown code', async () => {
    for (const status of ['reported', 'registered', 'dispatched', 'handling'] as const) {
      const { id, trackingCode } = await reportedCase(status);
      for (const fixed of [true, false]) {
        await expect(verdict(trackingCode, fixed, 'x'), `${status} ${fixed}`).rejects.toMatchObject({
          code: '55000', message: expect.stringMatching(new RegExp(`is ${status}: it can be judged once it is handled`)),
        });
      }
      expect((await caseRow(id)).status).toBe(status);
      expect(await verdicts(id)).toEqual([]);
    }
    const { id, trackingCode } = await reportedCase('reported');
    await engine().as('admin').transitionCase(id, 'reported', 'rejected', '不属于城管范围 not ours');
    await expect(verdict(trackingCode, false, 'x')).rejects.toMatchObject({ code: '55000', message: expect.stringMatching(/is rejected/) });
    await expect(verdict('ZZZZZZZZZZZZ', true)).rejects.toMatchObject({ code: 'P0002', message: expect.stringMatching(/no case has tracking code/) });
    await expect(verdict(trackingCode, null)).rejects.toMatchObject({ code: '22023' });
  });

  it('keeps the reporter role out of reach of any API call, and verdicts out of public sight', async () => {
    const { id } = await reportedCase('handled');
    /** Sets the flag resident_verdict() sets, then tries to close the case, as a role of the API. */
    const forged = (claims: object, sql: string) => engine().db.transaction(async (tx) => {
      await tx.query(`set local role ${(claims as { role: string }).role}`);
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
      await tx.query(`select set_config('citygrid.reporter_verdict', 'on', true), set_config('citygrid.transition_note', 'forged', true)`);
      return tx.query(sql);
    });
    await expect(forged({ role: 'anon' }, `update cases set status = 'closed' where id = ${id}`)).rejects.toThrow(/permission denied/);
    await expect(forged({ role: 'anon' }, `select * from transition_case(${id}, 'handled', 'closed')`)).rejects.toThrow(/permission denied/);
    await expect(forged({ role: 'authenticated', sub: '00000000-0000-4000-8000-0000000000aa' }, `select * from transition_case(${id}, 'handled', 'closed')`))
      .rejects.toThrow(/not found among the cases you may work/);
    expect((await caseRow(id)).status).toBe('handled');
    await expect(asRole(engine(), 'public', 'select * from case_verdicts')).rejects.toThrow(/permission denied/);
    expect(await asRole(engine(), 'resident', 'select * from case_verdicts')).toEqual([]);
  });
});
