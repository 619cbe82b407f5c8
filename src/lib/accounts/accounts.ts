/**
 * Who is using the dashboard: the account, its role and grids as the
 * database sees them, and the demo accounts of the embedded database.
 */
import type { Claims } from '../data/types';

/** The caller's role exactly as the database's public.app_role() names it. */
export type AppRole = 'public' | 'resident' | 'inspector' | 'commander' | 'admin' | 'service';
type StaffRole = NonNullable<NonNullable<Claims['app_metadata']>['citygrid_role']>;
const STAFF_ROLES: readonly string[] = ['inspector', 'commander', 'admin'] satisfies StaffRole[];

export interface Account {
  /** A demo account's URL name (`?as=`), or the user id (`public` when signed out). */
  id: string;
  nameZh: string;
  nameEn: string;
  role: AppRole;
  /** Grid codes an inspector works, descendants included. */
  grids: readonly string[];
  /** The JWT claims the database decides by. */
  claims: Claims;
}

/** What public.app_role() answers for these claims. */
export function appRole(claims: Claims): AppRole {
  if (claims.role === 'service_role') return 'service';
  if (claims.role !== 'authenticated') return 'public';
  const staff = claims.app_metadata?.citygrid_role;
  return staff && STAFF_ROLES.includes(staff) ? staff : 'resident';
}

/** The account JWT claims describe (a Supabase session's), named by its email. */
export function accountFromClaims(claims: Claims): Account {
  if (claims.role === 'anon') return SIGNED_OUT;
  const granted = claims.app_metadata?.inspector_grids;
  const name = claims.email ?? claims.sub ?? claims.role;
  return {
    id: claims.sub ?? claims.role,
    nameZh: name,
    nameEn: name,
    role: appRole(claims),
    grids: Array.isArray(granted) ? granted.filter((code): code is string => typeof code === 'string') : [],
    claims,
  };
}

/** The claims a JWT carries, read without checking its signature (the database checks it); null if unreadable. */
export function claimsFromJwt(token: string): Claims | null {
  try {
    const base64 = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Claims;
    return typeof claims === 'object' && claims !== null && typeof claims.role === 'string' ? claims : null;
  } catch {
    return null;
  }
}

export const SIGNED_OUT: Account = { id: 'public', nameZh: '未登录', nameEn: 'Not signed in', role: 'public', grids: [], claims: { role: 'anon' } };

const demoUser = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function staff(id: string, n: number, nameZh: string, nameEn: string, role: StaffRole, grids: string[] = []): Account {
  const app_metadata = role === 'inspector' ? { citygrid_role: role, inspector_grids: grids } : { citygrid_role: role };
  return { id, nameZh, nameEn, role, grids, claims: { role: 'authenticated', sub: demoUser(n), app_metadata } };
}

/**
 * The embedded database's people. The two inspectors also have rows in
 * inspector_grids (the seed), and their claims carry the same grids.
 */
export const DEMO_ACCOUNTS: readonly Account[] = [
  { id: 'resident', nameZh: '市民', nameEn: 'Resident', role: 'public', grids: [], claims: { role: 'anon' } },
  staff('inspector-plr', 1, '李明', 'Li Ming', 'inspector', ['PLR-G01', 'PLR-G02']),
  staff('inspector-ppx', 2, '陈静', 'Chen Jing', 'inspector', ['PPX-G01', 'PPX-G02']),
  staff('commander', 3, '王建国', 'Wang Jianguo', 'commander'),
  staff('admin', 4, '赵敏', 'Zhao Min', 'admin'),
];
export const RESIDENT = DEMO_ACCOUNTS[0];

export const demoAccount = (id: string | null | undefined): Account | undefined => DEMO_ACCOUNTS.find((a) => a.id === id);

/** `as` from the query string, else from the hash's own query (`#/inspect?as=commander`). */
export function requestedAccountId(url: string): string | null {
  const { searchParams, hash } = new URL(url);
  const hashQuery = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  return searchParams.get('as') ?? new URLSearchParams(hashQuery).get('as');
}

/**
 * The demo account a tab starts as: the one the URL asks for, else the one
 * this tab chose last, else the resident. Unknown names are ignored.
 */
export function chooseDemoAccount(url: string, stored: string | null): Account {
  const asked = requestedAccountId(url);
  if (asked !== null && !demoAccount(asked)) console.warn(`citygrid: no demo account "${asked}"`);
  return demoAccount(asked) ?? demoAccount(stored) ?? RESIDENT;
}

/** The URL with any `as` it carries (query or hash query) naming `id` instead, so a reload keeps the switch. */
export function withAccountInUrl(url: string, id: string): string {
  const parsed = new URL(url);
  if (parsed.searchParams.has('as')) parsed.searchParams.set('as', id);
  const at = parsed.hash.indexOf('?');
  if (at >= 0) {
    const query = new URLSearchParams(parsed.hash.slice(at + 1));
    if (query.has('as')) {
      query.set('as', id);
      parsed.hash = `${parsed.hash.slice(0, at)}?${query}`;
    }
  }
  return parsed.toString();
}
