import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import type { WallGrid } from '../../../src/lib/data/types';
import { densityBreaks, densityClass, scaledLayer } from '../../../src/lib/wall/wall-layers';

const grid = (openPerKm2: number) => ({ openPerKm2 }) as WallGrid;

describe('wall layers', () => {
  it('classes case density by the quintiles of the grids that have cases', () => {
    const grids = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(grid);
    const breaks = densityBreaks(grids);
    expect(breaks).toEqual([3, 5, 7, 9]);
    expect([0, 1, 3, 4, 9, 10].map((v) => densityClass(v, breaks))).toEqual([0, 0, 0, 1, 3, 4]);
    expect(densityBreaks([grid(0)])).toEqual([]);
  });

  it('scales sizes given in pixels and leaves sizes on the ground alone', () => {
    const badge = scaledLayer(new ScatterplotLayer({ id: 'a', data: [], radiusUnits: 'pixels', lineWidthUnits: 'pixels' }), 2);
    expect(badge.props).toMatchObject({ radiusScale: 2, lineWidthScale: 2 });
    const coverage = scaledLayer(new ScatterplotLayer({ id: 'b', data: [], radiusUnits: 'meters', lineWidthUnits: 'pixels', radiusScale: 1 }), 2);
    expect(coverage.props).toMatchObject({ radiusScale: 1, lineWidthScale: 2 });
    const text = scaledLayer(new TextLayer({ id: 'c', data: [], sizeScale: 1.5 }), 2);
    expect(text.props).toMatchObject({ sizeScale: 3 });
    const same = new TextLayer({ id: 'd', data: [] });
    expect(scaledLayer(same, 1)).toBe(same);
  });
});
