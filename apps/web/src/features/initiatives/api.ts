import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Initiative, InitiativePage } from '@tds/contracts';
import { api, apiGet, apiPatch, apiPost, downloadFile, uploadFile } from '../../lib/api';

export interface InitiativeListParams {
  page: number;
  pageSize: number;
  q?: string;
  year?: number;
  unitId?: string;
  personId?: string;
  domain?: string;
  recognized?: 'true' | 'false';
}

const enc = encodeURIComponent;
const base = (communeId: string) => `/api/communes/${enc(communeId)}/initiatives`;
export const initiativeKeys = {
  commune: (communeId: string) => ['initiatives', communeId] as const,
  list: (communeId: string, p: InitiativeListParams) => ['initiatives', communeId, 'list', p] as const,
  one: (communeId: string, id: string) => ['initiatives', communeId, 'one', id] as const,
};

/** A page of the register; `enabled: false` asks nothing (a card shown only to those who read it). */
export function useInitiatives(communeId: string, params: InitiativeListParams, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: initiativeKeys.list(communeId, params),
    queryFn: ({ signal }) => apiGet<InitiativePage>(base(communeId), { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useInitiative(communeId: string, id: string | null) {
  return useQuery({
    queryKey: initiativeKeys.one(communeId, id ?? ''),
    queryFn: ({ signal }) => apiGet<Initiative>(`${base(communeId)}/${enc(id!)}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

/** Every write answers the initiative as it now is: the detail is set, the lists refetched. */
function useInitiativeWrite<A>(communeId: string, fn: (a: A) => Promise<Initiative | void>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      if (r) qc.setQueryData(initiativeKeys.one(communeId, r.id), r);
      void qc.invalidateQueries({ queryKey: [...initiativeKeys.commune(communeId), 'list'] });
    },
  });
}

export const useSaveInitiative = (communeId: string) =>
  useInitiativeWrite(communeId, (a: { id?: string; input: unknown }) =>
    a.id ? apiPatch<Initiative>(`${base(communeId)}/${enc(a.id)}`, a.input) : apiPost<Initiative>(base(communeId), a.input),
  );
export const useDeleteInitiative = (communeId: string) =>
  useInitiativeWrite(communeId, (id: string) => api<void>(`${base(communeId)}/${enc(id)}`, { method: 'DELETE' }));
export const useRecognize = (communeId: string, id: string) =>
  useInitiativeWrite(communeId, (input: unknown) => apiPost<Initiative>(`${base(communeId)}/${enc(id)}/recognitions`, input));
export const useDeleteRecognition = (communeId: string, id: string) =>
  useInitiativeWrite(communeId, (rid: string) => api<Initiative>(`${base(communeId)}/${enc(id)}/recognitions/${enc(rid)}`, { method: 'DELETE' }));
export const useAttachFile = (communeId: string, id: string) =>
  useInitiativeWrite(communeId, (file: File) => uploadFile<Initiative>(`${base(communeId)}/${enc(id)}/files`, file));
export const useDeleteFile = (communeId: string, id: string) =>
  useInitiativeWrite(communeId, (fileId: string) => api<Initiative>(`${base(communeId)}/${enc(id)}/files/${enc(fileId)}`, { method: 'DELETE' }));

export const downloadInitiativeFile = (communeId: string, id: string, fileId: string, name: string) =>
  downloadFile(`${base(communeId)}/${enc(id)}/files/${enc(fileId)}`, name);
export const downloadInitiativesExport = (communeId: string, filters: Omit<InitiativeListParams, 'page' | 'pageSize'>) =>
  downloadFile(`${base(communeId)}/export.xlsx`, 'sang-kien.xlsx', { ...filters });
