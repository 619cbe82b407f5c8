import { DataError, ERROR_CODES, errorMessage } from '../data/rpc';
import type { StringKey } from '../i18n/strings';

/** What to tell a resident whose report the database refused: the common refusals in plain words, the rest as said. */
export function reportProblem(error: unknown): { key: StringKey; reason: string } {
  const reason = errorMessage(error);
  if (/outside the service area/.test(reason)) return { key: 'reportOutsideArea', reason };
  if (error instanceof DataError && error.code === ERROR_CODES.rateLimited) return { key: 'reportTooMany', reason };
  return { key: 'reportFailed', reason };
}
