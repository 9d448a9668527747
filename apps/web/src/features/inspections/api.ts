import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InspectionAnswerInput,
  InspectionConcludeInput,
  InspectionDetail,
  InspectionFile,
  InspectionFindingInput,
  InspectionInput,
  InspectionMemberCandidates,
  InspectionPage,
  InspectionStatus,
  planPage,
} from '@tds/contracts';
import type { z } from 'zod';
import { apiGet, apiPatch, apiPost, downloadFile, uploadFile } from '../../lib/api';

const enc = encodeURIComponent;
const base = (communeId: string) => `/api/communes/${enc(communeId)}/inspections`;
const one = (communeId: string, id: string) => `${base(communeId)}/${enc(id)}`;

export interface InspectionListParams {
  page: number;
  pageSize: number;
  year?: number;
  unitId?: string;
  status?: InspectionStatus;
  q?: string;
}

export const inspectionKeys = {
  all: (communeId: string) => ['inspections', communeId] as const,
  list: (communeId: string, p: InspectionListParams) => ['inspections', communeId, 'list', p] as const,
  one: (communeId: string, id: string) => ['inspections', communeId, 'one', id] as const,
  members: (communeId: string) => ['inspections', communeId, 'members'] as const,
  plans: (communeId: string) => ['inspections', communeId, 'plans'] as const,
};

export function useInspections(communeId: string, p: InspectionListParams) {
  return useQuery({
    queryKey: inspectionKeys.list(communeId, p),
    queryFn: ({ signal }) => apiGet<InspectionPage>(base(communeId), { ...p }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(communeId: string, id: string) {
  return useQuery({
    queryKey: inspectionKeys.one(communeId, id),
    queryFn: ({ signal }) => apiGet<InspectionDetail>(one(communeId, id), undefined, signal),
  });
}

/** Who may go on a visit (the commune's council roles). */
export function useMemberCandidates(communeId: string, enabled: boolean) {
  return useQuery({
    queryKey: inspectionKeys.members(communeId),
    queryFn: ({ signal }) => apiGet<InspectionMemberCandidates>(`${base(communeId)}/members`, undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** The commune's plans, for the optional link of a visit (the plans module's list). */
export function usePlanChoices(communeId: string, enabled: boolean) {
  return useQuery({
    queryKey: inspectionKeys.plans(communeId),
    queryFn: ({ signal }) => apiGet<z.infer<typeof planPage>>(`/api/communes/${enc(communeId)}/plans`, { page: 1, pageSize: 100 }, signal),
    enabled,
    staleTime: 60_000,
  });
}

export function downloadInspections(communeId: string, p: Omit<InspectionListParams, 'page' | 'pageSize'>) {
  return downloadFile(`${base(communeId)}/export.xlsx`, 'Kiem-tra-giam-sat.xlsx', { ...p });
}
export const downloadRecord = (communeId: string, id: string) => downloadFile(`${one(communeId, id)}/record.xlsx`, 'Ho-so-kiem-tra.xlsx');
export const downloadMinutes = (communeId: string, id: string) => downloadFile(`${one(communeId, id)}/minutes.docx`, 'Bien-ban-kiem-tra.docx');
export const downloadEvidence = (communeId: string, id: string, file: InspectionFile) => downloadFile(`${one(communeId, id)}/files/${enc(file.id)}`, file.name);
export const uploadEvidence = (communeId: string, id: string, file: File) => uploadFile<InspectionFile>(`${one(communeId, id)}/files`, file);

/** Every act on an inspection answers with the inspection as it is now: the cache takes it. */
export type InspectionAct =
  | { kind: 'edit'; input: InspectionInput & { version: number } }
  | { kind: 'record'; input: InspectionFindingInput }
  | { kind: 'conclude'; input: InspectionConcludeInput }
  | { kind: 'reopen' | 'close'; version: number }
  | { kind: 'cancel'; version: number; reason: string }
  | { kind: 'answer'; recId: string; input: InspectionAnswerInput }
  | { kind: 'closeRec'; recId: string; version: number }
  | { kind: 'returnRec'; recId: string; version: number; comment: string };

export function useInspectionAct(communeId: string, id: string) {
  const qc = useQueryClient();
  const url = one(communeId, id);
  return useMutation({
    mutationFn: (a: InspectionAct): Promise<InspectionDetail> => {
      switch (a.kind) {
        case 'edit':
          return apiPatch(url, a.input);
        case 'record':
          return apiPost(`${url}/findings`, a.input);
        case 'conclude':
          return apiPost(`${url}/conclude`, a.input);
        case 'reopen':
        case 'close':
          return apiPost(`${url}/${a.kind}`, { version: a.version });
        case 'cancel':
          return apiPost(`${url}/cancel`, { version: a.version, reason: a.reason });
        case 'answer':
          return apiPost(`${url}/recommendations/${enc(a.recId)}/answer`, a.input);
        case 'closeRec':
          return apiPost(`${url}/recommendations/${enc(a.recId)}/close`, { version: a.version });
        case 'returnRec':
          return apiPost(`${url}/recommendations/${enc(a.recId)}/return`, { version: a.version, comment: a.comment });
      }
    },
    onSuccess: (d) => {
      qc.setQueryData(inspectionKeys.one(communeId, id), d);
      void qc.invalidateQueries({ queryKey: [...inspectionKeys.all(communeId), 'list'] });
      void qc.invalidateQueries({ queryKey: ['home', 'todo'] });
    },
  });
}

export function useCreateInspection(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InspectionInput) => apiPost<InspectionDetail>(base(communeId), input),
    onSuccess: (d) => {
      qc.setQueryData(inspectionKeys.one(communeId, d.id), d);
      void qc.invalidateQueries({ queryKey: [...inspectionKeys.all(communeId), 'list'] });
    },
  });
}
