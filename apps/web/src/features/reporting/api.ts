import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DueItemStatus,
  Indicator,
  ReportCadence,
  ReportDetail,
  ReportDueItem,
  ReportKind,
  ReportPage,
  ReportStatus,
  ReportVersionEntry,
  RegistrationDetail,
  RegistrationInput,
  RegistrationList,
  awardKindSchema,
  notificationPage,
  registrationWindow,
} from '@tds/contracts';
import { api, apiGet, apiPatch, apiPost, downloadFile, uploadFile, type Page } from '../../lib/api';
import type { ReportSavePayload } from './reportForm';

export type AwardKind = z.infer<typeof awardKindSchema>;
export type NotificationPage = z.infer<typeof notificationPage>;
export type RegistrationWindow = z.infer<typeof registrationWindow>;

const commune = (communeId: string) => `/api/communes/${encodeURIComponent(communeId)}`;

export const reportingKeys = {
  all: ['reporting'] as const,
  notifications: ['reporting', 'notifications'] as const,
  awardKinds: ['reporting', 'award-kinds'] as const,
  reports: (communeId: string) => ['reporting', communeId, 'reports'] as const,
  dueItems: (communeId: string, p: DueItemParams) => ['reporting', communeId, 'reports', 'due', p] as const,
  reportList: (communeId: string, p: ReportListParams) => ['reporting', communeId, 'reports', 'list', p] as const,
  report: (communeId: string, id: string) => ['reporting', communeId, 'reports', 'one', id] as const,
  versions: (communeId: string, id: string) => ['reporting', communeId, 'reports', 'one', id, 'versions'] as const,
  indicators: (communeId: string) => ['reporting', communeId, 'indicators'] as const,
  registrations: (communeId: string, planId: string) => ['reporting', communeId, 'registrations', planId] as const,
  registrationList: (communeId: string, planId: string, year: number | undefined) =>
    ['reporting', communeId, 'registrations', planId, 'list', year ?? 0] as const,
  registration: (communeId: string, planId: string, unitId: string, year: number | undefined) =>
    ['reporting', communeId, 'registrations', planId, 'one', unitId, year ?? 0] as const,
};

// ---- Notifications (the header bell) ----

/** Unread in-app notifications of the signed-in user, polled every minute. */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: reportingKeys.notifications,
    queryFn: ({ signal }) => apiGet<NotificationPage>('/api/notifications', { unread: 'true', pageSize: 20 }, signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => qc.invalidateQueries({ queryKey: reportingKeys.notifications }),
  });
}

export function useMarkAllNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<{ updated: number }>('/api/notifications/read-all'),
    onSettled: () => qc.invalidateQueries({ queryKey: reportingKeys.notifications }),
  });
}

// ---- Catalogues used by the forms ----

/** The national award forms and titles (never changes during a session). */
export function useAwardKinds(enabled = true) {
  return useQuery({
    queryKey: reportingKeys.awardKinds,
    queryFn: ({ signal }) => apiGet<{ items: AwardKind[] }>('/api/award-kinds', undefined, signal),
    select: (d) => d.items,
    staleTime: Infinity,
    enabled,
  });
}

/** National indicators plus the commune's own (active ones). */
export function useIndicators(communeId: string | null, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.indicators(communeId ?? ''),
    queryFn: ({ signal }) => apiGet<{ items: Indicator[] }>(`${commune(communeId!)}/indicators`, undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled: !!communeId && enabled,
  });
}

// ---- Registration ----

const registrationsPath = (communeId: string, planId: string) => `${commune(communeId)}/plans/${encodeURIComponent(planId)}/registrations`;

/** Every participating unit's registration status for a plan and year (reviewers). */
export function useRegistrationList(communeId: string, planId: string | null, year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.registrationList(communeId, planId ?? '', year),
    queryFn: ({ signal }) => apiGet<RegistrationList>(registrationsPath(communeId, planId!), { year }, signal),
    enabled: !!planId && enabled,
    placeholderData: keepPreviousData,
  });
}

/** One unit's registration (an empty draft shape when nothing is saved yet). */
export function useRegistration(communeId: string, planId: string | null, unitId: string | null, year: number | undefined) {
  return useQuery({
    queryKey: reportingKeys.registration(communeId, planId ?? '', unitId ?? '', year),
    queryFn: ({ signal }) => apiGet<RegistrationDetail>(`${registrationsPath(communeId, planId!)}/${encodeURIComponent(unitId!)}`, { year }, signal),
    enabled: !!planId && !!unitId,
    staleTime: 0,
  });
}

export function useSaveRegistration(communeId: string, planId: string, unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RegistrationInput) =>
      api<RegistrationDetail>(`${registrationsPath(communeId, planId)}/${encodeURIComponent(unitId)}`, { method: 'PUT', body: input }),
    onSuccess: (d) => {
      qc.setQueryData(reportingKeys.registration(communeId, planId, unitId, d.year), d);
      return qc.invalidateQueries({
        queryKey: reportingKeys.registrations(communeId, planId),
        predicate: (q) => !(q.queryKey[4] === 'one' && q.queryKey[5] === unitId && q.queryKey[6] === d.year),
      });
    },
  });
}

