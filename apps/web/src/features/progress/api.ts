import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  UnitKind,
  CommuneTarget,
  Indicator,
  IndicatorCreateInput,
  IndicatorList,
  IndicatorPatchInput,
  IndicatorProgress,
  League,
  OutboxMessage,
  ProgressCycles,
  ProvinceCompleteness,
  ProvinceTarget,
  ReminderRunResult,
  ReminderSettings,
  ReminderSettingsInput,
  Target,
  TargetList,
  TargetPutInput,
  TargetSplitInput,
  UnitHistory,
  outboxStatuses,
  progressExportViews,
} from '@tds/contracts';
import { api, apiGet, apiPatch, apiPost, downloadFile, type Page, type QueryValue } from '../../lib/api';

export type OutboxStatus = (typeof outboxStatuses)[number];
export type ProgressExportView = (typeof progressExportViews)[number];

/** Where the dashboard looks: one commune, or a whole province (province officers). */
export type ProgressScopeRef = { level: 'commune'; id: string } | { level: 'province'; id: string };

/** How often the dashboard asks again while visible, so an accepted report shows within 5 s. */
export const DASHBOARD_REFRESH_MS = 5_000;

const enc = encodeURIComponent;
const communeBase = (communeId: string) => `/api/communes/${enc(communeId)}`;
const provinceBase = (provinceId: string) => `/api/provinces/${enc(provinceId)}`;
const scopeBase = (s: ProgressScopeRef) => (s.level === 'commune' ? communeBase(s.id) : provinceBase(s.id));

export const progressKeys = {
  all: ['progress'] as const,
  scope: (s: ProgressScopeRef) => ['progress', s.level, s.id] as const,
  indicators: (s: ProgressScopeRef, year: number, period: number) => ['progress', s.level, s.id, 'indicators', year, period] as const,
  cycles: (communeId: string, year: number) => ['progress', 'commune', communeId, 'cycles', year] as const,
  provinceCompleteness: (provinceId: string, year: number, period: number) => ['progress', 'province', provinceId, 'completeness', year, period] as const,
  league: (s: ProgressScopeRef, code: string, year: number, period: number) => ['progress', s.level, s.id, 'league', code, year, period] as const,
  history: (communeId: string, unitId: string) => ['progress', 'commune', communeId, 'history', unitId] as const,
};

/** Live queries: asked again every 5 s while the page is visible (not in a background tab). */
const live = { refetchInterval: DASHBOARD_REFRESH_MS, refetchIntervalInBackground: false, placeholderData: keepPreviousData } as const;

// ---- dashboards ----------------------------------------------------------------------------

export function useIndicatorProgress(scope: ProgressScopeRef | null, year: number, period: number) {
  return useQuery({
    queryKey: scope ? progressKeys.indicators(scope, year, period) : ['progress', 'none'],
    queryFn: ({ signal }) => apiGet<IndicatorProgress>(`${scopeBase(scope!)}/progress/indicators`, { year, period }, signal),
    enabled: !!scope,
    ...live,
  });
}

/** Completeness and timeliness of each cycle of a commune's year. */
export function useProgressCycles(communeId: string | null, year: number, planId: string | null = null) {
  return useQuery({
    queryKey: [...progressKeys.cycles(communeId ?? '', year), planId],
    queryFn: ({ signal }) => apiGet<ProgressCycles>(`${communeBase(communeId!)}/progress/cycles`, { year, planId: planId ?? undefined }, signal),
    enabled: !!communeId,
    ...live,
  });
}

/** The commune's published plans (to choose whose cycles and consolidated report are shown). */
export function usePublishedPlans(communeId: string | null) {
  return useQuery({
    queryKey: ['plans', communeId ?? '', 'published-choice'],
    queryFn: ({ signal }) =>
      apiGet<{ items: { id: string; title: string; number: string | null }[] }>(
        `${communeBase(communeId!)}/plans`,
        { status: 'published', page: 1, pageSize: 100, ownerUnitId: undefined },
        signal,
      ),
    enabled: !!communeId,
    staleTime: 60_000,
    select: (d) => d.items,
  });
}

