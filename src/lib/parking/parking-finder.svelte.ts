import { DataError, errorMessage } from '../data/rpc';
import type { CitygridData, NearbyParkingLot, ParkingReading } from '../data/types';
import type { StringKey } from '../i18n/strings';

/** Where the list is measured from, and how it was chosen. */
export interface Origin {
  lon: number;
  lat: number;
  from: 'me' | 'map' | 'place';
  /** The place's name, when chosen by search. */
  name?: { zh: string; en: string };
}

/** A problem to show: a message of ours, or the data source's own words. */
export type Problem = { key: StringKey } | { key: 'parkingReadFailed'; reason: string };

export const LIST_LENGTH = 10;
/** Ages and opening hours move with the clock: the listed lots are re-read this often. */
const REFRESH_MS = 60_000;

/**
 * The nearest lots with free spaces from a chosen point, their readings of
 * the last day, kept live: a lot that changes is re-read by id, with its
 * readings, so its number moves in place; a lot that fills stays listed as full.
 */
export class ParkingFinder {
  origin = $state.raw<Origin | null>(null);
  lots = $state.raw<NearbyParkingLot[]>([]);
  readings = $state.raw<ReadonlyMap<number, ParkingReading[]>>(new Map());
  /** Device time when the lots were read: their age grows from there, whatever the device clock says. */
  readAt = $state(0);
  loading = $state(false);
  problem = $state.raw<Problem | null>(null);
  selectedId = $state<number | null>(null);
  #asked = 0;

  constructor(private readonly data: CitygridData) {}

  async findFrom(origin: Origin) {
    const asked = ++this.#asked;
    // The last point's lots go at once: listed under the new point, they would mislead.
    this.origin = origin;
    this.#show([]);
    this.selectedId = null;
    this.loading = true;
    this.problem = null;
    try {
      const lots = await this.data.nearestParking(origin.lon, origin.lat, 1, LIST_LENGTH);
      if (asked !== this.#asked) return;
      this.#show(lots);
      this.readings = await this.#readingsOf(lots.map((l) => l.id));
    } catch (error) {
      if (asked === this.#asked) this.problem = problemOf(error);
    } finally {
      if (asked === this.#asked) this.loading = false;
    }
  }

  /** Follows the lots' change events and the clock; returns the stop function. */
  start(): () => void {
    const unsubscribe = this.data.subscribe((event) => {
      if (event.table !== 'parking_lots') return;
      const changed = event.row_ids ?? [event.row_id];
      const listed = changed.filter((id) => this.lots.some((l) => l.id === id));
      if (listed.length) void this.#reread(listed, true);
    });
    const timer = setInterval(() => void this.#reread(this.lots.map((l) => l.id), false), REFRESH_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }

  async #reread(ids: number[], withReadings: boolean) {
    const origin = this.origin;
    if (!origin || ids.length === 0) return;
    try {
      const [fresh, readings] = await Promise.all([
        this.data.parkingSeenFrom(origin.lon, origin.lat, ids),
        withReadings ? this.#readingsOf(ids) : null,
      ]);
      if (origin !== this.origin) return;
      const byId = new Map(fresh.map((l) => [l.id, l]));
      this.#show(this.lots.map((l) => byId.get(l.id) ?? l));
      if (readings) this.readings = new Map([...this.readings, ...readings]);
    } catch (error) {
      // A missed refresh leaves the last numbers, aged: the next event or minute tries again.
      console.warn('citygrid: parking refresh failed', error);
    }
  }

  #show(lots: NearbyParkingLot[]) {
    this.lots = lots;
    this.readAt = Date.now();
  }

  async #readingsOf(ids: number[]): Promise<Map<number, ParkingReading[]>> {
    const byLot = new Map<number, ParkingReading[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byLot;
    for (const reading of await this.data.parkingHistory(ids)) byLot.get(reading.lotId)?.push(reading);
    return byLot;
  }
}

function problemOf(error: unknown): Problem {
  if (error instanceof DataError && /outside the service area/.test(error.message)) return { key: 'parkingOutsideArea' };
  return { key: 'parkingReadFailed', reason: errorMessage(error) };
}

/** What a failed `getCurrentPosition` means to the person asking. */
export function geolocationProblem(error: GeolocationPositionError | null): Problem {
  if (!error) return { key: 'parkingGeoUnsupported' };
  if (error.code === error.PERMISSION_DENIED) return { key: 'parkingGeoDenied' };
  if (error.code === error.TIMEOUT) return { key: 'parkingGeoTimeout' };
  return { key: 'parkingGeoUnavailable' };
}
