import { embeddedDatabaseOf } from '../data/open-data';
import type { CitygridData } from '../data/types';
import type { DemoFeed } from './demo-feed';
import { checkedSpeed } from './feed-speed';

/** What `window.citygrid.demoFeed` offers the console, the tests and the wall. */
export interface DemoFeedControl {
  start(options?: { speed?: number }): void;
  stop(): void;
  readonly running: boolean;
}

const CHOICE_KEY = 'citygrid.demoFeed';
/** Held by the tab whose feed runs, so that other tabs on the shared database do not start a second one by default. */
const LOCK_NAME = 'citygrid.demo-feed';
/**
 * On by default in `npm run dev`; off in production builds, and in tests
 * (Vitest's mode, or a browser driven by automation) unless switched on.
 */
const onByDefault = () => import.meta.env.DEV && import.meta.env.MODE !== 'test' && !navigator.webdriver;

function storedChoice(): string | null {
  try {
    return sessionStorage.getItem(CHOICE_KEY);
  } catch {
    return null;
  }
}

function storeChoice(choice: 'on' | 'off') {
  try {
    sessionStorage.setItem(CHOICE_KEY, choice);
  } catch {
    // Without storage a reload goes back to the default.
  }
}

/** The demo feed in the browser, on the embedded database, writing as the service role. */
class DemoFeedSwitch implements DemoFeedControl {
  #running = $state(false);
  #available = $state(false);
  #data: CitygridData | null = null;
  #feed: Promise<DemoFeed> | null = null;
  #releaseLock: (() => void) | null = null;

  get running(): boolean {
    return this.#running;
  }

  /** Whether the feed can run here: on the embedded database only (on Supabase it is `npm run simulate`). */
  get available(): boolean {
    return this.#available;
  }

  /** Feeds the database behind `data` from now on; starts at once where on by default or chosen for this tab. */
  use(data: CitygridData): this {
    if (data === this.#data) return this;
    this.#halt();
    this.#data = data;
    this.#feed = null;
    this.#available = embeddedDatabaseOf(data) !== undefined;
    const choice = storedChoice();
    if (this.#available && (choice === 'on' || (onByDefault() && choice !== 'off'))) this.#startUnlessElsewhere();
    return this;
  }

  start(options: { speed?: number } = {}) {
    if (options.speed !== undefined) checkedSpeed(options.speed);
    const database = this.#data && embeddedDatabaseOf(this.#data);
    if (!database) {
      console.warn('The demo feed runs in the browser on the embedded database; against Supabase run `npm run simulate`.');
      return;
    }
    storeChoice('on');
    this.#running = true;
    this.#holdLock();
    this.#feed ??= Promise.all([import('./demo-feed'), import('./feed-port')]).then(
      ([{ DemoFeed }, { sqlFeedPort }]) => new DemoFeed(sqlFeedPort(database), { onTick: warnRefusals }),
    );
    void this.#feed.then((feed) => {
      if (this.#running) feed.start(options);
    });
  }

  stop() {
    storeChoice('off');
    this.#halt();
  }

  #halt() {
    this.#running = false;
    void this.#feed?.then((feed) => feed.stop());
    this.#releaseLock?.();
    this.#releaseLock = null;
  }

  #holdLock() {
    if (this.#releaseLock || !navigator.locks) return;
    void navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) =>
      lock ? new Promise<void>((release) => (this.#releaseLock = release)) : undefined,
    );
  }

  #startUnlessElsewhere() {
    if (!navigator.locks) return this.start();
    void navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
      if (!lock) return;
      const held = new Promise<void>((release) => (this.#releaseLock = release));
      this.start();
      return held;
    });
  }
}

function warnRefusals(result: { failures: string[] }) {
  for (const failure of result.failures) console.warn(`demo feed: ${failure}`);
}

/** The tab's one demo feed switch. */
export const demoFeed = new DemoFeedSwitch();
