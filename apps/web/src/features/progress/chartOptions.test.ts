import { describe, expect, it } from 'vitest';
import type { IndicatorProgress, IndicatorProgressRow, League, ProgressCycles } from '@tds/contracts';
import {
  achievementOption,
  achievementRows,
  COMPLETENESS_COLORS,
  cycleLabel,
  cyclesOption,
  escapeHtml,
  horizontalChartHeight,
  leagueChartRows,
  leagueOption,
  leagueRows,
  provinceCompletenessOption,
  sortCycles,
  tooltipIndex,
} from './chartOptions';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const row = (over: Partial<IndicatorProgressRow>): IndicatorProgressRow => ({
  code: 'XH.A',
  name: 'Người dân có kỹ năng số cơ bản',
  pillar: 'society',
  measure: '%',
  direction: 'higher',
  aggregation: 'ratio',
  value: 40,
  numerator: 40,
  denominator: 100,
  n: 2,
  target: 80,
  achievementPct: 50,
  status: 'at_risk',
  ...over,
});

const progress: IndicatorProgress = {
  scope: { level: 'commune', id: id(1), name: 'Xã A' },
  year: 2025,
  period: 0,
  elapsedShare: 0.5,
  pillars: [
    {
      pillar: 'gov',
      name: 'Chính quyền số',
      achievementPct: 120,
      withTarget: 1,
      onTrack: 1,
      atRisk: 0,
      offTrack: 0,
      indicators: [row({ code: 'CQ.A', pillar: 'gov', achievementPct: 130, status: 'on_track' })],
    },
    {
      pillar: 'economy',
      name: 'Kinh tế số',
      achievementPct: null,
      withTarget: 0,
      onTrack: 0,
      atRisk: 0,
      offTrack: 0,
      indicators: [row({ code: 'KT.A', pillar: 'economy', target: null, achievementPct: null, status: 'no_target' })],
    },
    {
      pillar: 'society',
      name: 'Xã hội số',
      achievementPct: 25,
      withTarget: 2,
      onTrack: 0,
      atRisk: 1,
      offTrack: 1,
      indicators: [row({}), row({ code: 'XH.B', value: null, achievementPct: null, status: 'no_data' })],
    },
  ],
};

const achTexts = { achievement: 'Mức đạt', target: 'Mục tiêu', value: 'Giá trị', elapsed: 'Tiến độ thời gian', statusLabel: (s: string) => `[${s}]` };

type Bar = {
  type: string;
  itemStyle?: unknown;
  data: { value: number; itemStyle: { color: string } }[];
  markLine?: { data: { xAxis: number }[] };
  stack?: string;
  name?: string;
};
const seriesOf = (o: { series?: unknown }) => o.series as Bar[];

describe('achievement chart', () => {
  it('shows the indicators with a target, coloured by status, with the elapsed line', () => {
    expect(achievementRows(progress).map((r) => r.code)).toEqual(['CQ.A', 'XH.A', 'XH.B']);
    const o = achievementOption(progress, achTexts);
    const [s] = seriesOf(o);
    expect(s!.data.map((d) => d.value)).toEqual([130, 50, 0]);
    expect(s!.data.map((d) => d.itemStyle.color)).toEqual(['#52c41a', '#faad14', '#d9d9d9']);
    expect(s!.markLine!.data.map((d) => d.xAxis)).toEqual([50, 100]);
    // The axis reaches past the best achievement, in tens.
    expect((o.xAxis as { max: number }).max).toBe(130);
    // Indicators by name, never by code.
    expect((o.yAxis as { data: string[] }).data[0]).toBe('Người dân có kỹ năng số cơ bản');
    expect((o.yAxis as { data: string[] }).data.join(' ')).not.toMatch(/CQ\.A|XH\.A/u);
  });
  it('explains a bar in the tooltip, escaping names', () => {
    const evil: IndicatorProgress = { ...progress, pillars: [{ ...progress.pillars[0]!, indicators: [row({ name: '<b>x</b>', code: 'Z' })] }] };
    const o = achievementOption(evil, achTexts);
    const fmt = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = fmt([{ dataIndex: 0 }]);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('Z');
    expect(html).toContain('Mục tiêu: 80 %');
    expect(html).toContain('Mức đạt: 50 %');
    expect(html).toContain('[at_risk]');
    expect(fmt([{ dataIndex: 9 }])).toBe('');
  });
});

const texts = { onTime: 'Đúng hạn', late: 'Trễ hạn', notDue: 'Chưa đến hạn', missing: 'Chưa nộp', expected: 'Phải nộp' };
const counts = (expected: number, onTime: number, late: number, notDue = 0) => {
  const missing = expected - onTime - late - notDue;
  const r = (x: number) => (expected ? Math.round((x / expected) * 1000) / 10 : 0);
  return { expected, onTime, late, notDue, missing, onTimeRate: r(onTime), lateRate: r(late), submittedRate: r(onTime + late), missingRate: r(missing) };
};

