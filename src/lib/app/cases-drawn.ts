/** The mark the map sets on its first frame with cases in it; benchmarks time a visit to it. */
export const CASES_DRAWN = 'citygrid:cases-drawn';

export function markCasesDrawn(detail: { count: number; shown: string | null }) {
  if (!performance.getEntriesByName(CASES_DRAWN).length) performance.mark(CASES_DRAWN, { detail });
}

/**
 * Settles once the map has drawn cases, or after `graceMs` if it has not:
 * the embedded database waits for it, because on two cores its start slows
 * the first paint, and the grace keeps a failed paint from holding it back.
 */
export function casesDrawnOrAfter(graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(CASES_DRAWN).length) done();
    });
    const timer = setTimeout(done, graceMs);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe({ type: 'mark', buffered: true });
  });
}
