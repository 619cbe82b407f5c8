/**
 * Runs `task` soon after it is asked for, never twice at once: a burst of
 * asks is one run. Runs start at least `intervalMs` apart, and further apart
 * when the task is slow: after a run of d ms the next waits until d / `share`
 * has passed since it started, so a heavy aggregate read takes at most
 * `share` of the database's time, and the writes and re-reads of a burst of
 * changes are not left queueing behind it. Never longer than `longestMs`,
 * so what it shows is never more than that behind.
 */
export function throttled(task: () => unknown, intervalMs: number, share = 0.1, longestMs = 20_000): { ask(): void; stop(): void } {
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let askedWhileRunning = false;
  let stopped = false;
  let nextAllowedAt = -Infinity;

  async function run() {
    scheduled = null;
    running = true;
    const startedAt = performance.now();
    try {
      await task();
    } finally {
      const took = performance.now() - startedAt;
      nextAllowedAt = startedAt + Math.max(intervalMs, Math.min(took / share, longestMs));
      running = false;
      if (askedWhileRunning) {
        askedWhileRunning = false;
        ask();
      }
    }
  }

  function ask() {
    if (stopped || scheduled) return;
    if (running) {
      askedWhileRunning = true;
      return;
    }
    scheduled = setTimeout(run, Math.max(0, nextAllowedAt - performance.now()));
  }

  return {
    ask,
    stop() {
      stopped = true;
      if (scheduled) clearTimeout(scheduled);
      scheduled = null;
    },
  };
}
