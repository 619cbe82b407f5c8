import { epochMs, num } from './values';
import type { Row } from './rpc';
import { CASE_SOURCES, CASE_STATUSES, isOpen, type CaseColumns, type CaseSource, type CaseStatus } from './types';

/** Bytes kept per case number: 'CG' + date + '-' + a counter that widens past a million a day. */
export const CASE_NO_WIDTH = 24;
const ascii = new TextDecoder('ascii');

type ColumnName = 'ids' | 'positions' | 'statuses' | 'sources' | 'categories' | 'gridIds' | 'reportedAt' | 'dueAt' | 'closedAt' | 'caseNoBytes';
/** Each typed column with the values it holds per case. */
export const COLUMN_WIDTHS: Record<ColumnName, number> = {
  ids: 1, positions: 2, statuses: 1, sources: 1, categories: 1, gridIds: 1, reportedAt: 1, dueAt: 1, closedAt: 1, caseNoBytes: CASE_NO_WIDTH,
};
export const COLUMN_NAMES = Object.keys(COLUMN_WIDTHS) as ColumnName[];

export function emptyCaseColumns(capacity: number, categoryCodes: string[] = []): CaseColumns {
  return {
    length: 0,
    capacity,
    ids: new Int32Array(capacity),
    positions: new Float64Array(capacity * 2),
    statuses: new Uint8Array(capacity),
    sources: new Uint8Array(capacity),
    categories: new Uint16Array(capacity),
    gridIds: new Int32Array(capacity),
    reportedAt: new Float64Array(capacity),
    dueAt: new Float64Array(capacity),
    closedAt: new Float64Array(capacity),
    caseNoBytes: new Uint8Array(capacity * CASE_NO_WIDTH),
    categoryCodes,
    capped: false,
  };
}

