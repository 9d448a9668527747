import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Commune, ImportResult, Province, Unit, UnitInput, UnitKind, UnitPage, UnitUpdateInput } from '@tds/contracts';
import { apiGet, apiPatch, apiPost, downloadFile, uploadFile, type Page } from '../../lib/api';

export interface UnitTreeItem {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  active: boolean;
}

export interface UnitListParams {
  page: number;
  pageSize: number;
  q?: string;
  kind?: UnitKind;
  parentId?: string;
  includeInactive?: boolean;
}

export const orgKeys = {
  all: ['org'] as const,
  units: (communeId: string) => ['org', 'units', communeId] as const,
  unitList: (communeId: string, p: UnitListParams) => ['org', 'units', communeId, 'list', p] as const,
  tree: (communeId: string) => ['org', 'units', communeId, 'tree'] as const,
  unit: (communeId: string, id: string) => ['org', 'units', communeId, 'one', id] as const,
  provinces: (p: object) => ['org', 'provinces', p] as const,
  communes: (p: object) => ['org', 'communes', p] as const,
};

const base = (communeId: string) => `/api/communes/${encodeURIComponent(communeId)}/units`;

export function useUnits(communeId: string | null, params: UnitListParams) {
  return useQuery({
    queryKey: orgKeys.unitList(communeId ?? '', params),
    queryFn: ({ signal }) =>
      apiGet<UnitPage>(
        base(communeId!),
        {
          page: params.page,
          pageSize: params.pageSize,
          q: params.q,
          kind: params.kind,
          parentId: params.parentId,
          includeInactive: params.includeInactive ? 'true' : 'false',
        },
        signal,
      ),
    enabled: !!communeId,
    placeholderData: keepPreviousData,
  });
}

export function useUnitTree(communeId: string | null) {
  return useQuery({
    queryKey: orgKeys.tree(communeId ?? ''),
    queryFn: ({ signal }) => apiGet<{ communeId: string; units: UnitTreeItem[] }>(`${base(communeId!)}/tree`, undefined, signal),
    enabled: !!communeId,
    select: (d) => d.units,
  });
}

export function useUnit(communeId: string | null, id: string | null) {
  return useQuery({
    queryKey: orgKeys.unit(communeId ?? '', id ?? ''),
    queryFn: ({ signal }) => apiGet<Unit>(`${base(communeId!)}/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!communeId && !!id,
    staleTime: 0,
  });
}

export function useSaveUnit(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; input: UnitInput | UnitUpdateInput }) =>
      args.id ? apiPatch<Unit>(`${base(communeId)}/${encodeURIComponent(args.id)}`, args.input) : apiPost<Unit>(base(communeId), args.input),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.units(communeId) }),
  });
}

export function downloadUnitExport(communeId: string) {
  return downloadFile(`${base(communeId)}/export.xlsx`, 'don-vi.xlsx');
}

export function downloadUnitTemplate(communeId: string) {
  return downloadFile(`${base(communeId)}/import-template.xlsx`, 'mau-nhap-don-vi.xlsx');
}

export function useImportUnits(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { file: Blob; dryRun: boolean }) =>
      uploadFile<ImportResult>(`${base(communeId)}/import`, args.file, { dryRun: args.dryRun ? 'true' : 'false' }),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: orgKeys.units(communeId) });
    },
  });
}

// ---- Territory (system admins) -------------------------------------------------------------

export function useProvinces(params: { page: number; pageSize: number; q?: string }, enabled = true) {
  return useQuery({
    queryKey: orgKeys.provinces(params),
    queryFn: ({ signal }) => apiGet<Page<Province>>('/api/provinces', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCommunes(params: { page: number; pageSize: number; q?: string; provinceId?: string }, enabled = true) {
  return useQuery({
    queryKey: orgKeys.communes(params),
    queryFn: ({ signal }) => apiGet<Page<Commune>>('/api/communes', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveProvince() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; input: { code: string; name: string } }) =>
      args.id ? apiPatch<Province>(`/api/provinces/${encodeURIComponent(args.id)}`, args.input) : apiPost<Province>('/api/provinces', args.input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['org', 'provinces'] }),
  });
}

export type CommuneInputBody = Omit<Commune, 'id' | 'provinceName'>;

export function useSaveCommune() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; input: Partial<CommuneInputBody> }) =>
      args.id ? apiPatch<Commune>(`/api/communes/${encodeURIComponent(args.id)}`, args.input) : apiPost<Commune>('/api/communes', args.input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['org', 'communes'] });
      await qc.invalidateQueries({ queryKey: ['org', 'provinces'] });
      // The commune switcher comes from Me.
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