export function useRegistrationWindow(communeId: string, planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (open: boolean) => apiPost<RegistrationWindow>(`${commune(communeId)}/plans/${encodeURIComponent(planId)}/registration-window`, { open }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.registrations(communeId, planId) }),
  });
}

// ---- Reports ----

export interface DueItemParams {
  page: number;
  pageSize: number;
  q?: string;
  unitId?: string;
  kind?: 'report' | 'unit_plan' | 'registration';
  cadence?: ReportCadence;
  year?: number;
  status?: DueItemStatus;
}

export interface ReportListParams {
  page: number;
  pageSize: number;
  q?: string;
  unitId?: string;
  kind?: ReportKind;
  cadence?: ReportCadence;
  year?: number;
  status?: ReportStatus;
}

const reportsPath = (communeId: string) => `${commune(communeId)}/reports`;
const reportPath = (communeId: string, id: string) => `${reportsPath(communeId)}/${encodeURIComponent(id)}`;

/** What units owe (their subtree for unit roles), with each item's report. */
export function useDueItems(communeId: string, params: DueItemParams, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.dueItems(communeId, params),
    queryFn: ({ signal }) => apiGet<Page<ReportDueItem>>(`${commune(communeId)}/due-items`, { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Reports (the review queue with status submitted). */
export function useReports(communeId: string, params: ReportListParams, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.reportList(communeId, params),
    queryFn: ({ signal }) => apiGet<ReportPage>(reportsPath(communeId), { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Of two copies of a report, the newer: versions only grow, so an answer that left the server before
 * a save or a submit (a refetch still in flight) never puts the older report back on the screen.
 */
export function newerReport(held: ReportDetail | undefined, fresh: ReportDetail): ReportDetail {
  return held && held.id === fresh.id && held.version > fresh.version ? held : fresh;
}

export function useReport(communeId: string, id: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: reportingKeys.report(communeId, id),
    queryFn: async ({ signal }) =>
      newerReport(qc.getQueryData<ReportDetail>(reportingKeys.report(communeId, id)), await apiGet<ReportDetail>(reportPath(communeId, id), undefined, signal)),
    staleTime: 0,
  });
}

export function useReportVersions(communeId: string, id: string, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.versions(communeId, id),
    queryFn: ({ signal }) => apiGet<{ items: ReportVersionEntry[] }>(`${reportPath(communeId, id)}/versions`, undefined, signal),
    select: (d) => d.items,
    staleTime: 0,
    enabled,
  });
}

/** Whether an answer is a whole report (the write routes answer with one; anything else means "refetch"). */
export function isReportDetail(d: unknown): d is ReportDetail {
  return !!d && typeof d === 'object' && 'id' in d && 'version' in d && Array.isArray((d as { form?: unknown }).form);
}

/**
 * Put a write's answer in the cache (or refetch the report when the answer is not a whole report),
 * and mark the lists and versions stale (not awaited: the autosave should not wait for them).
 */
function adopt(qc: ReturnType<typeof useQueryClient>, communeId: string, id: string, d: unknown): void {
  if (isReportDetail(d)) qc.setQueryData<ReportDetail>(reportingKeys.report(communeId, id), (held) => newerReport(held, d));
  else void qc.invalidateQueries({ queryKey: reportingKeys.report(communeId, id), exact: true });
  void qc.invalidateQueries({ queryKey: reportingKeys.versions(communeId, id) });
  void qc.invalidateQueries({ queryKey: [...reportingKeys.reports(communeId), 'due'] });
  void qc.invalidateQueries({ queryKey: [...reportingKeys.reports(communeId), 'list'] });
}

/** Open (or create) the report of a due item. */
export function useOpenReport(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (dueItemId: string) => apiPost<ReportDetail>(`${commune(communeId)}/due-items/${encodeURIComponent(dueItemId)}/report`),
    onSuccess: (d) => adopt(qc, communeId, d.id, d),
  });
}

/** Save a draft (the autosaver calls this); the report in the cache follows the answer. */
export function useSaveReportDraft(communeId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, payload }: { version: number; payload: ReportSavePayload }) =>
      apiPatch<unknown>(reportPath(communeId, id), { version, ...payload }),
    onSuccess: (d) => adopt(qc, communeId, id, d),
  });
}

export type ReportAction =
  | { action: 'submit'; version: number }
  | { action: 'accept'; version: number; comment?: string }
  | { action: 'return'; version: number; comment: string }
  | { action: 'reopen'; version: number; reason: string };

/** Submit, accept, return or reopen a report. */
export function useReportAction(communeId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: ReportAction) => apiPost<unknown>(`${reportPath(communeId, id)}/${action}`, body),
    onSuccess: (d) => adopt(qc, communeId, id, d),
  });
}

/** Upload a unit plan's file. */
export function useUploadReportFile(communeId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<unknown>(`${reportPath(communeId, id)}/file`, file),
    onSuccess: (d) => adopt(qc, communeId, id, d),
  });
}

export function downloadReportFile(communeId: string, id: string, fallbackName: string): Promise<void> {
  return downloadFile(`${reportPath(communeId, id)}/file`, fallbackName);
}
