/**
 * The account the data is read and written as, on either backend: demo
 * accounts whose claims the embedded database runs under, or a Supabase Auth
 * session whose JWT supabase-js sends with every call.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Claims } from '../data/types';
import { accountFromClaims, chooseDemoAccount, claimsFromJwt, DEMO_ACCOUNTS, demoAccount, RESIDENT, SIGNED_OUT, withAccountInUrl, type Account } from './accounts';

export type AccountSession = EmbeddedSession | SupabaseSession;
type Listener = (account: Account) => void;

/** Two accounts are the same when the database would decide the same for both. */
const sameRights = (a: Account, b: Account) => a.id === b.id && a.role === b.role && a.grids.join() === b.grids.join();

abstract class Session {
  #current: Account;
  #listeners = new Set<Listener>();

  constructor(account: Account) {
    this.#current = account;
  }

  /** The account calls are made as now. */
  get current(): Account {
    return this.#current;
  }

  /** Calls `listener` after every change of account (not at once); returns the function that stops it. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected set(account: Account) {
    if (sameRights(account, this.#current)) return;
    this.#current = account;
    for (const listener of this.#listeners) listener(account);
  }
}

/** What the embedded session sets claims on: the SQL transport. */
export interface ClaimsTarget {
  setClaims(claims: Claims): void;
}

/** Where a tab keeps its demo choice: the URL it was opened with, and sessionStorage. */
export interface ChoicePlace {
  url(): string;
  replaceUrl(url: string): void;
  stored(): string | null;
  store(id: string): void;
}

const CHOICE_KEY = 'citygrid.account';

export const tabPlace = (): ChoicePlace => ({
  url: () => location.href,
  replaceUrl: (url) => history.replaceState(history.state, '', url),
  stored: () => {
    try {
      return sessionStorage.getItem(CHOICE_KEY);
    } catch {
      return null;
    }
  },
  store: (id) => {
    try {
      sessionStorage.setItem(CHOICE_KEY, id);
    } catch {
      // Without storage the tab starts as the resident after a reload.
    }
  },
});

/** The demo accounts of the embedded database: the database enforces their claims exactly as Supabase's. */
export class EmbeddedSession extends Session {
  readonly backend = 'embedded' as const;
  readonly accounts = DEMO_ACCOUNTS;

  constructor(
    private readonly target: ClaimsTarget,
    account: Account = RESIDENT,
    private readonly place: ChoicePlace | null = null,
  ) {
    super(account);
    target.setClaims(account.claims);
    place?.store(account.id);
  }

  /** Acts as the demo account `id` from now on (and after a reload of this tab). */
  use(id: string) {
    const account = demoAccount(id);
    if (!account) throw new Error(`no demo account "${id}" (one of ${DEMO_ACCOUNTS.map((a) => a.id).join(', ')})`);
    this.target.setClaims(account.claims);
    if (this.place) {
      this.place.store(id);
      const url = withAccountInUrl(this.place.url(), id);
      if (url !== this.place.url()) this.place.replaceUrl(url);
    }
    this.set(account);
  }
}

/** The tab's demo session: the account `?as=` names, else the tab's last choice, else the resident. */
export function tabSession(target: ClaimsTarget, place: ChoicePlace = tabPlace()): EmbeddedSession {
  return new EmbeddedSession(target, chooseDemoAccount(place.url(), place.stored()), place);
}

/** The part of supabase-js's auth client the session uses. */
export type SupabaseAuth = Pick<SupabaseClient['auth'], 'onAuthStateChange' | 'signInWithPassword' | 'signInWithOtp' | 'signOut'>;
interface AuthState {
  access_token: string;
  user: { id: string; email?: string; app_metadata: Record<string, unknown> };
}

/** The account of a Supabase session, by the JWT the database will see. */
function accountOf(session: AuthState): Account {
  const { id, email, app_metadata } = session.user;
  return accountFromClaims(claimsFromJwt(session.access_token) ?? { role: 'authenticated', sub: id, email, app_metadata });
}

const failed = ({ error }: { error: Error | null }) => {
  if (error) throw error;
};

/** Staff sign in with Supabase Auth; role and grids come from the JWT's app_metadata. The URL never chooses an account here. */
export class SupabaseSession extends Session {
  readonly backend = 'supabase' as const;

  constructor(
    private readonly auth: SupabaseAuth,
    private readonly linkTarget = () => location.origin + location.pathname,
  ) {
    super(SIGNED_OUT);
    auth.onAuthStateChange((_event, session) => this.set(session ? accountOf(session) : SIGNED_OUT));
  }

  async signInWithPassword(email: string, password: string) {
    failed(await this.auth.signInWithPassword({ email, password }));
  }

  /** Emails a sign-in link; only existing users get one (staff accounts are made by an admin). */
  async signInWithOtp(email: string) {
    failed(await this.auth.signInWithOtp({ email, options: { shouldCreateUser: false, emailRedirectTo: this.linkTarget() } }));
  }

  /** Signs out in this browser only. */
  async signOut() {
    failed(await this.auth.signOut({ scope: 'local' }));
  }
}
