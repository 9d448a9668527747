import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { CompletenessCommuneRow, IndicatorProgress, IndicatorProgressRow, League, ProgressCycles } from '@tds/contracts';
import { formatFigure, formatPct, statusColor } from './progressStatus';

/*
 * ECharts options built from API answers. Pure (no React, no i18n instance): the texts come in as
 * arguments, so the builders are unit-tested and the same for every language.
 */

export type ProgressChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkLineComponentOption
>;

/** Colours of on time / late / missing (the same as the unit status tags). */
export const COMPLETENESS_COLORS = { onTime: '#52c41a', late: '#faad14', notDue: '#bfbfbf', missing: '#ff4d4f' } as const;
const BAR_BLUE = '#1677ff';

/** Height of a horizontal bar chart with `rows` bars: readable on a phone, bounded on a desktop. */
export function horizontalChartHeight(rows: number): number {
  return Math.max(200, Math.min(2400, 56 + rows * 30));
}

/** Escape text placed in an HTML tooltip (names typed by users). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The data index of the first item a tooltip formatter is called with (axis or item trigger). */
export function tooltipIndex(params: unknown): number {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (first && typeof first === 'object' && 'dataIndex' in first && typeof first.dataIndex === 'number') return first.dataIndex;
  return -1;
}

/** Category axis of long names: truncated to a width, the full name in the tooltip. */
function nameAxis(names: string[], labelWidth: number) {
  return {
    type: 'category' as const,
    data: names,
    inverse: true,
    axisTick: { show: false },
    axisLabel: { width: labelWidth, overflow: 'truncate' as const, fontSize: 12 },
  };
}

// ---- achievement per indicator ---------------------------------------------------------------

export interface AchievementTexts {
  achievement: string;
  target: string;
  value: string;
  elapsed: string;
  statusLabel: (s: IndicatorProgressRow['status']) => string;
}

/** Indicators that have a target, in catalogue order (pillar by pillar): the ones the chart shows. */
export function achievementRows(progress: IndicatorProgress): IndicatorProgressRow[] {
  return progress.pillars.flatMap((p) => p.indicators).filter((r) => r.target !== null);
}

/**
 * Horizontal bars of achievement % per indicator with a target, coloured by status, with a line at the
 * elapsed share of the period (where an on-track indicator should be by now) and one at 100 %.
 */
export function achievementOption(progress: IndicatorProgress, texts: AchievementTexts, labelWidth = 160): ProgressChartOption {
  const rows = achievementRows(progress);
  const max = Math.max(100, ...rows.map((r) => r.achievementPct ?? 0));
  const elapsed = Math.round(progress.elapsedShare * 1000) / 10;
  return {
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const r = rows[tooltipIndex(params)];
        if (!r) return '';
        return [
          `<b>${escapeHtml(r.name)}</b>`,
          `${escapeHtml(texts.value)}: ${escapeHtml(formatFigure(r.value, r.measure))}`,
          `${escapeHtml(texts.target)}: ${escapeHtml(formatFigure(r.target, r.measure))}`,
          `${escapeHtml(texts.achievement)}: ${escapeHtml(formatPct(r.achievementPct))}`,
          escapeHtml(texts.statusLabel(r.status)),
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', min: 0, max: Math.ceil(max / 10) * 10, name: '%', nameGap: 8, splitNumber: 5 },
    // Indicators by name (a code such as CQ.HS_TRUC_TUYEN tells an officer nothing).
    yAxis: nameAxis(
      rows.map((r) => r.name),
      labelWidth,
    ),
    series: [
      {
        type: 'bar',
        name: texts.achievement,
        barMaxWidth: 22,
        data: rows.map((r) => ({ value: r.achievementPct ?? 0, itemStyle: { color: statusColor(r.status).hex } })),
        label: { show: true, position: 'right', formatter: (p: unknown) => formatPct(rows[tooltipIndex(p)]?.achievementPct ?? null) },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            {
              xAxis: elapsed,
              name: texts.elapsed,
              lineStyle: { color: '#8c8c8c', type: 'dashed' },
              label: { formatter: `${texts.elapsed} ${formatPct(elapsed)}`, position: 'start', color: '#595959' },
            },
            { xAxis: 100, lineStyle: { color: '#52c41a', type: 'solid' }, label: { show: false } },
          ],
        },
      },
    ],
  };
}

// ---- completeness and timeliness -------------------------------------------------------------

export interface CompletenessTexts {
  onTime: string;
  late: string;
  /** Expected but the deadline is still ahead: neither handed in nor missing. */
  notDue: string;
  missing: string;
  expected: string;
}

interface CountsRow {
  expected: number;
  onTime: number;
  late: number;
  notDue: number;
  missing: number;
  onTimeRate: number;
  lateRate: number;
  missingRate: number;
}

