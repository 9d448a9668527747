import { and, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { target } from './indicators.table';

/** An indicator a unit registered, with its target for each year. */
interface RegisteredIndicator {
  code: string;
  targets: readonly { year: number; value: number }[];
}

/** Each (indicator, year) target of a registration. */
function pairs(indicators: RegisteredIndicator[]) {
  return indicators.flatMap((i) => i.targets.map((t) => ({ code: i.code, year: t.year, value: t.value })));
}

/**
 * Write a submitted registration's targets as the unit's targets (origin 'registration'), upserting on
 * the node's unique (commune, unit, indicator, year); targets an amendment dropped are removed when the
 * registration had set them. Runs inside the saving transaction.
 */
export async function writeRegistrationTargets(
  tx: Tx,
  opts: { communeId: string; unitId: string; userId: string; before: RegisteredIndicator[]; after: RegisteredIndicator[] },
) {
  const { communeId, unitId } = opts;
  const now = pairs(opts.after);
  const kept = new Set(now.map((p) => `${p.code}|${p.year}`));
  const dropped = pairs(opts.before).filter((p) => !kept.has(`${p.code}|${p.year}`));
  if (dropped.length) {
    await tx
      .delete(target)
      .where(
        and(
          eq(target.communeId, communeId),
          eq(target.unitId, unitId),
          eq(target.origin, 'registration'),
          or(...dropped.map((p) => and(eq(target.indicatorCode, p.code), eq(target.year, p.year)))),
        ),
      );
  }
  if (now.length === 0) return;
  const rows = sql.join(
    now.map(
      (p) => sql`(${communeId}::uuid, ${unitId}::uuid, ${p.code}, ${p.year}::int, ${String(p.value)}::numeric, 'registration', ${opts.userId}::uuid, now())`,
    ),
    sql`, `,
  );
  await tx.execute(sql`insert into target (commune_id, unit_id, indicator_code, year, value, origin, updated_by, updated_at) values ${rows}
    on conflict (commune_id, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), indicator_code, year)
    do update set value = excluded.value, origin = excluded.origin, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
}
