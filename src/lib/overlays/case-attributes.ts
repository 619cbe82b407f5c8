import type { CasePatch } from '../data/case-columns';
import { CASE_SOURCES, CASE_STATUSES, isOpen, type CaseColumns } from '../data/types';
import type { CaseFilters } from '../view/view-state.svelte';
import { CASE_STATUS_COLOURS, type Rgba } from '../theme/theme';

const HOUR_MS = 3_600_000;
const STATUS_RGBA = CASE_STATUSES.map((s) => CASE_STATUS_COLOURS[s]);
export const OVERDUE_RING: Rgba = [220, 38, 38, 255];
const PLAIN_RING: Rgba = [255, 255, 255, 160];

export const isOverdue = (c: CaseColumns, i: number, now: number) => isOpen(c.statuses[i]) && c.dueAt[i] < now;

/** Per-case GPU attributes: colour by status, size by age (overdue larger, with a red ring), sized to the columns' capacity. */
export interface CaseAttributes {
  fillColors: Uint8Array;
  lineColors: Uint8Array;
  radii: Float32Array;
  /** Hours between `baseMs` and the report; float32-safe unlike epoch milliseconds. */
  reportedHours: Float32Array;
  baseMs: number;
  categoryTriples: Float32Array;
}

export function caseAttributes(c: CaseColumns, now: number): CaseAttributes {
  const n = c.capacity;
  const a: CaseAttributes = {
    fillColors: new Uint8Array(n * 4),
    lineColors: new Uint8Array(n * 4),
    radii: new Float32Array(n),
    reportedHours: new Float32Array(n),
    baseMs: now,
    categoryTriples: new Float32Array(n * 3),
  };
  for (let i = 0; i < c.length; i++) writeCaseAttributes(a, c, i);
  return a;
}

/** Recomputes row `i` of the attributes from the columns. */
export function writeCaseAttributes(a: CaseAttributes, c: CaseColumns, i: number) {
  const now = a.baseMs;
  const overdue = isOverdue(c, i, now);
  const ageHours = (now - c.reportedAt[i]) / HOUR_MS;
  a.fillColors.set(STATUS_RGBA[c.statuses[i]], i * 4);
  a.lineColors.set(overdue ? OVERDUE_RING : PLAIN_RING, i * 4);
  a.radii[i] = isOpen(c.statuses[i]) ? (3 + Math.min(Math.sqrt(Math.max(ageHours, 0)) / 2, 4)) * (overdue ? 1.3 : 1) : 2.5;
  a.reportedHours[i] = -ageHours;
  a.categoryTriples[i * 3] = c.statuses[i];
  a.categoryTriples[i * 3 + 1] = c.categories[i];
  a.categoryTriples[i * 3 + 2] = c.sources[i];
}

/** A replay shows the reports of the day before its moment, whatever they became since. */
export const REPLAY_WINDOW_HOURS = 24;

/** The DataFilterExtension props that show exactly the cases `caseMatcher` accepts (overdue-only aside); times are hours from `baseMs`. */
export function caseFilterProps(c: CaseColumns, filters: CaseFilters, baseMs: number) {
  const all = (n: number) => Array.from({ length: n }, (_, i) => i);
  const categories = filters.categories.length
    ? filters.categories.map((code) => c.categoryCodes.indexOf(code)).filter((i) => i >= 0)
    : all(Math.max(c.categoryCodes.length, 1));
  const replayHours = filters.replayAt == null ? null : (filters.replayAt - baseMs) / HOUR_MS;
  return {
    filterRange: (replayHours == null ? [-filters.sinceDays * 24, 1e6] : [replayHours - REPLAY_WINDOW_HOURS, replayHours]) as [number, number],
    filterCategories: [
      replayHours == null ? filters.statuses.map((s) => CASE_STATUSES.indexOf(s)) : all(CASE_STATUSES.length),
      categories.length ? categories : [-1],
      filters.sources.length ? filters.sources.map((s) => CASE_SOURCES.indexOf(s)) : all(CASE_SOURCES.length),
    ],
  };
}

