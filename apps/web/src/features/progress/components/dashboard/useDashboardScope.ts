import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCommune, useCurrentMe } from '../../../../lib/session';
import { useProvinces } from '../../../org';
import type { ProgressScopeRef } from '../../api';
import { parseDashboardParams, type DashboardLevel } from '../../dashboardParams';

export interface ProvinceChoice {
  id: string;
  name: string;
}

/**
 * The provinces a user can look at as a whole: a province officer's own; every province for a system
 * administrator; none for commune roles.
 */
function useProvinceChoices(): ProvinceChoice[] {
  const me = useCurrentMe();
  const isSystem = me.roles.some((r) => r.role === 'system_admin');
  const all = useProvinces({ page: 1, pageSize: 200 }, isSystem);
  return useMemo(() => {
    if (isSystem) return (all.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }));
    const seen = new Map<string, string>();
    for (const r of me.roles) if (r.role === 'province_officer' && r.provinceId) seen.set(r.provinceId, r.scopeName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [isSystem, all.data, me.roles]);
}

/**
 * What the dashboard shows, kept in the address (?scope=province&province=…&year=…&period=…&indicator=…)
 * so a view can be bookmarked and the back button undoes a drill-down.
 */
export function useDashboardScope() {
  const me = useCurrentMe();
  const { communeId, commune, setCommuneId } = useCommune();
  const provinces = useProvinceChoices();
  const [params, setParams] = useSearchParams();
  const isProvinceOfficer = me.roles.some((r) => r.role === 'province_officer');
  const parsed = parseDashboardParams(params, { defaultLevel: isProvinceOfficer ? 'province' : 'commune', provinceIds: provinces.map((p) => p.id) });

  const level: DashboardLevel = parsed.level === 'province' && provinces.length > 0 ? 'province' : 'commune';
  const provinceId = parsed.provinceId;
  const scope: ProgressScopeRef | null =
    level === 'province' ? (provinceId ? { level: 'province', id: provinceId } : null) : communeId ? { level: 'commune', id: communeId } : null;

  const update = useCallback(
    (patch: Record<string, string | null>, push = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: !push },
      );
    },
    [setParams],
  );

  return {
    scope,
    level,
    provinces,
    provinceId,
    provinceName: provinces.find((p) => p.id === provinceId)?.name ?? '',
    communeName: commune?.name ?? '',
    canSeeProvince: provinces.length > 0,
    year: parsed.year,
    period: parsed.period,
    indicatorCode: parsed.indicatorCode,
    planId: parsed.planId,
    setPlan: (id: string | null) => update({ plan: id }),
    setYear: (y: number) => update({ year: String(y) }),
    setPeriod: (p: number) => update({ period: String(p) }),
    setIndicator: (code: string) => update({ indicator: code }),
    setLevel: (l: DashboardLevel) => update({ scope: l }, true),
    setProvince: (id: string) => update({ province: id }),
    /** From the province view to one of its communes (the back button returns). */
    drillToCommune: (id: string) => {
      setCommuneId(id);
      update({ scope: 'commune' }, true);
    },
  };
}
