import { and, asc, eq, inArray } from 'drizzle-orm';
import { trainingIndicatorCodes, type ProvinceCoverage } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorizeProvince } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { indicatorRollup } from '../indicators';
import { commune } from '../org';

/**
 * The province's communes side by side, from the roll-ups of the computed indicators (kept current
 * in each recording transaction): aggregates only, nothing about a resident.
 */
export async function getProvinceCoverage(opts: { db: Db; actor: Actor; provinceId: string; year: number }): Promise<ProvinceCoverage> {
  const { actor, provinceId, year } = opts;
  authorizeProvince(actor, 'training.read', provinceId);
  return inScope(opts.db, actor.scope, async (tx) => {
    const communes = await tx.select({ id: commune.id, name: commune.name }).from(commune).where(eq(commune.provinceId, provinceId)).orderBy(asc(commune.name));
    const rows = await tx
      .select()
      .from(indicatorRollup)
      .where(
        and(
          eq(indicatorRollup.provinceId, provinceId),
          eq(indicatorRollup.year, year),
          eq(indicatorRollup.period, 0),
          inArray(indicatorRollup.indicatorCode, [...trainingIndicatorCodes]),
        ),
      );
    const of = (communeId: string, code: string) => rows.find((r) => r.communeId === communeId && r.indicatorCode === code);
    const pct = (num: number, den: number) => (den ? Math.round((num / den) * 1000) / 10 : null);
    const list = communes.map((c) => {
      const skills = of(c.id, 'XH.KNS_CO_BAN');
      const teams = of(c.id, 'XH.THON_CO_TO_CNSCD');
      return {
        communeId: c.id,
        communeName: c.name,
        adults: Math.round(skills?.sumDenominator ?? 0),
        trained: Math.round(skills?.sumNumerator ?? 0),
        ratio: pct(skills?.sumNumerator ?? 0, skills?.sumDenominator ?? 0),
        vneidLevel2: Math.round(of(c.id, 'XH.VNEID_MUC_2')?.sumNumerator ?? 0),
        sessions: Math.round(of(c.id, 'XH.BUOI_HUONG_DAN')?.sumValue ?? 0),
        helped: Math.round(of(c.id, 'XH.NGUOI_DAN_DUOC_HO_TRO')?.sumValue ?? 0),
        villagesWithTeam: Math.round(teams?.sumNumerator ?? 0),
        villages: Math.round(teams?.sumDenominator ?? 0),
      };
    });
    const sum = (f: (c: (typeof list)[number]) => number) => list.reduce((s, c) => s + f(c), 0);
    const adults = sum((c) => c.adults);
    const trained = sum((c) => c.trained);
    return {
      year,
      totals: {
        adults,
        trained,
        ratio: pct(trained, adults),
        vneidLevel2: sum((c) => c.vneidLevel2),
        sessions: sum((c) => c.sessions),
        helped: sum((c) => c.helped),
        villagesWithTeam: sum((c) => c.villagesWithTeam),
        villages: sum((c) => c.villages),
      },
      communes: list,
    };
  });
}
