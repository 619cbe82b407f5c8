import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from '../../../src/lib/live/throttled';

describe('a throttled task', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once for a burst of asks, then at most once per interval', () => {
    const task = vi.fn();
    const t = throttled(task, 1000);
    for (let i = 0; i < 5; i++) t.ask();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    t.ask();
    vi.advanceTimersByTime(999);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs nothing once stopped', () => {
    const task = vi.fn();
    const t = throttled(task, 1000);
    t.ask();
    t.stop();
    vi.advanceTimersByTime(5000);
    expect(task).not.toHaveBeenCalled();
  });
});
