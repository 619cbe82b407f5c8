import { describe, expect, it } from 'vitest';
import { addPulses, alivePulses, MAX_PULSES, PULSE_MS, pulsesEndAt } from '../../../src/lib/overlays/case-pulses';

describe('pulses of live changes', () => {
  it('rings each changed case once, for PULSE_MS', () => {
    const pulses = addPulses([], [7, 8], 1000);
    expect(alivePulses(pulses, 1000 + PULSE_MS - 1).map((p) => p.id)).toEqual([7, 8]);
    expect(alivePulses(pulses, 1000 + PULSE_MS)).toEqual([]);
    expect(alivePulses(pulses, 999)).toEqual([]);
  });

  it('starts a case again when it changes while still ringing, and drops the faded ones', () => {
    let pulses = addPulses([], [1, 2], 0);
    pulses = addPulses(pulses, [3], PULSE_MS + 1);
    expect(pulses.map((p) => p.id)).toEqual([3]);
    pulses = addPulses(pulses, [3, 4], PULSE_MS + 500);
    expect(pulses).toEqual([{ id: 3, startedAt: PULSE_MS + 500 }, { id: 4, startedAt: PULSE_MS + 500 }]);
  });

  it('keeps only the newest pulses in a burst', () => {
    const burst = Array.from({ length: MAX_PULSES + 50 }, (_, i) => i);
    const pulses = addPulses([], burst, 0);
    expect(pulses).toHaveLength(MAX_PULSES);
    expect(pulses[0].id).toBe(50);
  });

  it('needs frames until the last ring has faded, and none once there is none', () => {
    expect(pulsesEndAt([{ startedAt: 100 }, { startedAt: 400 }])).toBe(400 + PULSE_MS);
    expect(pulsesEndAt([])).toBe(-Infinity);
  });
});
