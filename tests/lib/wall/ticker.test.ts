import { describe, expect, it } from 'vitest';
import { toCaseColumns } from '../../../src/lib/data/case-columns';
import { mergeTicker, TICKER_LENGTH, tickerItems } from '../../../src/lib/wall/ticker.svelte';

const NOW = Date.parse('2026-11-24T06:00:00Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
const row = (id: number, status: string, source: string, category: string, reportedMinutesAgo: number, closedMinutesAgo: number | null = null) => ({
  id, lon: 121.5, lat: 31.25, status, source, category_code: category, grid_id: 1, case_no: `CG20261124-${String(id).padStart(6, '0')}`,
  reported_at: minutesAgo(reportedMinutesAgo), due_at: minutesAgo(-60), closed_at: closedMinutesAgo === null ? null : minutesAgo(closedMinutesAgo),
});

describe('the live ticker', () => {
  it('tells new reports, camera alarms and closures from the last 15 minutes, and marks e-bike shed fire risks urgent', () => {
    const items = tickerItems(toCaseColumns([
      row(1, 'reported', 'resident_qr', 'E-0501', 2),
      row(2, 'reported', 'ai_camera', 'E-0411', 1),
      row(3, 'closed', 'inspector_patrol', 'E-0203', 300, 5),
      row(4, 'reported', 'resident_qr', 'E-0501', 40),
      row(5, 'closed', 'resident_qr', 'E-0501', 300, 40),
      row(6, 'rejected', 'resident_qr', 'E-0501', 3),
    ]), NOW);
    expect(items.map((i) => [i.caseId, i.kind, i.urgent])).toEqual([[1, 'report', false], [2, 'alarm', true], [3, 'closure', false]]);
    expect(items[1]).toMatchObject({ caseNo: 'CG20261124-000002', categoryCode: 'E-0411', lon: 121.5, lat: 31.25 });
  });

  it('keeps the newest first, each event once, and no more than its length', () => {
    const many = tickerItems(toCaseColumns(Array.from({ length: 20 }, (_, i) => row(i + 1, 'reported', 'resident_qr', 'E-0501', i % 14))), NOW);
    const merged = mergeTicker(mergeTicker([], many), many);
    expect(merged).toHaveLength(TICKER_LENGTH);
    expect(new Set(merged.map((i) => i.key)).size).toBe(TICKER_LENGTH);
    expect(merged.every((item, i) => i === 0 || merged[i - 1].at >= item.at)).toBe(true);
  });
});