/** Whether case `i` passes the filters, on the CPU: the same rule as the GPU filter. */
export function caseMatcher(c: CaseColumns, filters: CaseFilters, now: number): (i: number) => boolean {
  const { filterRange, filterCategories } = caseFilterProps(c, filters, now);
  const [statuses, categories, sources] = filterCategories.map((list) => new Set(list));
  const [oldestMs, newestMs] = filterRange.map((hours) => now + hours * HOUR_MS);
  return (i) =>
    c.reportedAt[i] >= oldestMs && c.reportedAt[i] <= newestMs && statuses.has(c.statuses[i]) && categories.has(c.categories[i]) && sources.has(c.sources[i]) &&
    (!filters.overdueOnly || isOverdue(c, i, now));
}

type Descriptor = { value: Uint8Array | Float32Array | Float64Array; size: number; normalized?: boolean };
type AttributeName = 'getPosition' | 'getFillColor' | 'getLineColor' | 'getRadius' | 'getFilterValue' | 'getFilterCategory';

/**
 * What deck.gl draws for the cases: the attributes, and deck.gl's `data`
 * whose per-attribute descriptors it compares by identity: a new descriptor
 * uploads that attribute again, an unchanged one is left on the GPU.
 */
export interface DrawnCases {
  minute: number;
  attributes: CaseAttributes;
  data: { length: number; attributes: Record<AttributeName, Descriptor> };
}

const MINUTE_MS = 60_000;

function descriptor(name: AttributeName, c: CaseColumns, a: CaseAttributes): Descriptor {
  const n = c.length;
  switch (name) {
    case 'getPosition': return { value: c.positions.subarray(0, n * 2), size: 2 };
    case 'getFillColor': return { value: a.fillColors.subarray(0, n * 4), size: 4, normalized: true };
    case 'getLineColor': return { value: a.lineColors.subarray(0, n * 4), size: 4, normalized: true };
    case 'getRadius': return { value: a.radii.subarray(0, n), size: 1 };
    case 'getFilterValue': return { value: a.reportedHours.subarray(0, n), size: 1 };
    case 'getFilterCategory': return { value: a.categoryTriples.subarray(0, n * 3), size: 3 };
  }
}

const ALL: AttributeName[] = ['getPosition', 'getFillColor', 'getLineColor', 'getRadius', 'getFilterValue', 'getFilterCategory'];
/** What a status change alters; position and report time stay. */
const STATUS_DEPENDENT: AttributeName[] = ['getFillColor', 'getLineColor', 'getRadius', 'getFilterCategory'];

function withDescriptors(c: CaseColumns, a: CaseAttributes, minute: number, names: AttributeName[], old?: DrawnCases): DrawnCases {
  const attributes = { ...old?.data.attributes } as Record<AttributeName, Descriptor>;
  for (const name of names) attributes[name] = descriptor(name, c, a);
  return { minute, attributes: a, data: { length: c.length, attributes } };
}

/** Every attribute computed afresh: on load, and once a minute (ages and overdue move with time). */
export function drawCases(c: CaseColumns, now: number): DrawnCases {
  const minute = Math.floor(now / MINUTE_MS);
  return withDescriptors(c, caseAttributes(c, minute * MINUTE_MS), minute, ALL);
}

/** The drawing as of `now`: the same one within its minute, drawn afresh once a minute has passed. */
export function drawingAt(drawn: DrawnCases, c: CaseColumns, now: number): DrawnCases {
  return Math.floor(now / MINUTE_MS) === drawn.minute ? drawn : drawCases(c, now);
}

/** The drawing after a patch: only the patched rows recomputed and only the attributes they change uploaded again. */
export function redrawPatched(drawn: DrawnCases, patch: CasePatch): DrawnCases {
  const c = patch.columns;
  if (patch.reordered || c.capacity * 4 !== drawn.attributes.fillColors.length) return drawCases(c, drawn.minute * MINUTE_MS);
  for (const i of patch.rows) writeCaseAttributes(drawn.attributes, c, i);
  const names = patch.moved || c.length !== drawn.data.length ? ALL : STATUS_DEPENDENT;
  return withDescriptors(c, drawn.attributes, drawn.minute, names, drawn);
}
