import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from '../../../src/lib/live/throttled';

describe('a throttled task', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once for a burst of asks, then at most once per interval', async () => {
    const task = vi.fn();
    const t = throttled(task, 1000);
    for (let i = 0; i < 5; i++) t.ask();
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(1);
    t.ask();
    await vi.advanceTimersByTimeAsync(999);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('never runs twice at once: asks during a run become one run after it', async () => {
    let finish = () => {};
    const task = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const t = throttled(task, 100);
    t.ask();
    await vi.advanceTimersByTimeAsync(0);
    t.ask();
    t.ask();
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(15_000); // a 5 s run waits no longer than 20 s from its start
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('spaces a slow task out so it takes at most its share of the time', async () => {
    const task = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 1000)));
    const t = throttled(task, 100, 0.25);
    t.ask();
    await vi.advanceTimersByTimeAsync(1000); // the run takes 1 s
    t.ask();
    await vi.advanceTimersByTimeAsync(2999); // 4 s after it started, not 100 ms
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('never waits longer than its longest wait, however slow the task', async () => {
    const task = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 4000)));
    const t = throttled(task, 100, 0.1, 10_000);
    t.ask();
    await vi.advanceTimersByTimeAsync(4000);
    t.ask();
    await vi.advanceTimersByTimeAsync(5999);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs nothing once stopped', async () => {
    const task = vi.fn();
    const t = throttled(task, 1000);
    t.ask();
    t.stop();
    await vi.advanceTimersByTimeAsync(5000);
    t.ask();
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).not.toHaveBeenCalled();
  });
});
