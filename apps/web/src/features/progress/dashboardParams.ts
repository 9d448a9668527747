/** The dashboard's view as read from the address bar. Pure: unit-tested. */
import { vietnamYear } from '@tds/contracts';

export type DashboardLevel = 'commune' | 'province';

export interface DashboardParams {
  level: DashboardLevel;
  provinceId: string | null;
  year: number;
  period: 0 | 1 | 2;
  indicatorCode: string | null;
  /** The commune's plan whose cycles and consolidated report are shown; null: every plan. */
  planId: string | null;
}

/** The years offered: six years back (a plan runs five) to next year, newest first. */
export function yearOptions(currentYear: number): number[] {
  const from = currentYear - 6;
  const out: number[] = [];
  for (let y = currentYear + 1; y >= from; y -= 1) out.push(y);
  return out;
}

/**
 * Read ?scope, ?province, ?year, ?period, ?indicator and ?plan, falling back to sensible defaults for
 * anything missing or invalid: the user's own level, their first province, this year (in Vietnam), the whole year.
 */
export function parseDashboardParams(
  params: URLSearchParams,
  opts: { defaultLevel: DashboardLevel; provinceIds: readonly string[]; currentYear?: number },
): DashboardParams {
  const currentYear = opts.currentYear ?? vietnamYear();
  const scope = params.get('scope');
  const level: DashboardLevel = scope === 'province' || scope === 'commune' ? scope : opts.defaultLevel;
  const wanted = params.get('province');
  const provinceId = wanted && opts.provinceIds.includes(wanted) ? wanted : (opts.provinceIds[0] ?? null);
  const y = Number(params.get('year'));
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : currentYear;
  const p = params.get('period');
  const period = p === '1' ? 1 : p === '2' ? 2 : 0;
  const indicatorCode = params.get('indicator')?.trim() || null;
  const plan = params.get('plan')?.trim() ?? '';
  const planId = /^[0-9a-f-]{36}$/u.test(plan) ? plan : null;
  return { level, provinceId, year, period, indicatorCode, planId };
}
