import { describe, expect, it, vi } from 'vitest';
import {
  accountFromClaims,
  appRole,
  chooseDemoAccount,
  claimsFromJwt,
  DEMO_ACCOUNTS,
  requestedAccountId,
  SIGNED_OUT,
  withAccountInUrl,
} from '../../../src/lib/accounts/accounts';

const APP = 'http://localhost:5173/';

/** A JWT as GoTrue issues it; the signature is never checked in the browser. */
const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`;

describe('demo accounts', () => {
  it('are a resident, two inspectors, a commander and an admin with short URL names and fixed users', () => {
    expect(DEMO_ACCOUNTS.map((a) => [a.id, a.role, a.claims.sub ?? null])).toEqual([
      ['resident', 'public', null],
      ['inspector-plr', 'inspector', '00000000-0000-4000-8000-000000000001'],
      ['inspector-ppx', 'inspector', '00000000-0000-4000-8000-000000000002'],
      ['commander', 'commander', '00000000-0000-4000-8000-000000000003'],
      ['admin', 'admin', '00000000-0000-4000-8000-000000000004'],
    ]);
    for (const account of DEMO_ACCOUNTS) {
      expect(account.id).toMatch(/^[a-z-]+$/);
      expect(appRole(account.claims), account.id).toBe(account.role);
      expect(account.nameZh).not.toBe(account.nameEn);
    }
  });

  it('give inspectors their grids in the claims too, as Supabase staff get them', () => {
    const plr = DEMO_ACCOUNTS.find((a) => a.id === 'inspector-plr')!;
    expect(plr.claims).toEqual({
      role: 'authenticated',
      sub: '00000000-0000-4000-8000-000000000001',
      app_metadata: { citygrid_role: 'inspector', inspector_grids: ['PLR-G01', 'PLR-G02'] },
    });
    expect(DEMO_ACCOUNTS.find((a) => a.id === 'inspector-ppx')!.grids).toEqual(['PPX-G01', 'PPX-G02']);
  });
});

describe('?as= in the URL', () => {
  it('is read from the query string and from the query of the hash', () => {
    expect(requestedAccountId(`${APP}?as=commander`)).toBe('commander');
    expect(requestedAccountId(`${APP}#/inspect?as=inspector-ppx`)).toBe('inspector-ppx');
    expect(requestedAccountId(`${APP}?lang=en#/inspect?tab=queue&as=admin`)).toBe('admin');
    expect(requestedAccountId(`${APP}#map=15/31.25/121.52/0/0&layers=cases`)).toBeNull();
    expect(requestedAccountId(APP)).toBeNull();
  });

  it('wins over the choice the tab remembers, which wins over the resident', () => {
    expect(chooseDemoAccount(`${APP}?as=inspector-plr`, 'commander').id).toBe('inspector-plr');
    expect(chooseDemoAccount(`${APP}#/inspect?as=admin`, 'commander').id).toBe('admin');
    expect(chooseDemoAccount(APP, 'commander').id).toBe('commander');
    expect(chooseDemoAccount(APP, null).id).toBe('resident');
  });

  it('ignores names that are no demo account, saying so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(chooseDemoAccount(`${APP}?as=root`, 'commander').id).toBe('commander');
    expect(chooseDemoAccount(`${APP}?as=`, null).id).toBe('resident');
    expect(chooseDemoAccount(APP, 'nobody').id).toBe('resident');
    expect(warn).toHaveBeenCalledWith('citygrid: no demo account "root"');
    warn.mockRestore();
  });

  it('is rewritten where it stands after a switch, so a reload keeps the new account', () => {
    expect(withAccountInUrl(`${APP}?as=inspector-plr#map=15/31.2/121.5/0/0`, 'commander')).toBe(`${APP}?as=commander#map=15/31.2/121.5/0/0`);
    expect(withAccountInUrl(`${APP}#/inspect?as=inspector-plr&tab=queue`, 'admin')).toBe(`${APP}#/inspect?as=admin&tab=queue`);
    expect(withAccountInUrl(`${APP}#map=15/31.2/121.5/0/0`, 'admin')).toBe(`${APP}#map=15/31.2/121.5/0/0`);
  });
});

describe('accounts from JWT claims', () => {
  it('name the role as the database does (public.app_role)', () => {
    expect(appRole({ role: 'anon' })).toBe('public');
    expect(appRole({ role: 'authenticated' })).toBe('resident');
    expect(appRole({ role: 'authenticated', app_metadata: { citygrid_role: 'root' as never } })).toBe('resident');
    expect(appRole({ role: 'authenticated', app_metadata: { citygrid_role: 'commander' } })).toBe('commander');
    expect(appRole({ role: 'service_role' })).toBe('service');
  });

  it('take role and grids from app_metadata and the name from the email', () => {
    const claims = { role: 'authenticated', sub: 'u-7', email: 'li.ming@example.org', app_metadata: { citygrid_role: 'inspector', inspector_grids: ['KJR-G03', 7] } };
    expect(accountFromClaims(claims as never)).toMatchObject({ id: 'u-7', nameZh: 'li.ming@example.org', role: 'inspector', grids: ['KJR-G03'] });
    expect(accountFromClaims({ role: 'anon' })).toBe(SIGNED_OUT);
    expect(accountFromClaims({ role: 'authenticated', sub: 'u-8', app_metadata: { inspector_grids: 'KJR-G01' as never } }).grids).toEqual([]);
  });

  it('are read from the access token itself, UTF-8 included', () => {
    const payload = { role: 'authenticated', sub: 'u-9', email: '王@example.org', app_metadata: { citygrid_role: 'admin' } };
    expect(claimsFromJwt(jwt(payload))).toEqual(payload);
    expect(claimsFromJwt('not a token')).toBeNull();
    expect(claimsFromJwt(jwt({ no: 'role' }))).toBeNull();
  });
});
