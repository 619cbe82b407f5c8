import type { ChangeEvent } from '../data/types';

/** Whether a change event is about the case with this id (a statement's event may name many). */
export function concernsCase(event: ChangeEvent, caseId: number): boolean {
  if (event.table !== 'cases') return false;
  return event.row_id === caseId || (event.row_ids?.includes(caseId) ?? false);
}
