import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '@tds/contracts';
import { apiGet, type Page } from '../../lib/api';

export interface AuditParams {
  page: number;
  pageSize: number;
  communeId?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
}

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => apiGet<Page<AuditEntry>>('/api/audit', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
