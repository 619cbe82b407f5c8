import { COLUMN_NAMES, COLUMN_WIDTHS, emptyCaseColumns, shiftCaseTimes } from './case-columns';
import type { CaseCategory, CaseColumns, CitygridData, FireStation, Grid, GridLevel, ParkingLot, VolunteerPost } from './types';

/**
 * Everything the map draws, as of one moment, in one compact buffer: the
 * cases as their typed columns, the small layers as they are. The snapshot
 * build writes one beside the embedded database, the browser keeps the last
 * one it showed, and either paints the map before the database answers.
 */
export interface ViewSnapshot {
  /** 'seed' is built with the embedded database, 'cache' is what this browser last showed. */
  kind: 'seed' | 'cache';
  /** When the data was current, by the database's clock (epoch ms); cases changed after it are re-read. */
  asOf: number;
  /** When this browser saved it (epoch ms), for "cached since" on screen. */
  savedAt: number;
  categories: CaseCategory[];
  grids: Grid[];
  fireStations: FireStation[];
  parkingLots: ParkingLot[];
  volunteerPosts: VolunteerPost[];
  cases: CaseColumns;
}

type Header = Omit<ViewSnapshot, 'cases'> & {
  version: 1;
  cases: { length: number; categoryCodes: string[]; capped: boolean };
};

const VERSION = 1;
const ALIGN = 8;
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

export function encodeViewSnapshot(snapshot: ViewSnapshot): ArrayBuffer {
  const { cases, ...rest } = snapshot;
  const header: Header = { ...rest, version: VERSION, cases: { length: cases.length, categoryCodes: cases.categoryCodes, capped: cases.capped } };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const sizes = COLUMN_NAMES.map((name) => cases.length * COLUMN_WIDTHS[name] * cases[name].BYTES_PER_ELEMENT);
  const buffer = new ArrayBuffer(align(4 + headerBytes.length) + sizes.reduce((sum, n) => sum + align(n), 0));
  new DataView(buffer).setUint32(0, headerBytes.length, true);
  new Uint8Array(buffer, 4, headerBytes.length).set(headerBytes);
  let offset = align(4 + headerBytes.length);
  COLUMN_NAMES.forEach((name, i) => {
    new Uint8Array(buffer, offset, sizes[i]).set(new Uint8Array(cases[name].buffer, cases[name].byteOffset, sizes[i]));
    offset += align(sizes[i]);
  });
  return buffer;
}

/** Reads a snapshot; the case columns are copied into arrays with room to grow. */
export function decodeViewSnapshot(buffer: ArrayBuffer): ViewSnapshot {
  const headerLength = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headerLength))) as Header;
  if (header.version !== VERSION) throw new Error(`view snapshot version ${header.version}, expected ${VERSION}`);
  const { length, categoryCodes, capped } = header.cases;
  const cases = emptyCaseColumns(length, categoryCodes);
  let offset = align(4 + headerLength);
  for (const name of COLUMN_NAMES) {
    const size = length * COLUMN_WIDTHS[name] * cases[name].BYTES_PER_ELEMENT;
    new Uint8Array(cases[name].buffer).set(new Uint8Array(buffer, offset, size));
    offset += align(size);
  }
  cases.length = length;
  cases.capped = capped;
  return { ...header, cases };
}

/** Reads every layer through the data interface into a snapshot. */
export async function takeViewSnapshot(data: CitygridData, kind: ViewSnapshot['kind'], asOf: number): Promise<ViewSnapshot> {
  const levels: GridLevel[] = ['grid', 'micro_grid', 'meta_grid'];
  const categories = await data.categories();
  const [grids, fireStations, parkingLots, volunteerPosts, cases] = await Promise.all([
    Promise.all(levels.map((level) => data.grids(level))).then((byLevel) => byLevel.flat()),
    data.fireStations(),
    data.parkingLots(),
    data.volunteerPosts(),
    data.cases(),
  ]);
  return { kind, asOf, savedAt: Date.now(), categories, grids, fireStations, parkingLots, volunteerPosts, cases };
}

/** Moves every time in the snapshot by `ms`: the seed's demo data brought to the present, as the database does on first start. */
export function shiftViewSnapshot(snapshot: ViewSnapshot, ms: number): ViewSnapshot {
  shiftCaseTimes(snapshot.cases, ms);
  return {
    ...snapshot,
    asOf: snapshot.asOf + ms,
    parkingLots: snapshot.parkingLots.map((lot) => ({ ...lot, updatedAt: lot.updatedAt + ms })),
    volunteerPosts: snapshot.volunteerPosts.map((post) => ({ ...post, updatedAt: post.updatedAt + ms })),
  };
}

/**
 * The read side of the data interface answered from a snapshot, so each
 * overlay paints through its own load() before the database is up.
 */
export function snapshotReader(snapshot: ViewSnapshot): Pick<CitygridData, 'categories' | 'grids' | 'cases' | 'fireStations' | 'parkingLots' | 'volunteerPosts'> {
  return {
    categories: async () => snapshot.categories,
    grids: async (level) => snapshot.grids.filter((g) => g.level === level),
    cases: async () => snapshot.cases,
    fireStations: async () => snapshot.fireStations,
    parkingLots: async () => snapshot.parkingLots,
    volunteerPosts: async () => snapshot.volunteerPosts,
  };
}
