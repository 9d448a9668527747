import { z } from 'zod';
import { isoDate, queryYear as year, uuid } from './common.js';
import { indicatorAggregations, indicatorDirections, indicatorPillarLabelsVi, indicatorPillars, type IndicatorPillar } from './indicators.js';

/*
 * Contracts of the progress API: completeness and timeliness of report cycles, indicator progress to
 * targets, league tables, multi-year roll-ups, a unit's history, Excel exports and the consolidated
 * report. Everything here is computed on request from due items, reports and accepted figures; nothing
 * is stored. Percentages are numbers 0-100 rounded to one decimal; rates never exceed 100.
 */

/** The kinds of due item whose cycles are measured (registrations are tracked by the registration module). */
export const progressCycleKinds = ['report', 'unit_plan'] as const;
export type ProgressCycleKind = (typeof progressCycleKinds)[number];
export const progressCycleKindLabelsVi: Record<ProgressCycleKind, string> = { report: 'Báo cáo', unit_plan: 'Kế hoạch của đơn vị' };

export const progressCadences = ['yearly', 'half_yearly', 'midterm', 'final', 'once'] as const;
export type ProgressCadence = (typeof progressCadences)[number];
export const progressCadenceLabelsVi: Record<ProgressCadence, string> = {
  yearly: 'Hằng năm',
  half_yearly: '6 tháng',
  midterm: 'Sơ kết',
  final: 'Tổng kết',
  once: 'Một lần',
};

/** A cycle as people name it: "Báo cáo 6 tháng đầu năm 2026", "Kế hoạch của đơn vị năm 2026", "Báo cáo sơ kết năm 2027". */
export function cycleLabelVi(c: { kind: string; cadence: string; year: number; period: number }): string {
  const kind = progressCycleKindLabelsVi[c.kind as ProgressCycleKind] ?? c.kind;
  const when =
    c.cadence === 'half_yearly'
      ? `6 tháng ${c.period === 2 ? 'cuối' : 'đầu'} năm ${c.year}`
      : c.cadence === 'midterm'
        ? `sơ kết năm ${c.year}`
        : c.cadence === 'final'
          ? `tổng kết năm ${c.year}`
          : `năm ${c.year}`;
  return `${kind} ${when}`;
}

/** The three pillars (the indicators catalogue's own list). */
export const progressPillars = indicatorPillars;
export type ProgressPillar = IndicatorPillar;
export const progressPillarLabelsVi = indicatorPillarLabelsVi;

/**
 * on_track / at_risk / off_track from achievement vs the elapsed share (as the indicators module judges it);
 * no_target: no target set; no_data: a target but no figure yet.
 */
export const progressStatuses = ['on_track', 'at_risk', 'off_track', 'no_target', 'no_data'] as const;
export type ProgressStatus = (typeof progressStatuses)[number];
export const progressStatusLabelsVi: Record<ProgressStatus, string> = {
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  off_track: 'Chậm tiến độ',
  no_target: 'Chưa có mục tiêu',
  no_data: 'Chưa có số liệu',
};

/**
 * A unit's standing in one cycle. missing: not handed in and the deadline has passed; not_due: not
 * handed in yet, the deadline still ahead; not_expected: the unit closed before the deadline and did not submit.
 */
export const progressUnitStatuses = ['on_time', 'late', 'missing', 'not_due', 'not_expected'] as const;
export type ProgressUnitStatus = (typeof progressUnitStatuses)[number];
export const progressUnitStatusLabelsVi: Record<ProgressUnitStatus, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp (quá hạn)',
  not_due: 'Chưa đến hạn',
  not_expected: 'Không phải nộp',
};

const period = z.coerce.number().int().min(0).max(2);
const pct = z.number();

/** Counts of one cycle at one node (or one commune), with rates in % of expected (each ≤ 100). */
export const completenessCounts = z.object({
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  /** Expected, not handed in, and the deadline has not passed yet: not counted as missing. */
  notDue: z.number().int(),
  /** Expected, not handed in, and the deadline has passed. */
  missing: z.number().int(),
  /** onTime / expected, late / expected, (onTime + late) / expected, missing / expected; 0 when nothing is expected. */
  onTimeRate: pct,
  lateRate: pct,
  submittedRate: pct,
  missingRate: pct,
});
export type CompletenessCounts = z.infer<typeof completenessCounts>;

/**
 * One report cycle: due items of one kind, cadence, year and period of one plan in a commune (a second
 * plan's reports are its own cycle); across plans where no plan is named (a province's communes).
 */
