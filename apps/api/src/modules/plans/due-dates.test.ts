import { describe, expect, it } from 'vitest';
import { expandDeadline, lastOnTimeDay } from './due-dates';

const base = { what: 'Báo cáo', from: null, to: null, text: '', year: null };

describe('deadline rules (Asia/Ho_Chi_Minh)', () => {
  it('"trước ngày 05/11" is due by the end of 04/11; "chậm nhất" and "đến ngày" by the end of the day', () => {
    expect(lastOnTimeDay({ day: 5, month: 11, qualifier: 'before' }, 2025)).toBe('2025-11-04');
    expect(lastOnTimeDay({ day: 5, month: 11, qualifier: 'by' }, 2025)).toBe('2025-11-05');
    expect(lastOnTimeDay({ day: 1, month: 1, qualifier: 'before' }, 2026)).toBe('2025-12-31');
    expect(lastOnTimeDay({ day: null, month: 9, qualifier: 'in' }, 2025)).toBe('2025-09-30');
    expect(lastOnTimeDay({ day: 31, month: 2, qualifier: 'by' }, 2025)).toBeNull();
  });

  it('becomes late at midnight Vietnam time, 17:00 UTC the day before', () => {
    const [first] = expandDeadline({ ...base, day: 5, month: 12, recurrence: 'yearly', qualifier: 'before' }, 2025, 2025);
    expect(first).toEqual({ dueDate: '2025-12-04', lateAfter: '2025-12-04T17:00:00.000Z', year: 2025, period: null });
  });

  it('expands yearly deadlines over 2025-2030 and keeps once-only ones once', () => {
    const yearly = expandDeadline({ ...base, day: 15, month: 12, recurrence: 'yearly', qualifier: 'before' }, 2025, 2030);
    expect(yearly.map((d) => d.dueDate)).toEqual(['2025-12-14', '2026-12-14', '2027-12-14', '2028-12-14', '2029-12-14', '2030-12-14']);
    const once = expandDeadline({ ...base, day: 18, month: 7, year: 2025, recurrence: 'once', qualifier: 'before' }, 2025, 2030);
    expect(once.map((d) => d.dueDate)).toEqual(['2025-07-17']);
  });

  it('invents no date: an undated half-yearly or yearly deadline has no instance until the officer chooses its days', () => {
    const undated = { ...base, day: null, month: null, qualifier: 'in' as const };
    expect(expandDeadline({ ...undated, recurrence: 'half-yearly' }, 2026, 2026)).toEqual([]);
    expect(expandDeadline({ ...undated, recurrence: 'yearly' }, 2026, 2027)).toEqual([]);
    expect(expandDeadline({ ...undated, year: 2025, recurrence: 'once' }, 2025, 2030)).toEqual([]);
    const chosen = expandDeadline(
      {
        ...undated,
        recurrence: 'half-yearly',
        dates: [
          { day: 20, month: 6 },
          { day: 10, month: 12 },
        ],
      },
      2026,
      2026,
    );
    expect(chosen.map((d) => [d.dueDate, d.period])).toEqual([
      ['2026-06-20', 1],
      ['2026-12-10', 2],
    ]);
  });
});
