import { epochMs, num } from './values';
import type { Row } from './rpc';
import { CASE_SOURCES, CASE_STATUSES, type CaseColumns, type CaseSource, type CaseStatus } from './types';

function emptyColumns(n: number, categoryCodes: string[]): CaseColumns {
  return {
    length: n,
    ids: new Int32Array(n),
    positions: new Float64Array(n * 2),
    statuses: new Uint8Array(n),
    sources: new Uint8Array(n),
    categories: new Uint16Array(n),
    gridIds: new Int32Array(n),
    reportedAt: new Float64Array(n),
    dueAt: new Float64Array(n),
    closedAt: new Float64Array(n),
    caseNos: new Array<string>(n),
    categoryCodes,
    capped: false,
  };
}

/** Packs case rows into typed columns; category codes become small integer indexes. */
export function toCaseColumns(rows: Row[], categoryCodes: string[] = []): CaseColumns {
  const codes = [...categoryCodes];
  const codeIndex = new Map(codes.map((code, i) => [code, i]));
  const c = emptyColumns(rows.length, codes);
  rows.forEach((row, i) => {
    const code = row.category_code as string;
    if (!codeIndex.has(code)) codeIndex.set(code, codes.push(code) - 1);
    c.ids[i] = num(row.id);
    c.positions[2 * i] = num(row.lon);
    c.positions[2 * i + 1] = num(row.lat);
    c.statuses[i] = CASE_STATUSES.indexOf(row.status as CaseStatus);
    c.sources[i] = CASE_SOURCES.indexOf(row.source as CaseSource);
    c.categories[i] = codeIndex.get(code)!;
    c.gridIds[i] = row.grid_id == null ? -1 : num(row.grid_id);
    c.reportedAt[i] = epochMs(row.reported_at);
    c.dueAt[i] = epochMs(row.due_at);
    c.closedAt[i] = epochMs(row.closed_at);
    c.caseNos[i] = row.case_no as string;
  });
  return c;
}

function copyRow(from: CaseColumns, i: number, to: CaseColumns, j: number, categoryOf: (k: number) => number) {
  to.ids[j] = from.ids[i];
  to.positions[2 * j] = from.positions[2 * i];
  to.positions[2 * j + 1] = from.positions[2 * i + 1];
  to.statuses[j] = from.statuses[i];
  to.sources[j] = from.sources[i];
  to.categories[j] = categoryOf(from.categories[i]);
  to.gridIds[j] = from.gridIds[i];
  to.reportedAt[j] = from.reportedAt[i];
  to.dueAt[j] = from.dueAt[i];
  to.closedAt[j] = from.closedAt[i];
  to.caseNos[j] = from.caseNos[i];
}

/**
 * New columns where the cases of `ids` are replaced by `fresh` (re-read rows),
 * in place where they were, appended where new, removed where `fresh` lacks them.
 */
export function mergeCaseColumns(old: CaseColumns, ids: Iterable<number>, fresh: CaseColumns): CaseColumns {
  const codes = [...old.categoryCodes];
  const codeIndex = new Map(codes.map((code, i) => [code, i]));
  const freshCategory = (k: number) => {
    const code = fresh.categoryCodes[k];
    if (!codeIndex.has(code)) codeIndex.set(code, codes.push(code) - 1);
    return codeIndex.get(code)!;
  };
  const freshAt = new Map<number, number>();
  for (let k = 0; k < fresh.length; k++) freshAt.set(fresh.ids[k], k);
  const touched = new Set(ids);
  const oldIds = new Set(old.ids);
  let n = 0;
  for (let i = 0; i < old.length; i++) if (!touched.has(old.ids[i]) || freshAt.has(old.ids[i])) n++;
  for (const id of freshAt.keys()) if (!oldIds.has(id)) n++;
  const merged = emptyColumns(n, codes);
  merged.capped = old.capped;
  let j = 0;
  for (let i = 0; i < old.length; i++) {
    const id = old.ids[i];
    if (freshAt.has(id)) copyRow(fresh, freshAt.get(id)!, merged, j++, freshCategory);
    else if (!touched.has(id)) copyRow(old, i, merged, j++, (k) => k);
  }
  for (const [id, k] of freshAt) if (!oldIds.has(id)) copyRow(fresh, k, merged, j++, freshCategory);
  return merged;
}