export const cycleRef = z.object({
  planId: uuid.nullable(),
  planTitle: z.string().nullable(),
  kind: z.enum(progressCycleKinds),
  cadence: z.enum(progressCadences),
  year: z.number().int(),
  /** 0 = whole year; 1, 2 = first, second half. */
  period: z.number().int(),
  /** The (latest) due date of the cycle's items; null when the cycle has no items. */
  dueDate: isoDate.nullable(),
  /** Whether the deadline has passed (missing reports are then overdue). */
  pastDue: z.boolean(),
});
export type CycleRef = z.infer<typeof cycleRef>;

// ---- cycles of a commune ----
export const progressCyclesQuery = z.strictObject({ year: year.optional(), kind: z.enum(progressCycleKinds).optional(), planId: uuid.optional() });
export const progressCycleRow = cycleRef.extend(completenessCounts.shape);
export const progressCycles = z.object({ cycles: z.array(progressCycleRow) });
export type ProgressCycles = z.infer<typeof progressCycles>;

// ---- completeness of one cycle ----
export const completenessQuery = z.strictObject({
  kind: z.enum(progressCycleKinds).default('report'),
  cadence: z.enum(progressCadences).default('yearly'),
  year,
  period: period.default(0),
  /** A node of the tree: the unit and its subtree. */
  unitId: uuid.optional(),
  /** The plan whose cycle it is (its due items only); all plans when absent. */
  planId: uuid.optional(),
});
export type CompletenessQuery = z.infer<typeof completenessQuery>;

export const completenessUnitRow = z.object({
  unitId: uuid,
  unitName: z.string(),
  unitKind: z.string(),
  parentId: uuid.nullable(),
  dueItemId: uuid,
  dueDate: isoDate,
  status: z.enum(progressUnitStatuses),
  reportId: uuid.nullable(),
  /** draft | submitted | returned | accepted, or null when no report was opened. */
  reportStatus: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type CompletenessUnitRow = z.infer<typeof completenessUnitRow>;

export const communeCompleteness = z.object({
  cycle: cycleRef,
  node: z.object({ unitId: uuid, name: z.string() }).nullable(),
  totals: completenessCounts,
  units: z.array(completenessUnitRow),
});
export type CommuneCompleteness = z.infer<typeof communeCompleteness>;

export const provinceCompletenessQuery = completenessQuery.omit({ unitId: true, planId: true }).strict();
export const completenessCommuneRow = completenessCounts.extend({
  communeId: uuid,
  communeCode: z.string(),
  communeName: z.string(),
  dueDate: isoDate.nullable(),
});
export type CompletenessCommuneRow = z.infer<typeof completenessCommuneRow>;
export const provinceCompleteness = z.object({
  cycle: cycleRef,
  totals: completenessCounts,
  communes: z.array(completenessCommuneRow),
});
export type ProvinceCompleteness = z.infer<typeof provinceCompleteness>;

// ---- indicator progress ----
export const indicatorProgressQuery = z.strictObject({ year, period: period.default(0), unitId: uuid.optional() });
export const provinceIndicatorProgressQuery = indicatorProgressQuery.omit({ unitId: true }).strict();

/** What an indicator is, as the dashboards need it. */
export const progressIndicatorRef = z.object({
  code: z.string(),
  name: z.string(),
  pillar: z.enum(progressPillars),
  measure: z.string(),
  direction: z.enum(indicatorDirections),
  aggregation: z.enum(indicatorAggregations),
});
export type ProgressIndicatorRef = z.infer<typeof progressIndicatorRef>;

/** A figure against its target: for ratio indicators value = numerator ÷ denominator × 100. */
export const progressFigure = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** How many unit figures went in. */
  n: z.number().int(),
  target: z.number().nullable(),
  achievementPct: z.number().nullable(),
  status: z.enum(progressStatuses),
});
export type ProgressFigure = z.infer<typeof progressFigure>;

export const indicatorProgressRow = progressIndicatorRef.extend(progressFigure.shape);
export type IndicatorProgressRow = z.infer<typeof indicatorProgressRow>;

export const pillarProgress = z.object({
  pillar: z.enum(progressPillars),
  name: z.string(),
  /** Mean achievement of the pillar's indicators that have a target (null when none has). */
  achievementPct: z.number().nullable(),
  withTarget: z.number().int(),
  onTrack: z.number().int(),
  atRisk: z.number().int(),
  offTrack: z.number().int(),
  indicators: z.array(indicatorProgressRow),
});
export type PillarProgress = z.infer<typeof pillarProgress>;

export const progressScope = z.object({ level: z.enum(['province', 'commune', 'unit']), id: uuid, name: z.string() });
export type ProgressScope = z.infer<typeof progressScope>;