export function caseNo(c: CaseColumns, i: number): string {
  const bytes = c.caseNoBytes.subarray(i * CASE_NO_WIDTH, (i + 1) * CASE_NO_WIDTH);
  const end = bytes.indexOf(0);
  return ascii.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function setCaseNo(c: CaseColumns, i: number, value: string) {
  const at = i * CASE_NO_WIDTH;
  c.caseNoBytes.fill(0, at, at + CASE_NO_WIDTH);
  for (let k = 0; k < Math.min(value.length, CASE_NO_WIDTH); k++) c.caseNoBytes[at + k] = value.charCodeAt(k);
}

/** Row index of case `id`, or -(insertion point) - 1 when absent. */
export function indexOfCase(c: CaseColumns, id: number): number {
  let lo = 0;
  let hi = c.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = c.ids[mid];
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

function categoryIndex(c: CaseColumns, code: string): number {
  const i = c.categoryCodes.indexOf(code);
  return i >= 0 ? i : c.categoryCodes.push(code) - 1;
}

function writeRow(c: CaseColumns, i: number, row: Row) {
  c.ids[i] = num(row.id);
  c.positions[2 * i] = num(row.lon);
  c.positions[2 * i + 1] = num(row.lat);
  c.statuses[i] = CASE_STATUSES.indexOf(row.status as CaseStatus);
  c.sources[i] = CASE_SOURCES.indexOf(row.source as CaseSource);
  c.categories[i] = categoryIndex(c, row.category_code as string);
  c.gridIds[i] = row.grid_id == null ? -1 : num(row.grid_id);
  c.reportedAt[i] = epochMs(row.reported_at);
  c.dueAt[i] = epochMs(row.due_at);
  c.closedAt[i] = epochMs(row.closed_at);
  setCaseNo(c, i, row.case_no as string);
}

/** Copies case `k` of `from` into row `i` of `c`, translating its category index. */
function copyRow(c: CaseColumns, i: number, from: CaseColumns, k: number) {
  for (const name of COLUMN_NAMES) {
    const w = COLUMN_WIDTHS[name];
    (c[name] as Float64Array).set(from[name].subarray(k * w, (k + 1) * w) as Float64Array, i * w);
  }
  c.categories[i] = categoryIndex(c, from.categoryCodes[from.categories[k]]);
}

/** Packs case rows, in any order, into columns sorted by id; category codes become small integer indexes. */
export function toCaseColumns(rows: Row[], categoryCodes: string[] = []): CaseColumns {
  const sorted = [...rows].sort((a, b) => num(a.id) - num(b.id));
  const c = emptyCaseColumns(sorted.length, [...categoryCodes]);
  sorted.forEach((row, i) => writeRow(c, i, row));
  c.length = sorted.length;
  return c;
}

/** One set of columns from parts read in id order (pages), without per-row work. */
export function concatCaseColumns(parts: CaseColumns[], categoryCodes: string[] = []): CaseColumns {
  const c = emptyCaseColumns(parts.reduce((n, p) => n + p.length, 0), [...categoryCodes]);
  for (const part of parts) {
    const remap = part.categoryCodes.map((code) => categoryIndex(c, code));
    for (const name of COLUMN_NAMES) {
      const w = COLUMN_WIDTHS[name];
      (c[name] as Float64Array).set(part[name].subarray(0, part.length * w) as Float64Array, c.length * w);
    }
    for (let i = c.length; i < c.length + part.length; i++) c.categories[i] = remap[c.categories[i]];
    c.length += part.length;
  }
  return c;
}

/** The same columns with room for at least `capacity` cases (a new object; the old arrays are copied). */
function grown(c: CaseColumns, capacity: number): CaseColumns {
  const next = emptyCaseColumns(capacity, c.categoryCodes);
  for (const name of COLUMN_NAMES) (next[name] as Float64Array).set(c[name].subarray(0, c.length * COLUMN_WIDTHS[name]) as Float64Array);
  return { ...next, length: c.length, capped: c.capped };
}

/** Moves rows [from, length) by `by` rows (positive opens a gap, negative closes one). */
function shiftRows(c: CaseColumns, from: number, by: number) {
  for (const name of COLUMN_NAMES) {
    const w = COLUMN_WIDTHS[name];
    c[name].copyWithin((from + by) * w, from * w, c.length * w);
  }
  c.length += by;
}

export interface CasePatch {
  /** The columns after the patch: the same object, unless they had to grow. */
  columns: CaseColumns;
  /** Rows whose values were rewritten in place. */
  rows: number[];
  /** Rows were inserted or removed before the end, so every row index after them moved. */
  reordered: boolean;
  /** A rewritten row changed its position or report time (not only its status). */
  moved: boolean;
  /** Change in open cases per grid id. */
  openDelta: Map<number, number>;
  /** The patched cases that existed before, as they were: what an aggregate counts out before counting `rows` in. */
  before: CaseColumns;
}

function countOpen(delta: Map<number, number>, c: CaseColumns, i: number, sign: 1 | -1) {
  if (c.gridIds[i] >= 0 && isOpen(c.statuses[i])) delta.set(c.gridIds[i], (delta.get(c.gridIds[i]) ?? 0) + sign);
}

/**
 * Applies re-read cases in place: `fresh` holds the current rows of `ids`;
 * an id missing from `fresh` is gone (deleted, or no longer visible). New
 * cases (usually the newest ids) are appended; capacity doubles when full.
 */
export function patchCaseColumns(c: CaseColumns, ids: Iterable<number>, fresh: CaseColumns): CasePatch {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const before = emptyCaseColumns(sorted.length, c.categoryCodes);
  const patch: CasePatch = { columns: c, rows: [], reordered: false, moved: false, openDelta: new Map(), before };
  for (const id of sorted) {
    const at = indexOfCase(patch.columns, id);
    const k = indexOfCase(fresh, id);
    if (at >= 0) {
      countOpen(patch.openDelta, patch.columns, at, -1);
      copyRow(before, before.length++, patch.columns, at);
      if (k >= 0) rewrite(patch, at, fresh, k);
      else removeRow(patch, at);
    } else if (k >= 0) {
      insertRow(patch, -at - 1, fresh, k);
    }
  }
  return patch;
}

function rewrite(patch: CasePatch, at: number, fresh: CaseColumns, k: number) {
  const c = patch.columns;
  const before = [c.positions[2 * at], c.positions[2 * at + 1], c.reportedAt[at]];
  copyRow(c, at, fresh, k);
  patch.moved ||= before[0] !== c.positions[2 * at] || before[1] !== c.positions[2 * at + 1] || before[2] !== c.reportedAt[at];
  countOpen(patch.openDelta, patch.columns, at, 1);
  patch.rows.push(at);
}

function removeRow(patch: CasePatch, at: number) {
  shiftRows(patch.columns, at + 1, -1);
  patch.reordered = true;
}

function insertRow(patch: CasePatch, at: number, fresh: CaseColumns, k: number) {
  const c = patch.columns;
  if (c.length === c.capacity) patch.columns = grown(c, Math.max(16, c.capacity * 2));
  if (at < patch.columns.length) {
    shiftRows(patch.columns, at, 1);
    patch.reordered = true;
  } else {
    patch.columns.length++;
  }
  rewrite(patch, at, fresh, k);
}

/** Adds `ms` to every time column of rows [0, length): a snapshot brought to the present. */
export function shiftCaseTimes(c: CaseColumns, ms: number) {
  for (let i = 0; i < c.length; i++) {
    c.reportedAt[i] += ms;
    c.dueAt[i] += ms;
    c.closedAt[i] += ms;
  }
}
