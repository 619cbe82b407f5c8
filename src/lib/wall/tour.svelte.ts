import type { TourStop } from './tour-stops';

/** An urgent event the tour stops for: where it is and what to call it. */
export interface WallAlarm {
  key: string;
  lon: number;
  lat: number;
  titleZh: string;
  titleEn: string;
  detail: string;
  at: number;
}

/** How long the camera stays on an urgent event before the tour resumes. */
export const ALARM_HOLD_MS = 30_000;

/**
 * The wall's auto-tour. It shows each stop for `stopMs`, round and round
 * (the stops are asked for afresh at each step, so the worst grids follow the
 * data). An urgent event interrupts it: the event is shown for `holdMs`
 * (several queue, each shown in turn), then the tour goes back to the stop it
 * left and gives it a full turn. With `stopMs` null the wall stays on the
 * first stop, and urgent events still interrupt it.
 */
export class WallTour {
  stop = $state.raw<TourStop | null>(null);
  alarm = $state.raw<WallAlarm | null>(null);
  /** Counts every stop shown, for tests and tools to wait on. */
  step = $state(0);
  #index = -1;
  #queue: WallAlarm[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly stops: () => TourStop[],
    private readonly stopMs: number | null,
    private readonly holdMs = ALARM_HOLD_MS,
  ) {}

  /** Starts at the first stop; returns the function that stops the tour. */
  start(): () => void {
    this.#show(0);
    return () => this.#clear();
  }

  /** Shows the stops again from the one under way (they changed: the areas arrived, the worst grids moved). */
  refresh() {
    if (!this.alarm) this.#show(Math.max(this.#index, 0));
  }

  interrupt(alarm: WallAlarm) {
    if (this.alarm?.key === alarm.key || this.#queue.some((a) => a.key === alarm.key)) return;
    this.#queue.push(alarm);
    if (!this.alarm) this.#nextAlarm();
  }

  #nextAlarm() {
    this.#clear();
    const next = this.#queue.shift();
    if (!next) {
      this.alarm = null;
      this.#show(this.#index);
      return;
    }
    this.alarm = next;
    this.#timer = setTimeout(() => this.#nextAlarm(), this.holdMs);
  }

  #show(index: number) {
    this.#clear();
    const stops = this.stops();
    if (!stops.length) return;
    this.#index = index % stops.length;
    this.stop = stops[this.#index];
    this.step++;
    if (this.stopMs !== null) this.#timer = setTimeout(() => this.#show(this.#index + 1), this.stopMs);
  }

  #clear() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
