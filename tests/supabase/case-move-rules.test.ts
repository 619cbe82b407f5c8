import { expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../src/lib/data/types';
import { asRole, describeEachEngine, ROLES } from '../support/engines';
import { placeUnder } from '../support/places';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PHOTO_CATEGORY = 'E-0105'; // garbage outside the bin room: handling needs a photo
const PLAIN_CATEGORY = 'E-0203'; // illegal posters: no photo needed

type Role = keyof typeof ROLES;
interface Move {
  to_status: CaseStatus;
  needs_note: boolean;
  needs_photo: boolean;
}

const STAFF_MOVES: Record<CaseStatus, string[]> = {
  reported: ['registered', 'rejected (note)'],
  registered: ['dispatched'],
  dispatched: ['handling'],
  handling: ['handled (note, photo)'],
  handled: ['handling (note)', 'closed'],
  closed: [],
  rejected: [],
};
const REOPEN: Partial<Record<CaseStatus, string[]>> = { closed: ['registered (note)'], rejected: ['registered (note)'] };

/** The transition table as built: which moves each role is offered in the inspector's own grid. */
const EXPECTED: Record<Role, Record<CaseStatus, string[]>> = {
  public: { reported: [], registered: [], dispatched: [], handling: [], handled: [], closed: [], rejected: [] },
  resident: { reported: [], registered: [], dispatched: [], handling: [], handled: [], closed: [], rejected: [] },
  otherInspector: { reported: [], registered: [], dispatched: [], handling: [], handled: [], closed: [], rejected: [] },
  inspector: STAFF_MOVES,
  commander: { ...STAFF_MOVES, ...REOPEN },
  admin: { ...STAFF_MOVES, ...REOPEN },
  service: { ...STAFF_MOVES, ...REOPEN },
};

const describeMove = (m: Move) => {
  const needs = [m.needs_note && 'note', m.needs_photo && 'photo'].filter(Boolean);
  return needs.length ? `${m.to_status} (${needs.join(', ')})` : m.to_status;
};

describeEachEngine('case move rules', (engine) => {
  async function newCase(category: string) {
    const place = await placeUnder(engine(), 'PLR-G01');
    return (await engine().as('public').reportCase({ categoryCode: category, lon: place.lon, lat: place.lat, description: '流转 move rules' })).id;
  }

  /** A case of `category` in the inspector's grid, moved by an admin to `status`. */
  async function caseIn(status: CaseStatus, category = PHOTO_CATEGORY) {
    const id = await newCase(category);
    const admin = engine().as('admin');
    const path: [CaseStatus, CaseStatus, string?][] = status === 'rejected'
      ? [['reported', 'rejected', '不予立案 not a case']]
      : ([['reported', 'registered'], ['registered', 'dispatched'], ['dispatched', 'handling'],
          ['handling', 'handled', '已清运 cleared'], ['handled', 'closed']] as [CaseStatus, CaseStatus, string?][])
          .slice(0, CASE_STATUSES.indexOf(status));
    for (const [from, to, note] of path) {
      if (to === 'handled') await asRole(engine(), 'admin', `select * from attach_case_photo($1, 'image/png', $2)`, [id, PNG]);
      await admin.transitionCase(id, from, to, note);
    }
    return id;
  }

  const allowedMoves = async (role: Role, id: number) =>
    (await asRole(engine(), role, `select * from allowed_moves($1)`, [id])) as unknown as Move[];

  /**
   * Tries one move as `role` in a transaction that is always rolled back, and
   * returns the refusal (null when the move went through). `photo` attaches
   * one first: through attach_case_photo as the role, or directly as the
   * owner so that a refusal can only come from the move itself.
   */
  async function attempt(role: Role, id: number, from: CaseStatus, to: CaseStatus, note: string | null, photo?: 'as role' | 'as owner') {
    const claims = ROLES[role];
    const undo = new Error('undo');
    let refusal: (Error & { code?: string }) | null = null;
    await engine().db.transaction(async (tx) => {
      if (photo === 'as owner') {
        await tx.query(`insert into case_photos (case_id, status, mime, bytes, created_by_role)
                        select id, status, 'image/png', decode($2, 'base64'), 'admin' from cases where id = $1`, [id, PNG]);
      }
      await tx.query(`set local role ${claims.role}`);
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
      if (photo === 'as role') await tx.query(`select * from attach_case_photo($1, 'image/png', $2)`, [id, PNG]);
      await tx.query(`select * from transition_case($1, $2, $3, $4)`, [id, from, to, note]);
      throw undo;
    }).catch((error) => {
      if (error !== undo) refusal = error;
    });
    return refusal as (Error & { code?: string }) | null;
  }

  it('offers every role exactly the moves transition_case accepts, for every status', async () => {
    const cases = Object.fromEntries(await Promise.all(CASE_STATUSES.map(async (s) => [s, await caseIn(s)] as const))) as Record<CaseStatus, number>;
    for (const role of Object.keys(ROLES) as Role[]) {
      for (const from of CASE_STATUSES) {
        const id = cases[from];
        const offered = await allowedMoves(role, id);
        expect(offered.map(describeMove), `${role} on ${from}`).toEqual(EXPECTED[role][from]);
        for (const to of CASE_STATUSES.filter((s) => s !== from)) {
          const label = `${role}: ${from} → ${to}`;
          const move = offered.find((m) => m.to_status === to);
          if (!move) {
            expect(await attempt(role, id, from, to, '备注 note', 'as owner'), `${label} is not offered, so it must be refused`).not.toBeNull();
            continue;
          }
          const note = move.needs_note ? '处置说明 what was done' : null;
          expect(await attempt(role, id, from, to, note, move.needs_photo ? 'as role' : undefined), `${label} is offered, so it must go through`).toBeNull();
          if (move.needs_note) {
            expect(await attempt(role, id, from, to, null, move.needs_photo ? 'as role' : undefined), `${label} without a note`)
              .toMatchObject({ code: '22023' });
          }
          if (move.needs_photo) {
            expect(await attempt(role, id, from, to, note), `${label} without a photo`).toMatchObject({ code: '55000' });
          }
        }
      }
    }
    const [{ status }] = await engine().sql<{ status: string }>('select status from cases where id = $1', [cases.handling]);
    expect(status, 'every attempt was rolled back').toBe('handling');
  });

  it('refuses to mark a case handled without a note, blank by Unicode included', async () => {
    const id = await caseIn('handling', PLAIN_CATEGORY);
    const inspector = engine().as('inspector');
    for (const note of [undefined, '', '   ', '\u3000\u200b']) {
      await expect(inspector.transitionCase(id, 'handling', 'handled', note)).rejects.toMatchObject({
        code: '22023', message: expect.stringMatching(/moving case CG\d{8}-\d+ from handling to handled needs a note/),
      });
    }
    await inspector.transitionCase(id, 'handling', 'handled', '已清除小广告 posters removed');
    const [row] = await engine().sql<{ status: string }>('select status from cases where id = $1', [id]);
    expect(row.status).toBe('handled');
  });

  it('wants the photo taken while handling, and a new one after the case is sent back', async () => {
    const id = await newCase(PHOTO_CATEGORY);
    const admin = engine().as('admin');
    await admin.transitionCase(id, 'reported', 'registered');
    await asRole(engine(), 'inspector', `select * from attach_case_photo($1, 'image/png', $2)`, [id, PNG]);
    await admin.transitionCase(id, 'registered', 'dispatched');
    await admin.transitionCase(id, 'dispatched', 'handling');
    expect((await allowedMoves('inspector', id)).map(describeMove)).toEqual(['handled (note, photo)']);
    await expect(engine().as('inspector').transitionCase(id, 'handling', 'handled', '已清运 cleared')).rejects.toMatchObject({
      code: '55000', message: expect.stringMatching(/needs a photo attached while handling before it can be handled/),
    });
    await asRole(engine(), 'inspector', `select * from attach_case_photo($1, 'image/png', $2)`, [id, PNG]);
    expect((await allowedMoves('inspector', id)).map(describeMove)).toEqual(['handled (note)']);
    await engine().as('inspector').transitionCase(id, 'handling', 'handled', '已清运 cleared');
    await engine().as('inspector').transitionCase(id, 'handled', 'handling', '核查未通过 still dirty');
    expect((await allowedMoves('inspector', id)).map(describeMove)).toEqual(['handled (note, photo)']);
  });

  it('lets verification send a handled case back, with the reason in the log', async () => {
    const id = await caseIn('handled', PLAIN_CATEGORY);
    await expect(engine().as('inspector').transitionCase(id, 'handled', 'handling')).rejects.toMatchObject({ code: '22023' });
    await engine().as('inspector').transitionCase(id, 'handled', 'handling', '核查未通过 still there');
    const detail = await engine().as('commander').caseDetail(id);
    expect(detail?.events.at(-1)).toMatchObject({ from: 'handled', to: 'handling', role: 'inspector', note: '核查未通过 still there' });
  });

  it('keeps conflicts as before: a move from a status the case left is a PT409', async () => {
    const id = await caseIn('registered', PLAIN_CATEGORY);
    await engine().as('commander').transitionCase(id, 'registered', 'dispatched');
    await expect(engine().as('inspector').transitionCase(id, 'registered', 'dispatched')).rejects.toMatchObject({ code: 'PT409' });
    await expect(allowedMoves('inspector', 99_999_999)).rejects.toMatchObject({ code: 'P0002' });
  });

  it('stores the transition table the moves are decided by', async () => {
    const rows = await engine().sql<{ move: string }>(
      `select from_status || ' → ' || to_status || ' ' || array_to_string(roles, ',')
              || case when needs_note then ' note' else '' end || case when needs_photo then ' photo' else '' end as move
       from case_transitions order by from_status, to_status`);
    expect(rows.map((r) => r.move)).toEqual([
      'reported → registered inspector,commander,admin,service',
      'reported → rejected inspector,commander,admin,service note',
      'registered → dispatched inspector,commander,admin,service',
      'dispatched → handling inspector,commander,admin,service',
      'handling → handled inspector,commander,admin,service note photo',
      'handled → handling inspector,commander,admin,service,reporter note',
      'handled → closed inspector,commander,admin,service,reporter',
      'closed → registered commander,admin,service note',
      'closed → handling reporter note',
      'rejected → registered commander,admin,service note',
    ]);
  });
});
