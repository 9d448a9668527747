import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunePeriodKind, CommuneReportDetail, CommuneReportPage, ProvinceCommuneReportPage } from '@tds/contracts';
import { apiGet, apiPatch, apiPost } from '../../lib/api';

const commune = (communeId: string) => `/api/communes/${encodeURIComponent(communeId)}/commune-reports`;
const province = (provinceId: string) => `/api/provinces/${encodeURIComponent(provinceId)}/commune-reports`;

export const communeReportKeys = {
  all: ['commune-reports'] as const,
  list: (communeId: string, page: number, pageSize: number) => ['commune-reports', 'commune', communeId, page, pageSize] as const,
  one: (communeId: string, id: string) => ['commune-reports', 'one', communeId, id] as const,
  province: (provinceId: string, p: ProvinceListParams) => ['commune-reports', 'province', provinceId, p] as const,
};

export interface ProvinceListParams {
  period: CommunePeriodKind;
  year: number;
  page: number;
  pageSize: number;
}

/** What the commune owes its province, page by page. */
export function useCommuneReports(communeId: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: communeReportKeys.list(communeId ?? '', page, pageSize),
    queryFn: ({ signal }) => apiGet<CommuneReportPage>(commune(communeId!), { page, pageSize }, signal),
    enabled: !!communeId,
    placeholderData: keepPreviousData,
  });
}

export function useCommuneReport(communeId: string, id: string) {
  return useQuery({
    queryKey: communeReportKeys.one(communeId, id),
    queryFn: ({ signal }) => apiGet<CommuneReportDetail>(`${commune(communeId)}/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** Every commune of the province for a period, with the counts. */
export function useProvinceCommuneReports(provinceId: string | null, p: ProvinceListParams) {
  return useQuery({
    queryKey: communeReportKeys.province(provinceId ?? '', p),
    queryFn: ({ signal }) => apiGet<ProvinceCommuneReportPage>(province(provinceId!), { ...p }, signal),
    enabled: !!provinceId,
    placeholderData: keepPreviousData,
  });
}

export type CommuneReportAct =
  | { kind: 'save'; version: number; sections: { planId: string; text: string }[] }
  /** With `sections`: the unsaved texts are saved first, and the act taken from the saved version. */
  | { kind: 'prepare' | 'submit'; version: number; sections?: { planId: string; text: string }[] }
  | { kind: 'return'; version: number; comment: string }
  | { kind: 'accept'; version: number };

/** One act on a report (the commune's or the province's); the answer replaces the cached report. */
export function useCommuneReportAct(report: Pick<CommuneReportDetail, 'id' | 'communeId' | 'provinceId'>) {
  const qc = useQueryClient();
  const one = `${commune(report.communeId)}/${encodeURIComponent(report.id)}`;
  const theirs = `${province(report.provinceId)}/${encodeURIComponent(report.id)}`;
  return useMutation({
    mutationFn: (act: CommuneReportAct): Promise<CommuneReportDetail> => {
      switch (act.kind) {
        case 'save':
          return apiPatch(one, { version: act.version, sections: act.sections });
        case 'prepare':
        case 'submit':
          return (act.sections ? apiPatch<CommuneReportDetail>(one, { version: act.version, sections: act.sections }) : Promise.resolve(null)).then((saved) =>
            apiPost<CommuneReportDetail>(`${one}/${act.kind}`, { version: saved?.version ?? act.version }),
          );
        case 'return':
          return apiPost(`${theirs}/return`, { version: act.version, comment: act.comment });
        case 'accept':
          return apiPost(`${theirs}/accept`, { version: act.version });
      }
    },
    onSuccess: (data) => {
      qc.setQueryData(communeReportKeys.one(report.communeId, report.id), data);
      void qc.invalidateQueries({ queryKey: ['commune-reports', 'commune'] });
      void qc.invalidateQueries({ queryKey: ['commune-reports', 'province'] });
    },
    onError: () => void qc.invalidateQueries({ queryKey: communeReportKeys.one(report.communeId, report.id) }),
  });
}
