import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { count, firstCategory, placeUnder } from '../support/places';

describeEachEngine('case moves against what the caller saw', (engine) => {
  async function newCase() {
    const place = await placeUnder(engine(), 'PLR-G01');
    return engine().as('public').reportCase({ categoryCode: await firstCategory(engine()), lon: place.lon, lat: place.lat, description: 'concurrency' });
  }
  const status = async (id: number) => (await engine().sql<{ status: string }>('select status from cases where id = $1', [id]))[0].status;

  it('refuses a move from a status the case no longer has, naming the current status and who moved it', async () => {
    const { id } = await newCase();
    await engine().as('admin').transitionCase(id, 'reported', 'rejected', 'duplicate');
    const events = await count(engine(), 'case_events');
    await expect(engine().as('commander').transitionCase(id, 'reported', 'registered'))
      .rejects.toThrow(/case CG\d{8}-\d+ is rejected \(last moved by admin at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\), not reported as you saw/);
    expect(await status(id)).toBe('rejected');
    expect(await count(engine(), 'case_events')).toBe(events);
  });

  it('refuses the second of two identical moves instead of dropping its note', async () => {
    const { id } = await newCase();
    await engine().as('inspector').transitionCase(id, 'reported', 'registered', 'first');
    const error = await engine().as('commander').transitionCase(id, 'reported', 'registered', 'second').catch((e) => e);
    expect(error).toMatchObject({ code: 'PT409', message: expect.stringMatching(/is registered \(last moved by inspector/) });
    const detail = await engine().as('commander').caseDetail(id);
    expect(detail?.events.map((e) => e.note)).toEqual([null, 'first']);
  });

  it('lets exactly one of two people acting at once win', async () => {
    const { id } = await newCase();
    const results = await Promise.allSettled([
      engine().as('inspector').transitionCase(id, 'reported', 'registered', 'inspector'),
      engine().as('commander').transitionCase(id, 'reported', 'rejected', 'commander'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.message).toMatch(/not reported as you saw/);
    const detail = await engine().as('commander').caseDetail(id);
    expect(detail?.events).toHaveLength(2);
    expect(detail?.status).toBe(detail?.events[1].to);
  });

  it('refuses a move to the status the case already has', async () => {
    const { id } = await newCase();
    await expect(engine().as('inspector').transitionCase(id, 'reported', 'reported')).rejects.toThrow(/a move must change the status/);
    await expect(engine().as('inspector').transitionCase(99_999_999, 'reported', 'registered')).rejects.toThrow(/case 99999999 not found/);
  });
});
