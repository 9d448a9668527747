import { describe, expect, it } from 'vitest';
import { calendarRange, pointsInMonth, pointsOn, spanProgress, spansCovering, spansOverlapping, type CalEntry } from './calendarData';

const e = (over: Partial<CalEntry>): CalEntry => ({
  date: '2025-12-04',
  endDate: null,
  kind: 'due',
  title: 'Báo cáo',
  planId: 'p',
  planTitle: 'KH',
  units: 3,
  lateAfter: null,
  ...over,
});

describe('calendar data', () => {
  it('asks for the month plus the grid around it, or the whole year', () => {
    expect(calendarRange(2025, 12, 'month')).toEqual({ from: '2025-11-24', to: '2026-01-14' });
    expect(calendarRange(2026, 3, 'year')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  const entries = [
    e({ title: 'Tổng kết', kind: 'milestone', date: '2025-12-04' }),
    e({}),
    e({ kind: 'phase', title: 'Giai đoạn 1', date: '2025-01-01', endDate: '2027-12-31' }),
    e({ date: '2025-12-20', title: 'Đăng ký' }),
    e({ date: '2026-01-05' }),
  ];
  it("lists a day's single-day entries, due items first", () => {
    expect(pointsOn(entries, '2025-12-04').map((x) => x.kind)).toEqual(['due', 'milestone']);
    expect(pointsOn(entries, '2025-12-05')).toEqual([]);
  });
  it('finds spans covering a day and overlapping a range', () => {
    expect(spansCovering(entries, '2026-06-01').map((x) => x.title)).toEqual(['Giai đoạn 1']);
    expect(spansCovering(entries, '2028-01-01')).toEqual([]);
    expect(spansOverlapping(entries, '2027-12-01', '2028-01-31')).toHaveLength(1);
  });
  it("lists a month's entries in date order", () => {
    expect(pointsInMonth(entries, '2025-12').map((x) => x.date)).toEqual(['2025-12-04', '2025-12-04', '2025-12-20']);
  });
  it('measures how far a span has run', () => {
    const p = e({ kind: 'phase', date: '2025-01-01', endDate: '2025-01-11' });
    expect(spanProgress(p, '2024-12-01')).toBe(0);
    expect(spanProgress(p, '2025-01-06')).toBe(50);
    expect(spanProgress(p, '2026-01-01')).toBe(100);
  });
});
