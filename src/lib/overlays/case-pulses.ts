/**
 * Which cases pulse: each case that arrives or changes live rings once, for
 * PULSE_MS. Pure bookkeeping; the ring itself is drawn by PulseLayer.
 */

/** How long one pulse lasts: a ring that grows and fades. */
export const PULSE_MS = 2000;
/** The most pulses alive at once: a burst of a thousand changes rings its newest, not a blizzard. */
export const MAX_PULSES = 300;

export interface Pulse {
  id: number;
  startedAt: number;
}

/** The pulses still alive at `now`. */
export function alivePulses(pulses: readonly Pulse[], now: number): Pulse[] {
  return pulses.filter((p) => now - p.startedAt < PULSE_MS && now >= p.startedAt);
}

/** The pulses after `ids` changed at `at`: a case already pulsing starts again, the expired are dropped, the newest MAX_PULSES kept. */
export function addPulses(pulses: readonly Pulse[], ids: Iterable<number>, at: number): Pulse[] {
  const restarted = new Set(ids);
  const kept = alivePulses(pulses, at).filter((p) => !restarted.has(p.id));
  return [...kept, ...[...restarted].map((id) => ({ id, startedAt: at }))].slice(-MAX_PULSES);
}

/** When the last of the pulses ends: the map needs frames until then and none after. */
export function pulsesEndAt(pulses: readonly Pick<Pulse, 'startedAt'>[]): number {
  return pulses.reduce((end, p) => Math.max(end, p.startedAt + PULSE_MS), -Infinity);
}
