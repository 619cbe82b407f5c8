import { errorMessage } from '../data/rpc';
import type { CitygridData, WallArea, WallGrid, WallKpis } from '../data/types';
import { throttled } from '../live/throttled';
import type { WallOptions } from './wall-options';

/** Overdue counts move with the clock even without changes: read again at least this often. */
const REREAD_MS = 60_000;
/** A burst of changes is one read, at most this often. */
const CHANGE_READ_MS = 5_000;

/**
 * What the wall reads besides the map's layers: its sub-districts, the KPIs
 * and the case density by grid. A failed read keeps the last values (the
 * wall marks them stale); the source's return reads everything again.
 */
export class WallFeed {
  areas = $state.raw<WallArea[]>([]);
  kpis = $state.raw<WallKpis | null>(null);
  grids = $state.raw<WallGrid[]>([]);
  /** When the KPIs were last read successfully (epoch ms), 0 before. */
  readAt = $state(0);
  error = $state<string | null>(null);
  #reader = throttled(() => void this.read(), CHANGE_READ_MS);

  constructor(
    private readonly data: CitygridData,
    private readonly options: WallOptions,
  ) {}

  start(): () => void {
    const timer = setInterval(() => this.#reader.ask(), REREAD_MS);
    const stopResync = this.data.connection.onResync(() => void this.read());
    void this.read();
    return () => {
      clearInterval(timer);
      stopResync();
      this.#reader.stop();
    };
  }

  /** Asks for a read soon (the cases changed). */
  changed() {
    this.#reader.ask();
  }

  async read() {
    const { areas, target } = this.options;
    try {
      const [kpis, grids, found] = await Promise.all([
        this.data.wallKpis(areas, target),
        this.data.wallGrids(areas),
        this.areas.length ? Promise.resolve(this.areas) : this.data.wallAreas(areas),
      ]);
      [this.kpis, this.grids, this.areas, this.readAt, this.error] = [kpis, grids, found, Date.now(), null];
    } catch (e) {
      this.error = errorMessage(e);
    }
  }
}
