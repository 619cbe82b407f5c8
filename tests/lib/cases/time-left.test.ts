import { describe, expect, it } from 'vitest';
import { shanghaiTime, span, timeLeft } from '../../../src/lib/cases/time-left';

const MIN = 60_000;

describe('time left on a case', () => {
  it('says a span in its two largest units', () => {
    expect(span(0, 'en')).toBe('0 min');
    expect(span(59 * MIN, 'en')).toBe('59 min');
    expect(span(200 * MIN, 'en')).toBe('3 h 20 min');
    expect(span(180 * MIN, 'zh')).toBe('3 小时');
    expect(span((2 * 1440 + 185) * MIN, 'zh')).toBe('2 天 3 小时');
  });

  it('tells time left from time overdue, in both languages', () => {
    const now = Date.parse('2026-11-24T08:00:00Z');
    expect(timeLeft(now + 90 * MIN, now, 'en')).toEqual({ overdue: false, text: '1 h 30 min left' });
    expect(timeLeft(now - 90 * MIN, now, 'zh')).toEqual({ overdue: true, text: '超时 1 小时 30 分' });
    expect(timeLeft(now, now, 'zh')).toEqual({ overdue: false, text: '剩余 0 分' });
  });

  it('shows times in Shanghai whatever the device zone', () => {
    expect(shanghaiTime(Date.parse('2026-11-24T16:30:00Z'), 'en')).toBe('25/11/2026, 00:30');
  });
});
