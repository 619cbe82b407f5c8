import { describe, expect, it } from 'vitest';
import { WALL_KPIS, type WallKpis } from '../../../src/lib/data/types';
import { kpiTiles } from '../../../src/lib/wall/kpi-tiles';

const kpis = (values: Partial<Record<keyof WallKpis, [number | null, number | null]>>): WallKpis =>
  Object.fromEntries(WALL_KPIS.map((k) => [k, { now: values[k]?.[0] ?? null, yesterday: values[k]?.[1] ?? null }])) as WallKpis;

describe('KPI tiles', () => {
  const tiles = kpiTiles(kpis({
    open_cases: [120, 100], overdue: [0, 3], close_rate: [0.96, 0.95], close_rate_target: [0.96, 0.96], close_rate_met: [1, 0],
    median_close_hours: [3.25, 3.25], parking_free: [1234, 1500], parking_occupancy: [0.8, 0.75], parking_capacity: [6170, 6000],
    volunteers_on_duty: [45, null], volunteers_planned: [60, 60], fire_reach: [0.875, null],
  }), 'en');
  const tile = (key: string) => tiles.find((t) => t.key === key)!;

  it('shows each value with its trend against the same hour yesterday, good or bad by what the KPI wants', () => {
    expect(tile('open_cases')).toMatchObject({ value: '120', trend: { arrow: '▲', text: '20', tone: 'bad' } });
    expect(tile('overdue')).toMatchObject({ value: '0', tone: 'good', trend: { arrow: '▼', text: '3', tone: 'good' } });
    expect(tile('close_rate')).toMatchObject({ value: '96.0 %', note: 'target 96.0 % · met', tone: 'good', trend: { arrow: '▲', text: '1.0 pt', tone: 'good' } });
    expect(tile('median_close_hours')).toMatchObject({ value: '3.3 h', trend: { arrow: '＝' } });
    expect(tile('parking_occupancy')).toMatchObject({ value: '1,234', note: '80.0 % occupied', trend: { arrow: '▲', tone: 'bad' } });
  });

  it('shows a dash where there is nothing to measure, and no trend where no history is kept', () => {
    expect(tile('on_time_close_rate')).toMatchObject({ value: '—', trend: null });
    expect(tile('volunteers_on_duty')).toMatchObject({ value: '45 / 60', trend: null });
    expect(tile('fire_reach')).toMatchObject({ value: '87.5 %', trend: null });
  });

  it('says when the target is missed, in Chinese too', () => {
    const zh = kpiTiles(kpis({ close_rate: [0.9, 0.9], close_rate_target: [0.96, 0.96], close_rate_met: [0, 0] }), 'zh');
    expect(zh.find((t) => t.key === 'close_rate')).toMatchObject({ label: '结案率（30 天）', note: '目标 96.0 % · 未达标', tone: 'bad' });
  });
});
