import { expect, it } from 'vitest';
import { WORKSPACE_RPC_FUNCTIONS } from '../../src/lib/data/rpc';
import { describeEachEngine } from '../support/engines';

interface ProcRow {
  name: string;
  args: string[];
  anon: boolean;
  authenticated: boolean;
  service: boolean;
  everyone: boolean;
}

const PROCS = `
  select p.proname as name,
         coalesce((select array_agg(n order by i) from unnest(p.proargnames, p.proargmodes) with ordinality as a(n, m, i)
                   where m is null or m in ('i', 'b')), p.proargnames[1:p.pronargs], '{}') as args,
         has_function_privilege('anon', p.oid, 'execute') as anon,
         has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
         has_function_privilege('service_role', p.oid, 'execute') as service,
         coalesce(p.proacl::text[] && array['=X/' || pg_get_userbyid(p.proowner)], p.proacl is null) as everyone
  from pg_proc p join pg_namespace ns on ns.oid = p.pronamespace
  where ns.nspname = 'public' and p.proname = any($1)`;

describeEachEngine('inspector workspace contract', (engine) => {
  it('has every workspace function with exactly its argument names, granted to the right roles', async () => {
    const rows = await engine().sql<ProcRow>(PROCS, [Object.keys(WORKSPACE_RPC_FUNCTIONS)]);
    for (const [name, spec] of Object.entries(WORKSPACE_RPC_FUNCTIONS)) {
      const matches = rows.filter((r) => r.name === name);
      expect(matches, `${name} exists once (no overloads)`).toHaveLength(1);
      expect(matches[0].args, `${name} arguments`).toEqual([...spec.args]);
      expect(matches[0], name).toMatchObject({ anon: spec.public, authenticated: true, service: true, everyone: false });
    }
  });

  it('leaves camera alarms to the service role and internal helpers to nobody outside', async () => {
    const rows = await engine().sql<ProcRow>(PROCS, [['ingest_camera_alarm', 'photo_bytes', 'image_mime', 'duplicated_case',
      'set_stage_due', 'add_default_stage_limits', 'assign_camera_grid', 'reassign_camera_grids']]);
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      expect(row, row.name).toMatchObject({ anon: false, authenticated: false, everyone: false });
    }
    expect(rows.find((r) => r.name === 'ingest_camera_alarm')).toMatchObject({
      args: ['p_camera_code', 'p_kind', 'p_at', 'p_snapshot_base64'], service: true,
    });
  });

  it('lets anyone read the calendar functions the stage clocks use', async () => {
    const rows = await engine().sql<ProcRow>(PROCS, [['add_working_minutes', 'working_minutes_between', 'is_working_day']]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row, row.name).toMatchObject({ anon: true, authenticated: true, service: true, everyone: false });
  });
});