/** Completeness of the year's report cycle across a province's communes. */
export function useProvinceCompleteness(provinceId: string | null, year: number, period: number) {
  return useQuery({
    queryKey: progressKeys.provinceCompleteness(provinceId ?? '', year, period),
    queryFn: ({ signal }) =>
      apiGet<ProvinceCompleteness>(
        `${provinceBase(provinceId!)}/progress/completeness`,
        {
          kind: 'report',
          cadence: period === 0 ? 'yearly' : 'half_yearly',
          year,
          period,
        },
        signal,
      ),
    enabled: !!provinceId,
    ...live,
  });
}

export function useLeague(scope: ProgressScopeRef | null, indicatorCode: string | null, year: number, period: number) {
  return useQuery({
    queryKey: scope && indicatorCode ? progressKeys.league(scope, indicatorCode, year, period) : ['progress', 'none', 'league'],
    queryFn: ({ signal }) => apiGet<League>(`${scopeBase(scope!)}/progress/league`, { indicatorCode, year, period }, signal),
    enabled: !!scope && !!indicatorCode,
    ...live,
  });
}

export function useUnitHistory(communeId: string, unitId: string | null) {
  return useQuery({
    queryKey: progressKeys.history(communeId, unitId ?? ''),
    queryFn: ({ signal }) => apiGet<UnitHistory>(`${communeBase(communeId)}/progress/units/${enc(unitId!)}/history`, undefined, signal),
    enabled: !!unitId,
  });
}

/** The Excel table behind one dashboard chart (same query as the chart). */
export function downloadProgressExport(scope: ProgressScopeRef, view: ProgressExportView, query: Record<string, QueryValue>): Promise<void> {
  return downloadFile(`${scopeBase(scope)}/progress/export.xlsx`, `tien-do-${view}.xlsx`, { view, ...query });
}

/** The yearly consolidated report (.docx in the Decree-30 layout, or its tables as .xlsx), on one plan when chosen. */
export function downloadConsolidatedReport(scope: ProgressScopeRef, year: number, format: 'docx' | 'xlsx', planId: string | null = null): Promise<void> {
  return downloadFile(`${scopeBase(scope)}/progress/consolidated-report.${format}`, `bao-cao-tong-hop-${year}.${format}`, {
    year,
    ...(planId ? { planId } : {}),
  });
}

// ---- indicators and targets ----------------------------------------------------------------

export const indicatorKeys = {
  commune: (communeId: string) => ['indicators', communeId] as const,
  list: (communeId: string) => ['indicators', communeId, 'list'] as const,
  national: ['indicators', 'national'] as const,
  targets: (communeId: string, year: number) => ['indicators', communeId, 'targets', year] as const,
  provinceTargets: (provinceId: string, year: number) => ['indicators', 'province', provinceId, 'targets', year] as const,
};

const indicatorsQuery = (communeId: string | null) => ({
  queryKey: indicatorKeys.list(communeId ?? ''),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<IndicatorList>(`${communeBase(communeId!)}/indicators`, { includeInactive: 'true' }, signal),
  enabled: !!communeId,
});
const nationalIndicatorsQuery = (enabled: boolean) => ({
  queryKey: indicatorKeys.national,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<IndicatorList>('/api/indicators', undefined, signal),
  enabled,
  staleTime: 60_000,
});

/** The national catalogue plus the commune's own indicators (deactivated ones included). */
export function useIndicators(communeId: string | null) {
  return useQuery({ ...indicatorsQuery(communeId), select: (d) => d.items });
}

/** What this user may do with the commune's indicators (`can` of the same answer as useIndicators). */
export function useIndicatorsCan(communeId: string | null) {
  return useQuery({ ...indicatorsQuery(communeId), select: (d) => d.can });
}

/** The national catalogue alone (province officers, who have no commune of their own). */
export function useNationalIndicators(enabled = true) {
  return useQuery({ ...nationalIndicatorsQuery(enabled), select: (d) => d.items });
}

export function useSaveIndicator(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { code?: string; input: IndicatorCreateInput | IndicatorPatchInput }) =>
      args.code
        ? apiPatch<Indicator>(`${communeBase(communeId)}/indicators/${enc(args.code)}`, args.input)
        : apiPost<Indicator>(`${communeBase(communeId)}/indicators`, args.input),
    onSuccess: () => qc.invalidateQueries({ queryKey: indicatorKeys.commune(communeId) }),
  });
}