export const indicatorProgress = z.object({
  scope: progressScope,
  year: z.number().int(),
  period: z.number().int(),
  /** Share of the period elapsed (0-1), which the status compares achievement against. */
  elapsedShare: z.number(),
  pillars: z.array(pillarProgress),
});
export type IndicatorProgress = z.infer<typeof indicatorProgress>;

// ---- league table ----
export const leagueQuery = z.strictObject({ indicatorCode: z.string().min(1).max(64), year, period: period.default(0) });
export type LeagueQuery = z.infer<typeof leagueQuery>;
export const leagueRow = z.object({
  /** Unit id (commune league) or commune id (province league). */
  id: uuid,
  code: z.string(),
  name: z.string(),
  /** Unit kind for a commune league; the commune kind for a province league. */
  kind: z.string(),
  /** 1 = best (direction aware); ties share a rank; null when there is no figure (listed last). */
  rank: z.number().int().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number().nullable(),
  achievementPct: z.number().nullable(),
});
export type LeagueRow = z.infer<typeof leagueRow>;
export const league = z.object({
  scope: progressScope,
  indicator: progressIndicatorRef,
  year: z.number().int(),
  period: z.number().int(),
  rows: z.array(leagueRow),
});
export type League = z.infer<typeof league>;

// ---- multi-year roll-up ----
export const rollupQuery = z
  .strictObject({ fromYear: year, toYear: year, period: period.default(0) })
  .refine((q) => q.toYear >= q.fromYear, { error: 'Năm kết thúc phải không nhỏ hơn năm bắt đầu.', path: ['toYear'] })
  .refine((q) => q.toYear - q.fromYear < 10, { error: 'Tối đa 10 năm.', path: ['toYear'] });
export type RollupQuery = z.infer<typeof rollupQuery>;
/** One year of one indicator. */
export const rollupCell = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number().nullable(),
  achievementPct: z.number().nullable(),
});
export type RollupCell = z.infer<typeof rollupCell>;
export const rollupIndicator = progressIndicatorRef.extend({ years: z.array(rollupCell) });
export const rollup = z.object({
  scope: progressScope,
  fromYear: z.number().int(),
  toYear: z.number().int(),
  period: z.number().int(),
  indicators: z.array(rollupIndicator),
});
export type Rollup = z.infer<typeof rollup>;

// ---- a unit's history ----
export const unitHistoryParams = z.strictObject({ communeId: uuid, unitId: uuid });
export const unitHistoryItem = z.object({
  dueItemId: uuid,
  planId: uuid,
  kind: z.string(),
  cadence: z.enum(progressCadences),
  year: z.number().int(),
  period: z.number().int(),
  title: z.string(),
  dueDate: isoDate,
  status: z.enum(progressUnitStatuses),
  reportId: uuid.nullable(),
  reportStatus: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export const unitHistoryValue = z.object({
  indicatorCode: z.string(),
  indicatorName: z.string(),
  measure: z.string(),
  year: z.number().int(),
  period: z.number().int(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export const unitHistory = z.object({
  unit: z.object({ id: uuid, name: z.string(), kind: z.string(), activeFrom: isoDate.nullable(), activeTo: isoDate.nullable() }),
  /** Per cycle counts for this unit alone (expected, on time, late, missing). */
  totals: completenessCounts,
  items: z.array(unitHistoryItem),
  values: z.array(unitHistoryValue),
});
export type UnitHistory = z.infer<typeof unitHistory>;

// ---- Excel export of a dashboard view ----
export const progressExportViews = ['completeness', 'cycles', 'indicators', 'league', 'rollup'] as const;
/**
 * `view` picks the table; the other parameters are the view's own query (as for the JSON route).
 * Validated per view on the server.
 */
export const progressExportQuery = z.strictObject({
  view: z.enum(progressExportViews),
  kind: z.string().optional(),
  cadence: z.string().optional(),
  year: z.string().optional(),
  period: z.string().optional(),
  unitId: z.string().optional(),
  indicatorCode: z.string().optional(),
  fromYear: z.string().optional(),
  toYear: z.string().optional(),
});
export type ProgressExportQuery = z.infer<typeof progressExportQuery>;

// ---- consolidated report ----
export const consolidatedReportQuery = z.strictObject({
  year,
  /** Draft: number and date left blank for the clerk to fill (default). */
  draft: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Final version: document number and date (dd/MM/yyyy shown, ISO here). */
  number: z.string().max(50).optional(),
  date: isoDate.optional(),
  /** The commune's published plan reported on; by default the one with the most reports due in the year. */
  planId: uuid.optional(),
});
export type ConsolidatedReportQuery = z.infer<typeof consolidatedReportQuery>;

// ---- params ----
export const progressCommuneParams = z.strictObject({ communeId: uuid });
export const progressProvinceParams = z.strictObject({ provinceId: uuid });
