/**
 * The state of one data source as the user should see it: live, reconnecting
 * (with the attempt count), or offline since a given time. A transport reports
 * each call's outcome; after a failure the monitor probes with exponential
 * backoff until the source answers again, then tells its listeners to refetch
 * what changed while away.
 */
import { errorMessage } from './rpc';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Failed reconnect attempts since the source was last live. */
  attempt: number;
  /** Epoch ms of the first failure of this outage (null while live or connecting). */
  since: number | null;
  /** What the last failure said, in the source's own words. */
  error: string | null;
}

export interface BackoffOptions {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Attempts after which a source that still does not answer is called offline. */
  offlineAfter: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { firstDelayMs: 1000, maxDelayMs: 30_000, offlineAfter: 4 };

type Listener = (state: ConnectionState) => void;

export class ConnectionMonitor {
  #state: ConnectionState = { status: 'connecting', attempt: 0, since: null, error: null };
  #listeners = new Set<Listener>();
  #resyncListeners = new Set<() => void>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #probe: (() => Promise<unknown>) | null = null;

  constructor(
    private readonly options: BackoffOptions = DEFAULT_BACKOFF,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): ConnectionState {
    return this.#state;
  }

  /** The cheap call used to test whether the source answers again. */
  setProbe(probe: () => Promise<unknown>) {
    this.#probe = probe;
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => this.#listeners.delete(listener);
  }

  /** Called after the source comes back, so views refetch what they missed. */
  onResync(listener: () => void): () => void {
    this.#resyncListeners.add(listener);
    return () => this.#resyncListeners.delete(listener);
  }

  /** A call reached the source. */
  succeeded() {
    const wasDown = this.#state.status === 'reconnecting' || this.#state.status === 'offline';
    this.#cancelTimer();
    if (this.#state.status !== 'live') this.#set({ status: 'live', attempt: 0, since: null, error: null });
    if (wasDown) for (const listener of this.#resyncListeners) listener();
  }

  /** A call could not reach the source; starts (or continues) reconnecting. */
  failed(error: unknown) {
    const message = errorMessage(error);
    const since = this.#state.since ?? this.now();
    if (this.#state.status === 'live' || this.#state.status === 'connecting') {
      this.#set({ status: 'reconnecting', attempt: 0, since, error: message });
    } else {
      this.#set({ ...this.#state, error: message });
    }
    if (!this.#timer) this.#schedule();
  }

  /** The browser says the network is gone. */
  wentOffline() {
    this.#set({ ...this.#state, status: 'offline', since: this.#state.since ?? this.now() });
    if (!this.#timer) this.#schedule();
  }

  /** Tries the source now instead of waiting for the next backoff step. */
  retryNow() {
    this.#cancelTimer();
    void this.#attempt();
  }

  stop() {
    this.#cancelTimer();
    this.#listeners.clear();
    this.#resyncListeners.clear();
  }

  /** Delay before the next attempt: doubling from the first delay, capped, with ±20 % jitter. */
  delayMs(attempt: number, random = Math.random): number {
    const base = Math.min(this.options.maxDelayMs, this.options.firstDelayMs * 2 ** attempt);
    return Math.round(base * (0.8 + 0.4 * random()));
  }

  #schedule() {
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#attempt();
    }, this.delayMs(this.#state.attempt));
  }

  async #attempt() {
    if (!this.#probe || this.#state.status === 'live') return;
    try {
      await this.#probe();
      this.succeeded();
    } catch (error) {
      const attempt = this.#state.attempt + 1;
      const status = attempt >= this.options.offlineAfter || this.#state.status === 'offline' ? 'offline' : 'reconnecting';
      this.#set({ ...this.#state, status, attempt, error: errorMessage(error) });
      if (!this.#timer) this.#schedule();
    }
  }

  #cancelTimer() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #set(state: ConnectionState) {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
