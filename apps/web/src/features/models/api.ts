import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Model, ModelPage } from '@tds/contracts';
import { api, apiGet, apiPatch, apiPost, downloadFile, uploadFile } from '../../lib/api';

export interface ModelListParams {
  page: number;
  pageSize: number;
  q?: string;
  year?: number;
  status?: 'draft' | 'published';
  unitId?: string;
  personId?: string;
}

const enc = encodeURIComponent;
const base = (communeId: string) => `/api/communes/${enc(communeId)}/models`;
export const modelKeys = {
  commune: (communeId: string) => ['models', communeId] as const,
  list: (communeId: string, p: ModelListParams) => ['models', communeId, 'list', p] as const,
  one: (communeId: string, id: string) => ['models', communeId, 'one', id] as const,
};

/** A page of the models; `enabled: false` asks nothing (a card shown only to those who read them). */
export function useModels(communeId: string, params: ModelListParams, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: modelKeys.list(communeId, params),
    queryFn: ({ signal }) => apiGet<ModelPage>(base(communeId), { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useModel(communeId: string, id: string | null) {
  return useQuery({
    queryKey: modelKeys.one(communeId, id ?? ''),
    queryFn: ({ signal }) => apiGet<Model>(`${base(communeId)}/${enc(id!)}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

function useModelWrite<A>(communeId: string, fn: (a: A) => Promise<Model | void>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      if (r) qc.setQueryData(modelKeys.one(communeId, r.id), r);
      void qc.invalidateQueries({ queryKey: [...modelKeys.commune(communeId), 'list'] });
    },
  });
}

export const useSaveModel = (communeId: string) =>
  useModelWrite(communeId, (a: { id?: string; input: unknown }) =>
    a.id ? apiPatch<Model>(`${base(communeId)}/${enc(a.id)}`, a.input) : apiPost<Model>(base(communeId), a.input),
  );
export const useStepModel = (communeId: string) =>
  useModelWrite(communeId, (a: { id: string; step: 'publish' | 'unpublish'; version: number }) =>
    apiPost<Model>(`${base(communeId)}/${enc(a.id)}/${a.step}`, { version: a.version }),
  );
export const useDeleteModel = (communeId: string) => useModelWrite(communeId, (id: string) => api<void>(`${base(communeId)}/${enc(id)}`, { method: 'DELETE' }));
export const useAddPhoto = (communeId: string, id: string) =>
  useModelWrite(communeId, (file: File) => uploadFile<Model>(`${base(communeId)}/${enc(id)}/photos`, file));
export const useDeletePhoto = (communeId: string, id: string) =>
  useModelWrite(communeId, (photoId: string) => api<Model>(`${base(communeId)}/${enc(id)}/photos/${enc(photoId)}`, { method: 'DELETE' }));

export const modelPhotoUrl = (communeId: string, id: string, photoId: string) => `${base(communeId)}/${enc(id)}/photos/${enc(photoId)}`;
export const downloadModelsExport = (communeId: string, year: number, format: 'xlsx' | 'docx') =>
  downloadFile(`${base(communeId)}/export.${format}`, `dien-hinh-${year}.${format}`, { year });