/** Stacked bars (on time / late / missing) over named categories, with rates in the tooltip. */
function stackedCompleteness(categories: string[], rows: CountsRow[], texts: CompletenessTexts, horizontal: boolean, labelWidth: number): ProgressChartOption {
  const series = (key: 'onTime' | 'late' | 'notDue' | 'missing', name: string): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'total',
    barMaxWidth: 36,
    itemStyle: { color: COMPLETENESS_COLORS[key] },
    emphasis: { focus: 'series' },
    data: rows.map((r) => r[key]),
  });
  const category = horizontal
    ? nameAxis(categories, labelWidth)
    : { type: 'category' as const, data: categories, axisLabel: { interval: 0, width: 90, overflow: 'break' as const, fontSize: 11 } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [texts.onTime, texts.late, texts.notDue, texts.missing] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const i = tooltipIndex(params);
        const r = rows[i];
        if (!r) return '';
        return [
          `<b>${escapeHtml(categories[i] ?? '')}</b>`,
          `${escapeHtml(texts.expected)}: ${r.expected}`,
          `${escapeHtml(texts.onTime)}: ${r.onTime} (${formatPct(r.onTimeRate)})`,
          `${escapeHtml(texts.late)}: ${r.late} (${formatPct(r.lateRate)})`,
          `${escapeHtml(texts.notDue)}: ${r.notDue}`,
          `${escapeHtml(texts.missing)}: ${r.missing} (${formatPct(r.missingRate)})`,
        ].join('<br/>');
      },
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [series('onTime', texts.onTime), series('late', texts.late), series('notDue', texts.notDue), series('missing', texts.missing)],
  };
}

/** The commune's cycles of a year, oldest deadline first, as stacked bars. */
export function cyclesOption(data: ProgressCycles, cycleName: (c: ProgressCycles['cycles'][number]) => string, texts: CompletenessTexts): ProgressChartOption {
  const cycles = sortCycles(data.cycles);
  return stackedCompleteness(cycles.map(cycleName), cycles, texts, false, 0);
}

/** Cycles ordered by deadline (cycles without items last), then by period. */
export function sortCycles<T extends { dueDate: string | null; period: number; year: number }>(cycles: readonly T[]): T[] {
  return [...cycles].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.year - b.year || a.period - b.period);
}

/** A province's communes for one cycle, as horizontal stacked bars. */
export function provinceCompletenessOption(communes: readonly CompletenessCommuneRow[], texts: CompletenessTexts, labelWidth = 140): ProgressChartOption {
  return stackedCompleteness(
    communes.map((c) => c.communeName),
    [...communes],
    texts,
    true,
    labelWidth,
  );
}

// ---- league table ----------------------------------------------------------------------------

export interface LeagueTexts {
  value: string;
  target: string;
  achievement: string;
  rank: string;
}

/** Rows in rank order (rows without a figure last, as the API lists them). */
export function leagueRows(data: League): League['rows'] {
  return [...data.rows].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
}

/** The rows the league chart draws: those with a figure, best first (the table lists every row). */
export function leagueChartRows(data: League): League['rows'] {
  return leagueRows(data).filter((r) => r.value !== null);
}

/** Horizontal bars of each unit's (or commune's) figure, best first; bars reaching the target are green. */
export function leagueOption(data: League, texts: LeagueTexts, labelWidth = 140): ProgressChartOption {
  const rows = leagueChartRows(data);
  const measure = data.indicator.measure;
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const r = rows[tooltipIndex(params)];
        if (!r) return '';
        return [
          `<b>${r.rank}. ${escapeHtml(r.name)}</b>`,
          `${escapeHtml(texts.value)}: ${escapeHtml(formatFigure(r.value, measure))}`,
          `${escapeHtml(texts.target)}: ${escapeHtml(formatFigure(r.target, measure))}`,
          `${escapeHtml(texts.achievement)}: ${escapeHtml(formatPct(r.achievementPct))}`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', min: 0 },
    yAxis: nameAxis(
      rows.map((r) => `${r.rank}. ${r.name}`),
      labelWidth,
    ),
    series: [
      {
        type: 'bar',
        name: texts.value,
        barMaxWidth: 22,
        cursor: 'pointer',
        data: rows.map((r) => ({
          value: r.value ?? 0,
          itemStyle: { color: r.achievementPct !== null && r.achievementPct >= 100 ? statusColor('on_track').hex : BAR_BLUE },
        })),
        label: { show: true, position: 'right', formatter: (p: unknown) => formatFigure(rows[tooltipIndex(p)]?.value ?? null, '') },
      },
    ],
  };
}

// ---- names ---------------------------------------------------------------------------------

type Translate = (key: string) => string;

/** "Báo cáo hằng năm 2025", "Báo cáo 6 tháng đầu 2025", "Kế hoạch đơn vị sơ kết 2027". */
export function cycleLabel(c: { kind: string; cadence: string; year: number; period: number }, t: Translate): string {
  const when = c.period === 0 ? t(`progress.cadences.${c.cadence}`) : t(`progress.periods.${c.period}`);
  return `${t(`progress.kinds.${c.kind}`)} ${when} ${c.year}`;
}
