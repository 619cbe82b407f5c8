import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../src/lib/app/route';

describe('hash routes', () => {
  it('reads the screen, its parameter and the query', () => {
    expect(parseRoute('#/inspect?map=15/31.2/121.5/0/0&overdue=1')).toEqual({ screen: 'inspect', param: null, query: 'map=15/31.2/121.5/0/0&overdue=1' });
    expect(parseRoute('#/')).toEqual({ screen: '', param: null, query: '' });
    expect(parseRoute('')).toEqual({ screen: '', param: null, query: '' });
  });

  it('opens an old-style map link, and an unknown screen, on the dashboard', () => {
    expect(parseRoute('#map=15/31.2/121.5/0/0&layers=cases')).toEqual({ screen: '', param: null, query: 'map=15/31.2/121.5/0/0&layers=cases' });
    expect(parseRoute('#/nowhere/x?days=7')).toEqual({ screen: '', param: null, query: 'days=7' });
  });

  it('writes what it reads', () => {
    for (const hash of ['#/inspect?map=15/31.2/121.5/0/0', '#/', '#/?days=7']) expect(routeHash(parseRoute(hash))).toBe(hash);
  });
});
