import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { commune } from '../org';
import { nationalDef, type IndicatorDef } from './catalogue';
import { indicator, target } from './indicators.table';

/** The national catalogue by code (provinces set targets on national indicators only). */
export async function nationalMap(tx: Tx): Promise<Map<string, IndicatorDef>> {
  const rows = await tx.select().from(indicator);
  return new Map(rows.map((r) => [r.code, nationalDef(r)]));
}

/** The commune-level targets (unit null) of a province's communes, by commune name. */
export async function communeTargetsOf(tx: Tx, provinceId: string, filter: { year?: number; indicatorCode?: string; communeIds?: readonly string[] }) {
  const rows = await tx
    .select({ t: target, communeName: commune.name })
    .from(target)
    .innerJoin(commune, eq(commune.id, target.communeId))
    .where(
      and(
        eq(commune.provinceId, provinceId),
        isNull(target.unitId),
        filter.year ? eq(target.year, filter.year) : undefined,
        filter.indicatorCode ? eq(target.indicatorCode, filter.indicatorCode) : undefined,
      ),
    )
    .orderBy(asc(target.indicatorCode), asc(target.year), asc(commune.name));
  return rows
    .filter((r) => !filter.communeIds || filter.communeIds.includes(r.t.communeId))
    .map((r) => ({
      communeId: r.t.communeId,
      communeName: r.communeName,
      indicatorCode: r.t.indicatorCode,
      year: r.t.year,
      value: r.t.value,
      origin: r.t.origin as 'manual' | 'split' | 'registration',
    }));
}
