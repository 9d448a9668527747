import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person, PersonPage } from '@tds/contracts';
import { apiGet, apiPatch, apiPost } from '../../lib/api';

export interface PersonListParams {
  page: number;
  pageSize: number;
  q?: string;
  unitId?: string;
}

const base = (communeId: string) => `/api/communes/${encodeURIComponent(communeId)}/people`;

export const peopleKeys = {
  commune: (communeId: string) => ['people', communeId] as const,
  list: (communeId: string, p: PersonListParams) => ['people', communeId, 'list', p] as const,
  one: (communeId: string, id: string) => ['people', communeId, 'one', id] as const,
};

export function usePeople(communeId: string | null, params: PersonListParams) {
  return useQuery({
    queryKey: peopleKeys.list(communeId ?? '', params),
    queryFn: ({ signal }) => apiGet<PersonPage>(base(communeId!), { ...params }, signal),
    enabled: !!communeId,
    placeholderData: keepPreviousData,
  });
}

export function usePerson(communeId: string | null, id: string | null) {
  return useQuery({
    queryKey: peopleKeys.one(communeId ?? '', id ?? ''),
    queryFn: ({ signal }) => apiGet<Person>(`${base(communeId!)}/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!communeId && !!id,
    staleTime: 0,
  });
}

export function useSavePerson(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; input: unknown }) =>
      args.id ? apiPatch<Person>(`${base(communeId)}/${encodeURIComponent(args.id)}`, args.input) : apiPost<Person>(base(communeId), args.input),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKeys.commune(communeId) }),
  });
}
