import { afterEach, describe, expect, it } from 'vitest';
import { CASES_DRAWN, casesDrawnOrAfter, markCasesDrawn } from '../../../src/lib/app/cases-drawn';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return done;
};

describe('casesDrawnOrAfter', () => {
  afterEach(() => performance.clearMarks(CASES_DRAWN));

  it('waits for the first frame with cases, not for the grace', async () => {
    const drawn = casesDrawnOrAfter(60_000);
    expect(await settled(drawn)).toBe(false);
    markCasesDrawn({ count: 3, shown: 'seed' });
    expect(await settled(drawn)).toBe(true);
  });

  it('settles at once when cases were drawn before it was asked', async () => {
    markCasesDrawn({ count: 3, shown: 'cache' });
    expect(await settled(casesDrawnOrAfter(60_000))).toBe(true);
  });

  it('gives up waiting after the grace when nothing is drawn', async () => {
    const started = performance.now();
    await casesDrawnOrAfter(50);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(performance.getEntriesByName(CASES_DRAWN)).toHaveLength(0);
  });

  it('marks the first frame only', () => {
    markCasesDrawn({ count: 3, shown: 'seed' });
    markCasesDrawn({ count: 4, shown: null });
    const marks = performance.getEntriesByName(CASES_DRAWN) as PerformanceMark[];
    expect(marks.map((mark) => mark.detail)).toEqual([{ count: 3, shown: 'seed' }]);
  });
});
