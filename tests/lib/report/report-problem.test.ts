import { expect, it } from 'vitest';
import { DataError } from '../../../src/lib/data/rpc';
import { reportProblem } from '../../../src/lib/report/report-problem';

it('tells a resident in plain words that a spot is outside the service area', () => {
  const refusal = new DataError('location (121.1, 31.1) is outside the service area', '22023', 'report_case');
  expect(reportProblem(refusal)).toEqual({ key: 'reportOutsideArea', reason: refusal.message });
});

it('tells them to wait when reports from their device are limited', () => {
  const limited = new DataError('too many reports from this device', 'PT429', 'report_case', false, 'retry_after=600');
  expect(reportProblem(limited).key).toBe('reportTooMany');
});

it('passes any other refusal on as the database said it', () => {
  expect(reportProblem(new DataError("unknown case category 'X'", '22023', 'report_case'))).toEqual({ key: 'reportFailed', reason: "unknown case category 'X'" });
  expect(reportProblem(new Error('Failed to fetch'))).toEqual({ key: 'reportFailed', reason: 'Failed to fetch' });
});
