import { expect, it } from 'vitest';
import { asRole, describeEachEngine } from '../support/engines';

/** Times are written and read as Shanghai wall-clock time. */
const SHANGHAI = `'YYYY-MM-DD HH24:MI'`;

describeEachEngine('working calendar', (engine) => {
  async function due(from: string, minutes: number): Promise<string> {
    const [row] = await engine().sql<{ due: string }>(
      `select to_char(add_working_minutes(($1 || '+08')::timestamptz, $2) at time zone 'Asia/Shanghai', ${SHANGHAI}) as due`, [from, minutes]);
    return row.due;
  }
  async function between(from: string, to: string): Promise<number> {
    const [row] = await engine().sql<{ n: number }>(
      `select working_minutes_between(($1 || '+08')::timestamptz, ($2 || '+08')::timestamptz) as n`, [from, to]);
    return row.n;
  }

  const cases: [string, string, number, string][] = [
    ['a Friday report 5 minutes before closing is due Monday morning', '2026-11-27 17:55', 30, '2026-11-30 09:25'],
    ['a count that ends at closing time ends that day', '2026-11-27 17:55', 5, '2026-11-27 18:00'],
    ['the lunch break does not count', '2026-11-23 11:50', 20, '2026-11-23 13:10'],
    ['a report during the lunch break starts counting at 13:00', '2026-11-23 12:30', 10, '2026-11-23 13:10'],
    ['a morning ends exactly at noon', '2026-11-23 11:59', 1, '2026-11-23 12:00'],
    ['a report at night starts counting at 09:00', '2026-11-24 07:00', 1, '2026-11-24 09:01'],
    ['a report on a holiday starts counting on the next working day', '2026-02-16 10:00', 30, '2026-02-24 09:30'],
    ['a make-up Saturday is a working day', '2026-02-13 17:00', 120, '2026-02-14 10:00'],
    ['a make-up Sunday is a working day', '2026-09-19 10:00', 60, '2026-09-20 10:00'],
    ['the New Year holidays of 2027 are skipped', '2026-12-31 17:30', 60, '2027-01-04 09:30'],
    ['the New Year make-up Sunday of 2026 is worked', '2025-12-31 17:30', 60, '2026-01-04 09:30'],
    ['a working week holds 2400 minutes', '2026-11-23 09:00', 2400, '2026-11-27 18:00'],
    ['National Day week is skipped whole', '2026-09-30 17:00', 120, '2026-10-08 10:00'],
    ['zero minutes is the start itself, even on a holiday', '2026-10-02 03:04', 0, '2026-10-02 03:04'],
  ];
  for (const [title, from, minutes, expected] of cases) {
    it(`${title} (${from} + ${minutes} min = ${expected})`, async () => {
      expect(await due(from, minutes)).toBe(expected);
      expect(await between(from, expected)).toBe(minutes);
    });
  }

  it('counts working minutes backwards as negative and whole minutes only', async () => {
    expect(await between('2026-11-30 09:25', '2026-11-27 17:55')).toBe(-30);
    expect(await between('2026-11-28 10:00', '2026-11-29 16:00')).toBe(0);
    const [row] = await engine().sql<{ n: number }>(
      `select working_minutes_between('2026-11-23 09:00:00+08', '2026-11-23 09:01:59+08') as n`);
    expect(row.n).toBe(1);
  });

  it('refuses negative, missing and infinite input with 22023', async () => {
    for (const sql of [
      `select add_working_minutes(now(), -1)`,
      `select add_working_minutes(now(), null)`,
      `select add_working_minutes('infinity', 10)`,
      `select working_minutes_between(now(), 'infinity')`,
      `select working_minutes_between('2000-01-01', '2030-01-01')`,
    ]) {
      await expect(engine().sql(sql), sql).rejects.toMatchObject({ code: '22023' });
    }
  });

  it('has every 2026 holiday and make-up working day of the State Council notice', async () => {
    const rows = await engine().sql<{ off: number; workdays: string[] }>(
      `select count(*) filter (where not is_workday)::int as off,
              array_agg(to_char(day, 'MM-DD') order by day) filter (where is_workday) as workdays
       from holidays where extract(year from day) = 2026`);
    expect(rows[0]).toEqual({ off: 33, workdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'] });
  });

  it('lets admins, and only admins, edit the calendar', async () => {
    await expect(asRole(engine(), 'commander', `insert into holidays (day, name_zh, name_en) values ('2026-12-01', '测试', 'Test')`))
      .rejects.toThrow(/row-level security/);
    await expect(asRole(engine(), 'public', `delete from holidays`)).rejects.toThrow(/permission denied/);
    expect(await asRole(engine(), 'public', `select count(*)::int as n from holidays where day = '2026-10-01'`)).toEqual([{ n: 1 }]);
    // Added and read in one transaction that is then rolled back, so other suites never see the day off.
    let dueOnDayOff = '';
    const undo = new Error('undo');
    await engine().db.transaction(async (tx) => {
      await tx.query(`set local role authenticated`);
      await tx.query(`select set_config('request.jwt.claims', $1, true)`,
        [JSON.stringify({ role: 'authenticated', app_metadata: { citygrid_role: 'admin' } })]);
      await tx.query(`insert into holidays (day, name_zh, name_en) values ('2026-11-30', '临时休息日', 'Extra day off')`);
      const { rows } = await tx.query<{ due: string }>(
        `select to_char(add_working_minutes('2026-11-27 17:55+08', 30) at time zone 'Asia/Shanghai', ${SHANGHAI}) as due`);
      dueOnDayOff = rows[0].due;
      throw undo;
    }).catch((error) => {
      if (error !== undo) throw error;
    });
    expect(dueOnDayOff).toBe('2026-12-01 09:25');
    expect(await due('2026-11-27 17:55', 30)).toBe('2026-11-30 09:25');
  });
});