/** Choose the unit kinds that report an indicator in the commune (null: back to the national default). */
export function useChooseIndicatorKinds(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { code: string; unitKinds: UnitKind[] | null }) =>
      api<Indicator>(`${communeBase(communeId)}/indicators/${enc(args.code)}/unit-kinds`, { method: 'PUT', body: { unitKinds: args.unitKinds } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: indicatorKeys.commune(communeId) }),
  });
}

const targetsQuery = (communeId: string | null, year: number) => ({
  queryKey: indicatorKeys.targets(communeId ?? '', year),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<TargetList>(`${communeBase(communeId!)}/targets`, { year }, signal),
  enabled: !!communeId,
  placeholderData: keepPreviousData,
});

export function useTargets(communeId: string | null, year: number) {
  return useQuery({ ...targetsQuery(communeId, year), select: (d) => d.items });
}

/** What this user may do with the commune's targets (`can` of the same answer as useTargets). */
export function useTargetsCan(communeId: string | null, year: number) {
  return useQuery({ ...targetsQuery(communeId, year), select: (d) => d.can });
}

export function usePutTargets(communeId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TargetPutInput) => api<{ items: Target[] }>(`${communeBase(communeId)}/targets`, { method: 'PUT', body: input }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: indicatorKeys.targets(communeId, year) }), qc.invalidateQueries({ queryKey: progressKeys.all })]),
  });
}

export function useSplitTarget(communeId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TargetSplitInput) => apiPost<{ items: Target[] }>(`${communeBase(communeId)}/targets/split`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: indicatorKeys.targets(communeId, year) }),
  });
}

export interface ProvinceTargets {
  items: ProvinceTarget[];
  communes: CommuneTarget[];
  can: TargetList['can'];
}

export function useProvinceTargets(provinceId: string | null, year: number) {
  return useQuery({
    queryKey: indicatorKeys.provinceTargets(provinceId ?? '', year),
    queryFn: ({ signal }) => apiGet<ProvinceTargets>(`${provinceBase(provinceId!)}/targets`, { year }, signal),
    enabled: !!provinceId,
    placeholderData: keepPreviousData,
  });
}

export function usePutProvinceTargets(provinceId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { items: { indicatorCode: string; year: number; value: number }[] }) =>
      api<{ items: ProvinceTarget[] }>(`${provinceBase(provinceId)}/targets`, { method: 'PUT', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: indicatorKeys.provinceTargets(provinceId, year) }),
  });
}

export function useSplitProvinceTarget(provinceId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { indicatorCode: string; year: number; method: 'equal' | 'weights'; weights?: Record<string, number> }) =>
      apiPost<{ items: CommuneTarget[] }>(`${provinceBase(provinceId)}/targets/split`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: indicatorKeys.provinceTargets(provinceId, year) }),
  });
}

// ---- reminders -----------------------------------------------------------------------------

export const notifyKeys = {
  commune: (communeId: string) => ['notify', communeId] as const,
  settings: (communeId: string) => ['notify', communeId, 'settings'] as const,
  outbox: (communeId: string, p: object) => ['notify', communeId, 'outbox', p] as const,
};

export function useReminderSettings(communeId: string) {
  return useQuery({
    queryKey: notifyKeys.settings(communeId),
    queryFn: ({ signal }) => apiGet<ReminderSettings>(`${communeBase(communeId)}/reminder-settings`, undefined, signal),
    staleTime: 0,
  });
}

export function useSaveReminderSettings(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReminderSettingsInput) => api<ReminderSettings>(`${communeBase(communeId)}/reminder-settings`, { method: 'PUT', body: input }),
    onSuccess: (d) => qc.setQueryData(notifyKeys.settings(communeId), d),
  });
}

export function useOutbox(communeId: string, p: { page: number; pageSize: number; status?: OutboxStatus }) {
  return useQuery({
    queryKey: notifyKeys.outbox(communeId, p),
    queryFn: ({ signal }) => apiGet<Page<OutboxMessage>>(`${communeBase(communeId)}/outbox`, { ...p }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRunReminders(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<ReminderRunResult>(`${communeBase(communeId)}/reminders/run`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notifyKeys.commune(communeId) }),
  });
}
