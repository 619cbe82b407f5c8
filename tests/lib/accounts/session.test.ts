import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoAccount, SIGNED_OUT } from '../../../src/lib/accounts/accounts';
import { EmbeddedSession, SupabaseSession, tabSession, type ChoicePlace, type SupabaseAuth } from '../../../src/lib/accounts/session';
import type { Claims } from '../../../src/lib/data/types';

/** A tab: its URL and its sessionStorage, which outlive a reload. */
function fakeTab(url: string, stored: string | null = null) {
  const tab = { url, stored };
  const place: ChoicePlace = {
    url: () => tab.url,
    replaceUrl: (next) => void (tab.url = next),
    stored: () => tab.stored,
    store: (id) => void (tab.stored = id),
  };
  return { tab, place };
}

function claimsTarget() {
  const set: Claims[] = [];
  return { set, setClaims: (claims: Claims) => void set.push(claims) };
}

describe('the embedded session', () => {
  it('starts as the account ?as= names, runs the database under its claims and remembers it for the tab', () => {
    const { tab, place } = fakeTab('http://localhost/?as=inspector-plr#map=15/31.2/121.5/0/0');
    const target = claimsTarget();
    const session = tabSession(target, place);
    expect(session.current.id).toBe('inspector-plr');
    expect(target.set).toEqual([demoAccount('inspector-plr')!.claims]);
    expect(tab.stored).toBe('inspector-plr');
  });

  it('switches with use(), telling listeners once, and keeps the switch through a reload', () => {
    const { tab, place } = fakeTab('http://localhost/?as=inspector-plr#map=15/31.2/121.5/0/0');
    const target = claimsTarget();
    const session = tabSession(target, place);
    const heard: string[] = [];
    const stop = session.onChange((account) => heard.push(account.id));
    session.use('commander');
    session.use('commander');
    expect(heard).toEqual(['commander']);
    expect(target.set.at(-1)).toEqual(demoAccount('commander')!.claims);
    expect(tab).toEqual({ url: 'http://localhost/?as=commander#map=15/31.2/121.5/0/0', stored: 'commander' });
    expect(tabSession(claimsTarget(), place).current.id).toBe('commander');
    stop();
    session.use('admin');
    expect(heard).toEqual(['commander']);
  });

  it('refuses an unknown account and stays who it was', () => {
    const target = claimsTarget();
    const session = new EmbeddedSession(target);
    expect(() => session.use('root')).toThrow(/no demo account "root" \(one of resident, inspector-plr, inspector-ppx, commander, admin\)/);
    expect(session.current.id).toBe('resident');
    expect(target.set).toEqual([{ role: 'anon' }]);
  });
});

/** supabase-js's auth client, as far as the session uses it. */
function fakeAuth() {
  let notify: (event: string, session: unknown) => void = () => {};
  const calls: [string, unknown][] = [];
  let failure: Error | null = null;
  const answer = (name: string) => async (args?: unknown) => (calls.push([name, args]), { data: {}, error: failure });
  const auth = {
    onAuthStateChange: (callback: typeof notify) => ((notify = callback), { data: { subscription: { unsubscribe() {} } } }),
    signInWithPassword: answer('signInWithPassword'),
    signInWithOtp: answer('signInWithOtp'),
    signOut: answer('signOut'),
  };
  return {
    auth: auth as unknown as SupabaseAuth,
    calls,
    fail: (error: Error | null) => void (failure = error),
    emit: (event: string, claims: object | null) =>
      notify(event, claims && { access_token: jwt(claims), user: { id: 'from-user', app_metadata: {} } }),
  };
}
const jwt = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`;
const inspector = (grids: string[]) => ({ role: 'authenticated', sub: 'u-1', email: 'li@example.org', app_metadata: { citygrid_role: 'inspector', inspector_grids: grids } });

describe('the Supabase session', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is who the JWT says: role and grids from app_metadata', () => {
    const fake = fakeAuth();
    const session = new SupabaseSession(fake.auth, () => 'http://localhost/');
    expect(session.current).toBe(SIGNED_OUT);
    fake.emit('SIGNED_IN', inspector(['KJR-G01']));
    expect(session.current).toMatchObject({ id: 'u-1', nameEn: 'li@example.org', role: 'inspector', grids: ['KJR-G01'] });
    fake.emit('SIGNED_OUT', null);
    expect(session.current).toBe(SIGNED_OUT);
  });

  it('tells listeners when rights change, not when a token is merely refreshed', () => {
    const fake = fakeAuth();
    const session = new SupabaseSession(fake.auth, () => 'http://localhost/');
    const heard: string[] = [];
    session.onChange((account) => heard.push(`${account.role}:${account.grids.join()}`));
    fake.emit('INITIAL_SESSION', inspector(['KJR-G01']));
    fake.emit('TOKEN_REFRESHED', inspector(['KJR-G01']));
    fake.emit('TOKEN_REFRESHED', inspector(['KJR-G01', 'KJR-G02']));
    fake.emit('SIGNED_OUT', null);
    expect(heard).toEqual(['inspector:KJR-G01', 'inspector:KJR-G01,KJR-G02', 'public:']);
  });

  it('signs in with a password or an emailed link (existing users only) and signs out in this browser', async () => {
    const fake = fakeAuth();
    const session = new SupabaseSession(fake.auth, () => 'http://localhost/app/');
    await session.signInWithPassword('li@example.org', 'secret');
    await session.signInWithOtp('li@example.org');
    await session.signOut();
    expect(fake.calls).toEqual([
      ['signInWithPassword', { email: 'li@example.org', password: 'secret' }],
      ['signInWithOtp', { email: 'li@example.org', options: { shouldCreateUser: false, emailRedirectTo: 'http://localhost/app/' } }],
      ['signOut', { scope: 'local' }],
    ]);
    fake.fail(new Error('Invalid login credentials'));
    await expect(session.signInWithPassword('li@example.org', 'wrong')).rejects.toThrow('Invalid login credentials');
  });

  it('never lets ?as= or the tab\'s remembered demo account choose who you are', async () => {
    vi.stubGlobal('location', new URL('http://localhost/?as=commander#/inspect?as=admin'));
    vi.stubGlobal('sessionStorage', { getItem: () => 'commander', setItem: () => {} });
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} });
    vi.stubGlobal('WebSocket', class {});
    const { openData } = await import('../../../src/lib/data/open-data');
    const data = await openData({ supabaseUrl: 'http://127.0.0.1:9', supabaseAnonKey: 'test-anon-key', baseUrl: '/' });
    expect(data.session.backend).toBe('supabase');
    expect('use' in data.session).toBe(false);
    expect(data.session.current).toBe(SIGNED_OUT);
  });
});
