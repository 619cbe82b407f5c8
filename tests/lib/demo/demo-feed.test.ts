import { describe, expect, it } from 'vitest';
import { DemoFeed, type TickResult } from '../../../src/lib/demo/demo-feed';
import type { FeedFunction, FeedPort } from '../../../src/lib/demo/feed-port';
import type { Row } from '../../../src/lib/data/rpc';

const LOTS: Row[] = [
  { id: 1, kind: 'public', capacity: 100, free_spaces: 90, lon: 121.51, lat: 31.25 },
  { id: 2, kind: 'residential', capacity: 50, free_spaces: 5, lon: 121.52, lat: 31.26 },
];

/** A database stand-in that records each call and answers like the real functions. */
function recordingPort(refuse: FeedFunction[] = []) {
  const calls: { name: FeedFunction; args: Record<string, unknown> }[] = [];
  const port: FeedPort = {
    async call(name, args) {
      calls.push({ name, args });
      if (refuse.includes(name)) throw new Error(`${name} refused`);
      if (name === 'parking_in_bbox') return LOTS;
      if (name === 'volunteer_posts_in_bbox') return [{ id: 7, on_duty: 0, planned: 2, shift_start: '00:00:00', shift_end: '23:59:00' }];
      if (name === 'list_case_categories') return [{ code: 'E-0105', name_zh: '垃圾', name_en: 'Garbage' }];
      if (name === 'check_in_volunteers') return [{ post_id: 7, on_duty: 1, planned: 2 }];
      return [];
    },
    activeCameras: async () => ['CAM-KJR-01'],
  };
  return { port, calls };
}

const FAST = { seed: 1, speed: 3600, tickMs: 1, reportChance: 1, alarmChance: 1, checkInChance: 1 };

describe('demo feed', () => {
  it('writes through the feed functions only, with their named arguments', async () => {
    const { port, calls } = recordingPort();
    const result = await new DemoFeed(port, FAST).tick();
    expect(result).toMatchObject({ reports: 1, alarms: 1, failures: [] });
    const writes = calls.filter((c) => !['parking_in_bbox', 'volunteer_posts_in_bbox', 'list_case_categories'].includes(c.name));
    expect(writes.find((c) => c.name === 'report_case')?.args).toMatchObject({ p_category_code: 'E-0105', p_source: 'resident_qr' });
    expect(writes.find((c) => c.name === 'ingest_camera_alarm')?.args).toMatchObject({ p_camera_code: 'CAM-KJR-01' });
    expect(writes.find((c) => c.name === 'check_in_volunteers')?.args).toEqual({ p_post_id: 7, p_change: 1 });
    for (const reading of writes.filter((c) => c.name === 'record_parking_reading')) {
      expect(reading.args.p_observed_at, 'dated by the database clock').toBeNull();
    }
  });

  it('writes the same things from the same seed', async () => {
    const run = async () => {
      const { port, calls } = recordingPort();
      const feed = new DemoFeed(port, { ...FAST, startAt: 0, now: () => 0 });
      for (let i = 0; i < 5; i++) await feed.tick();
      return calls;
    };
    expect(await run()).toEqual(await run());
  });

  it('reports what the database refused and carries on, reading the lots again', async () => {
    const { port, calls } = recordingPort(['report_case']);
    const feed = new DemoFeed(port, FAST);
    expect((await feed.tick()).failures).toEqual(['resident report: report_case refused']);
    await feed.tick();
    expect(calls.filter((c) => c.name === 'parking_in_bbox')).toHaveLength(2);
  });

  it('runs until stopped, and a stop during a tick ends the loop', async () => {
    const { port } = recordingPort();
    const ticks: TickResult[] = [];
    const feed = new DemoFeed(port, { ...FAST, onTick: (r) => ticks.push(r) });
    feed.start();
    expect(feed.running).toBe(true);
    await expect.poll(() => ticks.length).toBeGreaterThan(2);
    feed.stop();
    expect(feed.running).toBe(false);
    const stoppedAt = ticks.length;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ticks.length - stoppedAt).toBeLessThanOrEqual(1);
  });

  it('refuses a speed it cannot play', () => {
    const { port } = recordingPort();
    expect(() => new DemoFeed(port, { speed: 0 })).toThrow(RangeError);
    expect(() => new DemoFeed(port).start({ speed: Number.NaN })).toThrow(/speed/);
  });
});