describe('completeness charts', () => {
  const cycles: ProgressCycles = {
    cycles: [
      { planId: null, planTitle: null, kind: 'report', cadence: 'yearly', year: 2025, period: 0, dueDate: '2025-12-05', pastDue: true, ...counts(10, 6, 3) },
      {
        planId: null,
        planTitle: null,
        kind: 'report',
        cadence: 'half_yearly',
        year: 2025,
        period: 1,
        dueDate: '2025-06-05',
        pastDue: true,
        ...counts(10, 8, 0),
      },
      { planId: null, planTitle: null, kind: 'unit_plan', cadence: 'once', year: 2025, period: 0, dueDate: null, pastDue: false, ...counts(0, 0, 0) },
      {
        planId: null,
        planTitle: null,
        kind: 'report',
        cadence: 'yearly',
        year: 2026,
        period: 0,
        dueDate: '2026-12-05',
        pastDue: false,
        ...counts(10, 2, 0, 8),
      },
    ],
  };
  it('stacks on time, late, not yet due and missing per cycle, the earliest deadline first', () => {
    expect(sortCycles(cycles.cycles).map((c) => c.dueDate)).toEqual(['2025-06-05', '2025-12-05', '2026-12-05', null]);
    const o = cyclesOption(cycles, (c) => `${c.cadence}-${c.period}`, texts);
    expect((o.xAxis as { data: string[] }).data).toEqual(['half_yearly-1', 'yearly-0', 'yearly-0', 'once-0']);
    const s = seriesOf(o);
    expect(s.map((x) => x.name)).toEqual(['Đúng hạn', 'Trễ hạn', 'Chưa đến hạn', 'Chưa nộp']);
    expect(s.every((x) => x.stack === 'total')).toBe(true);
    // A cycle whose deadline is ahead shows its unsubmitted reports as not yet due, none as missing.
    expect(s.map((x) => x.data)).toEqual([
      [8, 6, 2, 0],
      [0, 3, 0, 0],
      [0, 0, 8, 0],
      [2, 1, 0, 0],
    ]);
    const html = (o.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 1 }]);
    expect(html).toContain('Đúng hạn: 6 (60 %)');
    expect(html).toContain('Chưa nộp: 1 (10 %)');
  });
  it("draws a province's communes as horizontal bars", () => {
    const o = provinceCompletenessOption(
      [
        { communeId: id(1), communeCode: 'A', communeName: 'Xã A', dueDate: '2025-12-05', ...counts(4, 4, 0) },
        { communeId: id(2), communeCode: 'B', communeName: 'Xã B', dueDate: '2025-12-05', ...counts(5, 1, 1) },
      ],
      texts,
    );
    expect((o.yAxis as { data: string[] }).data).toEqual(['Xã A', 'Xã B']);
    expect(seriesOf(o)[0]!.itemStyle).toEqual({ color: COMPLETENESS_COLORS.onTime });
    expect(seriesOf(o)[3]!.data).toEqual([0, 3]);
  });
});

describe('league chart', () => {
  const data: League = {
    scope: { level: 'commune', id: id(1), name: 'Xã A' },
    indicator: { code: 'XH.A', name: 'Kỹ năng số', pillar: 'society', measure: '%', direction: 'higher', aggregation: 'ratio' },
    year: 2025,
    period: 0,
    rows: [
      { id: id(3), code: 'T3', name: 'Thôn 3', kind: 'village', rank: null, value: null, numerator: null, denominator: null, target: 50, achievementPct: null },
      { id: id(2), code: 'T2', name: 'Thôn 2', kind: 'village', rank: 2, value: 30, numerator: 3, denominator: 10, target: 50, achievementPct: 60 },
      { id: id(1), code: 'T1', name: 'Thôn 1', kind: 'village', rank: 1, value: 60, numerator: 6, denominator: 10, target: 50, achievementPct: 120 },
    ],
  };
  it('ranks rows best first, rows without a figure last', () => {
    expect(leagueRows(data).map((r) => r.code)).toEqual(['T1', 'T2', 'T3']);
    const o = leagueOption(data, { value: 'Giá trị', target: 'Mục tiêu', achievement: 'Mức đạt', rank: 'Hạng' });
    // The chart draws the rows with a figure; the table lists them all.
    expect(leagueChartRows(data).map((r) => r.code)).toEqual(['T1', 'T2']);
    expect((o.yAxis as { data: string[] }).data).toEqual(['1. Thôn 1', '2. Thôn 2']);
    const [s] = seriesOf(o);
    expect(s!.data.map((d) => d.value)).toEqual([60, 30]);
    expect(s!.data[0]!.itemStyle.color).toBe('#52c41a');
    expect(s!.data[1]!.itemStyle.color).not.toBe('#52c41a');
  });
});

describe('helpers', () => {
  it('sizes horizontal charts by their rows, within bounds', () => {
    expect(horizontalChartHeight(0)).toBe(200);
    expect(horizontalChartHeight(10)).toBe(356);
    expect(horizontalChartHeight(1000)).toBe(2400);
  });
  it('reads the data index of axis and item tooltips', () => {
    expect(tooltipIndex([{ dataIndex: 3 }])).toBe(3);
    expect(tooltipIndex({ dataIndex: 2 })).toBe(2);
    expect(tooltipIndex(null)).toBe(-1);
  });
  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('names a cycle by its kind, cadence or half, and year', () => {
    const t = (k: string) => ({ 'progress.kinds.report': 'Báo cáo', 'progress.cadences.yearly': 'hằng năm', 'progress.periods.1': '6 tháng đầu' })[k] ?? k;
    expect(cycleLabel({ kind: 'report', cadence: 'yearly', year: 2025, period: 0 }, t)).toBe('Báo cáo hằng năm 2025');
    expect(cycleLabel({ kind: 'report', cadence: 'half_yearly', year: 2025, period: 1 }, t)).toBe('Báo cáo 6 tháng đầu 2025');
  });
});
