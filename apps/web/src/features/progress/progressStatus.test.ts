import { describe, expect, it } from 'vitest';
import { progressStatuses } from '@tds/contracts';
import { formatFigure, formatPct, historyStatus, progressWidth, statusColor, todayVn } from './progressStatus';

describe('progress status', () => {
  it('gives every status a tag colour and a chart colour', () => {
    for (const s of progressStatuses) {
      expect(statusColor(s).tag).toBeTruthy();
      expect(statusColor(s).hex).toMatch(/^#[0-9a-f]{6}$/u);
    }
    expect(statusColor('on_track').tag).toBe('success');
    expect(statusColor('at_risk').tag).toBe('warning');
    expect(statusColor('off_track').tag).toBe('error');
    expect(statusColor('no_target').tag).toBe('default');
  });
  it('formats figures and percentages the Vietnamese way', () => {
    expect(formatFigure(1234.5, 'người')).toBe('1.234,5 người');
    expect(formatFigure(null, '%')).toBe('—');
    expect(formatPct(87.46)).toBe('87,5 %');
    expect(formatPct(null)).toBe('—');
  });
  it('caps the bar width between 0 and 100', () => {
    expect(progressWidth(130)).toBe(100);
    expect(progressWidth(-5)).toBe(0);
    expect(progressWidth(null)).toBe(0);
    expect(progressWidth(42)).toBe(42);
  });
  it('shows a missing report before its deadline as not due yet', () => {
    expect(historyStatus({ status: 'missing', dueDate: '2026-12-05' }, '2026-11-23')).toBe('not_due');
    expect(historyStatus({ status: 'missing', dueDate: '2026-11-23' }, '2026-11-23')).toBe('not_due');
    expect(historyStatus({ status: 'missing', dueDate: '2026-11-22' }, '2026-11-23')).toBe('missing');
    expect(historyStatus({ status: 'on_time', dueDate: '2026-12-05' }, '2026-11-23')).toBe('on_time');
  });
  it('takes today in Vietnam time', () => {
    expect(todayVn(new Date('2026-11-23T18:00:00Z'))).toBe('2026-11-24');
    expect(todayVn(new Date('2026-11-23T16:59:00Z'))).toBe('2026-11-23');
  });
});
