import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserPage } from '@tds/contracts';
import { apiGet, apiPatch, apiPost } from '../../lib/api';

export interface UserListParams {
  page: number;
  pageSize: number;
  q?: string;
  communeId?: string;
}

export const userKeys = {
  all: ['users'] as const,
  list: (p: UserListParams) => ['users', 'list', p] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => apiGet<UserPage>('/api/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: userKeys.one(id ?? ''),
    queryFn: ({ signal }) => apiGet<User>(`/api/users/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: userKeys.all });
}

export function useSaveUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (args: { id?: string; input: unknown }) =>
      args.id ? apiPatch<User>(`/api/users/${encodeURIComponent(args.id)}`, args.input) : apiPost<User>('/api/users', args.input),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (args: { id: string; newPassword: string }) =>
      apiPost<unknown>(`/api/users/${encodeURIComponent(args.id)}/reset-password`, { newPassword: args.newPassword }),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => apiPost<unknown>(`/api/users/${encodeURIComponent(id)}/unlock`, {}),
    onSuccess: invalidate,
  });
}

export function isLocked(u: Pick<User, 'lockedUntil'>, now = Date.now()): boolean {
  if (!u.lockedUntil) return false;
  const t = Date.parse(u.lockedUntil);
  return Number.isFinite(t) && t > now;
}
