/** Runs `task` soon after it is asked for, at most once per `intervalMs`: a burst of asks is one run. */
export function throttled(task: () => void, intervalMs: number): { ask(): void; stop(): void } {
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  let lastRunAt = -Infinity;
  return {
    ask() {
      if (scheduled) return;
      scheduled = setTimeout(() => {
        scheduled = null;
        lastRunAt = performance.now();
        task();
      }, Math.max(0, lastRunAt + intervalMs - performance.now()));
    },
    stop() {
      if (scheduled) clearTimeout(scheduled);
      scheduled = null;
    },
  };
}
