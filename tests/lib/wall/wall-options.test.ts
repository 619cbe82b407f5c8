import { describe, expect, it } from 'vitest';
import { parseWallOptions } from '../../../src/lib/wall/wall-options';

describe('wall options from the link', () => {
  it('reads the tour time, the areas and the target', () => {
    expect(parseWallOptions('tour=60s&areas=KJR,PLR&target=0.96')).toEqual({ tourStopMs: 60_000, areas: ['KJR', 'PLR'], target: 0.96 });
    expect(parseWallOptions('tour=2m&target=90')).toEqual({ tourStopMs: 120_000, areas: null, target: 0.9 });
    expect(parseWallOptions('tour=45')).toMatchObject({ tourStopMs: 45_000 });
  });

  it('tours every minute at a 96 % target for all areas by default, and turns the tour off on request', () => {
    expect(parseWallOptions('')).toEqual({ tourStopMs: 60_000, areas: null, target: 0.96 });
    expect(parseWallOptions('tour=off').tourStopMs).toBeNull();
    expect(parseWallOptions('tour=0').tourStopMs).toBeNull();
  });

  it('keeps the defaults for values it cannot use, and never stops for less than 5 s', () => {
    expect(parseWallOptions('tour=soon&target=150&areas=,,')).toEqual({ tourStopMs: 60_000, areas: null, target: 0.96 });
    expect(parseWallOptions('target=-1').target).toBe(0.96);
    expect(parseWallOptions('tour=1s').tourStopMs).toBe(5_000);
  });
});
