import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  calendar,
  PlanDetail,
  PlanDoc,
  planImportResult,
  planPage,
  PlanSummary,
  planVersionDetail,
  planVersionSummary,
  publishResult,
} from '@tds/contracts';
import { api, apiGet, apiPatch, apiPost, downloadFile, uploadFile, type Page } from '../../lib/api';

export type PlanImportResult = z.infer<typeof planImportResult>;
export type PlanVersionSummary = z.infer<typeof planVersionSummary>;
export type PlanVersionDetail = z.infer<typeof planVersionDetail>;
export type PublishResult = z.infer<typeof publishResult>;
export type CalendarEntry = z.infer<typeof calendar>['entries'][number];
export type PlanStatus = PlanSummary['status'];

export interface PlanListParams {
  page: number;
  pageSize: number;
  q?: string;
  status?: PlanStatus;
}

const base = (communeId: string) => `/api/communes/${encodeURIComponent(communeId)}/plans`;
const one = (communeId: string, id: string) => `${base(communeId)}/${encodeURIComponent(id)}`;

export const planKeys = {
  commune: (communeId: string) => ['plans', communeId] as const,
  list: (communeId: string, p: PlanListParams) => ['plans', communeId, 'list', p] as const,
  one: (communeId: string, id: string) => ['plans', communeId, 'one', id] as const,
  versions: (communeId: string, id: string) => ['plans', communeId, 'one', id, 'versions'] as const,
  version: (communeId: string, id: string, v: number) => ['plans', communeId, 'one', id, 'versions', v] as const,
  template: (communeId: string) => ['plans', communeId, 'template'] as const,
  calendar: (communeId: string, from: string, to: string, planId?: string) => ['plans', communeId, 'calendar', from, to, planId ?? ''] as const,
};

export function usePlans(communeId: string | null, params: PlanListParams, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(communeId ?? '', params),
    queryFn: ({ signal }) => apiGet<Page<PlanSummary> & { can: z.infer<typeof planPage>['can'] }>(base(communeId!), { ...params }, signal),
    enabled: !!communeId && enabled,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(communeId: string | null, id: string | null) {
  return useQuery({
    queryKey: planKeys.one(communeId ?? '', id ?? ''),
    queryFn: ({ signal }) => apiGet<PlanDetail>(one(communeId!, id!), undefined, signal),
    enabled: !!communeId && !!id,
    staleTime: 0,
  });
}

export function usePlanVersions(communeId: string, id: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.versions(communeId, id),
    queryFn: ({ signal }) => apiGet<{ items: PlanVersionSummary[] }>(`${one(communeId, id)}/versions`, undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function usePlanVersion(communeId: string, id: string, version: number | null) {
  return useQuery({
    queryKey: planKeys.version(communeId, id, version ?? 0),
    queryFn: ({ signal }) => apiGet<PlanVersionDetail>(`${one(communeId, id)}/versions/${version}`, undefined, signal),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

/** The national template prefilled for a commune. */
export function usePlanTemplate(communeId: string | null, enabled = true) {
  return useQuery({
    queryKey: planKeys.template(communeId ?? ''),
    queryFn: ({ signal }) => apiGet<PlanDoc>('/api/plan-template', { communeId }, signal),
    enabled: !!communeId && enabled,
    staleTime: Infinity,
    gcTime: 0,
  });
}

export interface PlanCreateInput {
  doc: PlanDoc;
  source: 'template' | 'import' | 'blank';
  parentPlanId?: string | null;
  ownerUnitId?: string | null;
  note?: string;
}

export function useCreatePlan(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanCreateInput) => apiPost<PlanDetail>(base(communeId), input),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.commune(communeId) }),
  });
}

export function useUpdatePlan(communeId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { doc: PlanDoc; version: number; note?: string }) => apiPatch<PlanDetail>(one(communeId, id), input),
    onSuccess: (d) => {
      qc.setQueryData(planKeys.one(communeId, id), d);
      return qc.invalidateQueries({ queryKey: planKeys.commune(communeId) });
    },
  });
}

/** Parse an uploaded file or pasted text; nothing is saved. */
export function useImportPlan(communeId: string) {
  return useMutation({
    mutationFn: (input: { file: File } | { text: string }) =>
      'file' in input
        ? uploadFile<PlanImportResult>(`${base(communeId)}/import`, input.file)
        : apiPost<PlanImportResult>(`${base(communeId)}/import`, { text: input.text }),
  });
}

export interface PublishInput {
  version: number;
  resolutions: Record<string, string>;
  dryRun: boolean;
  acceptUnreached?: boolean;
}

export function usePublishPlan(communeId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishInput) => api<PublishResult>(`${one(communeId, id)}/publish`, { method: 'POST', body: input }),
    onSuccess: (_r, input) => (input.dryRun ? undefined : qc.invalidateQueries({ queryKey: planKeys.commune(communeId) })),
  });
}

export function useCalendar(communeId: string | null, from: string, to: string, planId?: string) {
  return useQuery({
    queryKey: planKeys.calendar(communeId ?? '', from, to, planId),
    queryFn: ({ signal }) => apiGet<{ entries: CalendarEntry[] }>(`/api/communes/${encodeURIComponent(communeId!)}/calendar`, { from, to, planId }, signal),
    enabled: !!communeId,
    placeholderData: keepPreviousData,
    select: (d) => d.entries,
  });
}

export type PlanFile = 'document.docx' | 'decision.docx';

export function downloadPlanFile(communeId: string, id: string, file: PlanFile, draft: boolean, fallbackName: string): Promise<void> {
  return downloadFile(`${one(communeId, id)}/${file}`, fallbackName, { draft: draft ? 'true' : 'false' });
}

export function planHtmlUrl(communeId: string, id: string, which: 'document' | 'decision'): string {
  return `${one(communeId, id)}/${which}.html`;
}
