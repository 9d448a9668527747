import type { ProgressStatus, ProgressUnitStatus } from '@tds/contracts';

/** antd Tag colour and chart colour of each progress status (one palette for tags and bars). */
export const STATUS_COLORS: Record<ProgressStatus, { tag: string; hex: string }> = {
  on_track: { tag: 'success', hex: '#52c41a' },
  at_risk: { tag: 'warning', hex: '#faad14' },
  off_track: { tag: 'error', hex: '#ff4d4f' },
  no_target: { tag: 'default', hex: '#bfbfbf' },
  no_data: { tag: 'default', hex: '#d9d9d9' },
};

/** A cycle's standing as shown: "missing" before its deadline is only "not due yet". */
export type HistoryStatus = ProgressUnitStatus | 'not_due';

export function historyStatus(item: { status: ProgressUnitStatus; dueDate: string }, today: string): HistoryStatus {
  return item.status === 'missing' && item.dueDate >= today ? 'not_due' : item.status;
}

/** Tag colours of a cycle's standing in a unit's history. */
export const HISTORY_STATUS_COLORS: Record<HistoryStatus, string> = {
  on_time: 'success',
  late: 'warning',
  missing: 'error',
  not_expected: 'default',
  not_due: 'processing',
};

/** Today's date (yyyy-MM-dd) in Vietnam, where deadlines fall: the contracts' Vietnam clock. */
export { todayVn } from '@tds/contracts';

/** The colours of a progress status. */
export function statusColor(status: ProgressStatus): { tag: string; hex: string } {
  return STATUS_COLORS[status];
}

/** Format a figure for display: "12,5 %", "1.234 người"; "—" when there is none. */
export function formatFigure(value: number | null | undefined, measure: string, locale = 'vi-VN'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  return measure ? `${n} ${measure}` : n;
}

/** Achievement as "87,5 %", or "—". */
export function formatPct(value: number | null | undefined, locale = 'vi-VN'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} %`;
}

/** Width (0-100) of an achievement bar: capped at 100, never negative. */
export function progressWidth(achievementPct: number | null | undefined): number {
  if (achievementPct === null || achievementPct === undefined || !Number.isFinite(achievementPct)) return 0;
  return Math.max(0, Math.min(100, achievementPct));
}
