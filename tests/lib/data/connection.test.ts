import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ConnectionMonitor, type ConnectionState } from '../../../src/lib/data/connection';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function monitor(probe: () => Promise<unknown>) {
  const m = new ConnectionMonitor({ firstDelayMs: 1000, maxDelayMs: 8000, offlineAfter: 3 }, () => Date.parse('2026-11-23T06:05:00Z'));
  m.setProbe(probe);
  const states: ConnectionState[] = [];
  m.subscribe((s) => states.push(s));
  return { m, states };
}

it('reconnects with growing delays, turns offline after the set attempts, and resyncs when back', async () => {
  let up = false;
  const probe = vi.fn(async () => {
    if (!up) throw new Error('Failed to fetch');
  });
  const { m, states } = monitor(probe);
  const resyncs = vi.fn();
  m.onResync(resyncs);
  m.succeeded();
  m.failed(new TypeError('Failed to fetch'));
  expect(m.state).toMatchObject({ status: 'reconnecting', attempt: 0, since: Date.parse('2026-11-23T06:05:00Z'), error: 'Failed to fetch' });
  await vi.advanceTimersByTimeAsync(1200);
  expect(m.state).toMatchObject({ status: 'reconnecting', attempt: 1 });
  await vi.advanceTimersByTimeAsync(2400);
  expect(m.state).toMatchObject({ status: 'reconnecting', attempt: 2 });
  await vi.advanceTimersByTimeAsync(4800);
  expect(m.state).toMatchObject({ status: 'offline', attempt: 3 });
  expect(probe).toHaveBeenCalledTimes(3);
  up = true;
  await vi.advanceTimersByTimeAsync(9600);
  expect(m.state).toEqual({ status: 'live', attempt: 0, since: null, error: null });
  expect(resyncs).toHaveBeenCalledTimes(1);
  expect(states.map((s) => s.status)).toEqual(['connecting', 'live', 'reconnecting', 'reconnecting', 'reconnecting', 'offline', 'live']);
});

it('retries at once when asked, and keeps the delay capped with jitter', async () => {
  const probe = vi.fn(async () => {});
  const { m } = monitor(probe);
  m.failed(new Error('down'));
  m.retryNow();
  await vi.advanceTimersByTimeAsync(0);
  expect(probe).toHaveBeenCalledTimes(1);
  expect(m.state.status).toBe('live');
  expect(m.delayMs(10, () => 0)).toBe(6400);
  expect(m.delayMs(10, () => 1)).toBe(9600);
  expect(m.delayMs(0, () => 0.5)).toBe(1000);
});

it('goes offline at once when the browser says so', () => {
  const { m } = monitor(async () => Promise.reject(new Error('x')));
  m.succeeded();
  m.wentOffline();
  expect(m.state).toMatchObject({ status: 'offline', since: Date.parse('2026-11-23T06:05:00Z') });
  m.stop();
});
