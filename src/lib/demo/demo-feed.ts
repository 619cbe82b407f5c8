import { errorMessage } from '../data/rpc';
import { num } from '../data/values';
import { seededRandom, type SeededRandom } from '../geo/seeded-random';
import type { FeedPort } from './feed-port';
import { checkedSpeed } from './feed-speed';
import { nextFreeSpaces, shanghaiHour, volunteerMove, type LotState, type PostState } from './occupancy';

export interface DemoFeedOptions {
  /** Simulated seconds per real second: 60 plays an hour of the day in a minute. */
  speed?: number;
  /** Real milliseconds between ticks. */
  tickMs?: number;
  /** Seeds every random choice, so a run can be replayed. */
  seed?: number;
  /** Parking sensors that report each tick (in turn, like sensors on a cycle). */
  lotsPerTick?: number;
  /** Chance per tick of a resident's report, and of an AI-camera alarm. */
  reportChance?: number;
  alarmChance?: number;
  /** Chance per tick that one volunteer checks in or out at a post short of or over its plan. */
  checkInChance?: number;
  /** The real time, epoch ms. */
  now?: () => number;
  /** Where the simulated day starts, epoch ms (now by default). */
  startAt?: number;
  /** Told what each tick wrote (and what the database refused). */
  onTick?: (result: TickResult) => void;
}

export interface TickResult {
  /** Shanghai hour of the simulated day the tick played. */
  hour: number;
  readings: number;
  reports: number;
  alarms: number;
  checkIns: number;
  /** What the database refused, one line each; the feed carries on. */
  failures: string[];
}

interface Lot extends LotState {
  id: number;
  lon: number;
  lat: number;
  /** Simulated time of the lot's last reading. */
  reportedAt: number;
}
interface Post extends PostState {
  id: number;
}
interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
}
interface World {
  lots: Lot[];
  posts: Post[];
  categories: Category[];
  cameras: string[];
}

/** The alarm kinds the camera platform sends (camera_alarm_kinds). */
const ALARM_KINDS = ['ebike_fire_risk', 'garbage_outside', 'thrown_object'] as const;

/**
 * A living demo: parking sensors following the time of day, residents'
 * reports, AI-camera alarms and volunteers checking in and out, all written
 * through the database functions every other writer uses.
 */
export class DemoFeed {
  #port: FeedPort;
  #random: SeededRandom;
  #now: () => number;
  #options: Required<Pick<DemoFeedOptions, 'tickMs' | 'lotsPerTick' | 'reportChance' | 'alarmChance' | 'checkInChance'>> & Pick<DemoFeedOptions, 'onTick'>;
  #speed: number;
  #simulatedAt: number;
  #world: Promise<World> | null = null;
  #cursor = 0;
  #generation = 0;
  #running = false;
  #wake: (() => void) | null = null;

