import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '@tds/contracts';
import { newerReport } from './api';

const r = (version: number, status: ReportDetail['status'], id = 'r1') => ({ id, version, status }) as ReportDetail;

describe('newerReport', () => {
  it('keeps the submitted report when a refetch that left before the submit answers with the returned one', () => {
    expect(newerReport(r(6, 'submitted'), r(5, 'returned'))).toMatchObject({ version: 6, status: 'submitted' });
  });
  it('takes the server copy when it is as new or newer, or when nothing is held', () => {
    expect(newerReport(r(6, 'submitted'), r(7, 'accepted')).version).toBe(7);
    expect(newerReport(r(6, 'submitted'), r(6, 'submitted'))).toEqual(r(6, 'submitted'));
    expect(newerReport(undefined, r(1, 'draft')).version).toBe(1);
    expect(newerReport(r(9, 'draft', 'other'), r(1, 'draft')).id).toBe('r1');
  });
});
