import { expect, it } from 'vitest';
import { EmbeddedSession } from '../../src/lib/accounts/session';
import { createCitygridData } from '../../src/lib/data/citygrid-data';
import { ConnectionMonitor } from '../../src/lib/data/connection';
import { RPC_FUNCTIONS, type RpcName, type RpcTransport } from '../../src/lib/data/rpc';
import { describeEachEngine } from '../support/engines';

interface ProcRow {
  name: string;
  args: string[];
  anon: boolean;
  authenticated: boolean;
}

/** Records every call the data interface makes, answering with one blank row. */
function recordingTransport(calls: { name: RpcName; args: string[] }[]): RpcTransport {
  return {
    backend: 'supabase',
    connection: new ConnectionMonitor(),
    ready: Promise.resolve(),
    async call(name, args) {
      calls.push({ name, args: Object.keys(args) });
      return [{ events: [], photos: [], timeline: [], ids: [], case_no: 'CG-1', geometry: 'null' }];
    },
    subscribe: () => () => {},
  };
}

it('calls only catalogued functions with catalogued argument names from every data method', async () => {
  const calls: { name: RpcName; args: string[] }[] = [];
  const data = createCitygridData(recordingTransport(calls), new EmbeddedSession({ setClaims() {} }));
  const bbox = [121.5, 31.2, 121.6, 31.3] as const;
  await data.layerCounts();
  await data.categories();
  await data.grids('grid', bbox, [1]);
  await data.cases({ bbox, statuses: ['reported'], categories: ['X'], sources: ['ai_camera'], since: new Date(), ids: [1] });
  await data.cases({ ids: [1, 2] });
  await data.cases();
  await data.casesChangedSince(new Date());
  await data.caseDetail(1);
  await data.trackCase('ABCDEFGHJKLM');
  await data.gridByCode('PLR-G01');
  await data.attachReportPhoto('ABCDEFGHJKLM', 'image/jpeg', 'AAAA');
  await data.residentVerdict('ABCDEFGHJKLM', false, 'n');
  await data.fireStations(bbox, [1]);
  await data.parkingLots(bbox, [1]);
  await data.volunteerPosts(bbox, [1]);
  await data.nearestParking(121.5, 31.2, 1, 5);
  await data.parkingSeenFrom(121.5, 31.2, [1]);
  await data.parkingHistory([1]);
  await data.searchParkingPlaces('控江路');
  await data.kpis('pingliang_road');
  await data.reportCase({ categoryCode: 'X', lon: 121.5, lat: 31.2, description: 'd', contact: 'c', address: 'a' });
  await data.allowedMoves(1);
  await data.attachCasePhoto(1, 'image/png', 'AAAA');
  await data.casePhoto({ id: 1, path: null });
  await data.findCase('CG20261124-1');
  await data.myGrids();
  await data.closeRates(new Date(0), new Date(), 'category');
  await data.wallAreas(['PLR']);
  await data.wallKpis(['PLR'], 0.96);
  await data.wallGrids(null);
  await data.transitionCase(1, 'reported', 'registered', 'n');
  await data.recordParkingReading(1, 3);
  await data.importParking([{ line: 1, code: 'PK-1' }], true);
  expect(new Set(calls.map((c) => c.name))).toEqual(new Set(Object.keys(RPC_FUNCTIONS)));
  for (const call of calls) {
    expect(RPC_FUNCTIONS[call.name].args, call.name).toEqual(expect.arrayContaining(call.args));
  }
});

describeEachEngine('rpc contract', (engine) => {
  it('has every catalogued function with exactly its argument names, granted to the right roles', async () => {
    const rows = await engine().sql<ProcRow>(`
      select p.proname as name,
             coalesce((select array_agg(n order by i) from unnest(p.proargnames, p.proargmodes) with ordinality as a(n, m, i)
                       where m is null or m in ('i', 'b')), p.proargnames[1:p.pronargs], '{}') as args,
             has_function_privilege('anon', p.oid, 'execute') as anon,
             has_function_privilege('authenticated', p.oid, 'execute') as authenticated
      from pg_proc p join pg_namespace ns on ns.oid = p.pronamespace
      where ns.nspname = 'public' and p.proname = any($1)`, [Object.keys(RPC_FUNCTIONS)]);
    for (const [name, spec] of Object.entries(RPC_FUNCTIONS)) {
      const matches = rows.filter((r) => r.name === name);
      expect(matches, `${name} exists once (no overloads)`).toHaveLength(1);
      expect(matches[0].args, `${name} arguments`).toEqual([...spec.args]);
      expect(matches[0].anon, `${name} executable by anon`).toBe(spec.public);
      expect(matches[0].authenticated, `${name} executable by authenticated`).toBe(true);
    }
  });
});