  constructor(port: FeedPort, options: DemoFeedOptions = {}) {
    this.#port = port;
    this.#random = seededRandom(options.seed ?? Date.now());
    this.#now = options.now ?? Date.now;
    this.#speed = checkedSpeed(options.speed ?? 1);
    this.#simulatedAt = options.startAt ?? this.#now();
    this.#options = {
      tickMs: options.tickMs ?? 2000,
      lotsPerTick: options.lotsPerTick ?? 15,
      reportChance: options.reportChance ?? 0.05,
      alarmChance: options.alarmChance ?? 0.04,
      checkInChance: options.checkInChance ?? 0.3,
      onTick: options.onTick,
    };
  }

  get running(): boolean {
    return this.#running;
  }

  get speed(): number {
    return this.#speed;
  }

  /** Starts ticking (a running feed only takes the new speed). */
  start(options: { speed?: number } = {}) {
    if (options.speed !== undefined) this.#speed = checkedSpeed(options.speed);
    if (this.#running) return;
    this.#running = true;
    void this.#loop(++this.#generation);
  }

  stop() {
    this.#running = false;
    this.#generation++;
    this.#wake?.();
  }

  /** Plays one tick of simulated time and writes what happened in it. */
  async tick(): Promise<TickResult> {
    const world = await (this.#world ??= this.#load());
    this.#simulatedAt += this.#options.tickMs * this.#speed;
    const hour = shanghaiHour(this.#simulatedAt);
    const result: TickResult = { hour, readings: 0, reports: 0, alarms: 0, checkIns: 0, failures: [] };
    /** Whether the write happened; a refusal is noted and the tick goes on. */
    const attempt = async (what: string, write: () => Promise<unknown>) => {
      try {
        return (await write()) !== false;
      } catch (error) {
        result.failures.push(`${what}: ${errorMessage(error)}`);
        return false;
      }
    };
    for (const lot of this.#nextLots(world.lots)) {
      if (await attempt(`parking lot ${lot.id}`, () => this.#readSensor(lot, hour))) result.readings++;
    }
    for (const post of world.posts) {
      const change = volunteerMove(post, hour, this.#random, this.#options.checkInChance);
      if (change !== 0 && (await attempt(`volunteer post ${post.id}`, () => this.#checkIn(post, change)))) result.checkIns++;
    }
    if (this.#random.chance(this.#options.reportChance) && (await attempt('resident report', () => this.#report(world)))) result.reports++;
    if (world.cameras.length > 0 && this.#random.chance(this.#options.alarmChance) && (await attempt('camera alarm', () => this.#alarm(world)))) {
      result.alarms++;
    }
    // Someone else changed what the feed holds (a lot's capacity, a post's plan): read it again next tick.
    if (result.failures.length > 0) this.#world = null;
    return result;
  }

  async #loop(generation: number) {
    while (generation === this.#generation) {
      const began = this.#now();
      try {
        this.#options.onTick?.(await this.tick());
      } catch (error) {
        this.#world = null;
        this.#options.onTick?.({ hour: shanghaiHour(this.#simulatedAt), readings: 0, reports: 0, alarms: 0, checkIns: 0, failures: [errorMessage(error)] });
      }
      if (generation !== this.#generation) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, this.#options.tickMs - (this.#now() - began)));
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async #load(): Promise<World> {
    const [lots, posts, categories, cameras] = await Promise.all([
      this.#port.call('parking_in_bbox', {}),
      this.#port.call('volunteer_posts_in_bbox', {}),
      this.#port.call('list_case_categories', {}),
      this.#port.activeCameras(),
    ]);
    const shuffled = lots.map((r) => ({ r, order: this.#random.next() })).sort((a, b) => a.order - b.order);
    return {
      lots: shuffled.map(({ r }) => ({
        id: num(r.id),
        kind: r.kind as Lot['kind'],
        capacity: num(r.capacity),
        freeSpaces: num(r.free_spaces),
        lon: num(r.lon),
        lat: num(r.lat),
        reportedAt: this.#simulatedAt,
      })),
      posts: posts.map((r) => ({
        id: num(r.id),
        onDuty: num(r.on_duty),
        planned: num(r.planned),
        shiftStart: r.shift_start as string,
        shiftEnd: r.shift_end as string,
      })),
      categories: categories.map((r) => ({ code: r.code as string, nameZh: r.name_zh as string, nameEn: r.name_en as string })),
      cameras,
    };
  }

  /** The next lots in the cycle; every lot reports once a round. */
  #nextLots(lots: Lot[]): Lot[] {
    const count = Math.min(this.#options.lotsPerTick, lots.length);
    return Array.from({ length: count }, () => lots[this.#cursor++ % lots.length]);
  }

  /** A sensor reports only when its count changed (false when it did not). Dated by the database clock. */
  async #readSensor(lot: Lot, hour: number): Promise<boolean> {
    const minutes = (this.#simulatedAt - lot.reportedAt) / 60_000;
    lot.reportedAt = this.#simulatedAt;
    const free = nextFreeSpaces(lot, hour, minutes, this.#random);
    if (free === lot.freeSpaces) return false;
    await this.#port.call('record_parking_reading', { p_lot_id: lot.id, p_free_spaces: free, p_observed_at: null });
    lot.freeSpaces = free;
    return true;
  }

  async #checkIn(post: Post, change: number) {
    const [row] = await this.#port.call('check_in_volunteers', { p_post_id: post.id, p_change: change });
    post.onDuty = num(row.on_duty);
  }

  /** A resident scans the QR code near a car park and reports what they see. */
  async #report(world: World) {
    const lot = this.#random.pick(world.lots);
    const category = this.#random.pick(world.categories);
    await this.#port.call('report_case', {
      p_category_code: category.code,
      p_location: { type: 'Point', coordinates: [lot.lon, lot.lat] },
      p_description: `市民扫码反映：${category.nameZh}，请尽快处理。Reported by a resident: ${category.nameEn}, please deal with it.`,
      p_source: 'resident_qr',
    });
  }

  async #alarm(world: World) {
    await this.#port.call('ingest_camera_alarm', {
      p_camera_code: this.#random.pick(world.cameras),
      p_kind: this.#random.pick(ALARM_KINDS),
      p_at: new Date(this.#now()).toISOString(),
    });
  }
}
