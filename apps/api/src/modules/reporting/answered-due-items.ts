import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { dueItem } from '../plans';
import { registration, report } from './reporting.table';

/**
 * Of these due items, those a report or a registration answers; with `submitted`, only those
 * answered by a submitted or accepted report, or a submitted registration (of the item itself, or
 * for a registration deadline, of the same plan, unit and year). Registered as the reporting
 * module's use of due items.
 */
export async function answeredDueItems(tx: Tx, communeId: string, ids: readonly string[], opts: { submitted?: boolean } = {}): Promise<ReadonlySet<string>> {
  if (ids.length === 0) return new Set();
  const list = [...ids];
  // One query at a time: a transaction's connection runs its statements in turn.
  const reports = await tx
    .select({ id: report.dueItemId })
    .from(report)
    .where(
      and(eq(report.communeId, communeId), inArray(report.dueItemId, list), opts.submitted ? inArray(report.status, ['submitted', 'accepted']) : undefined),
    );
  const registrations = await tx
    .select({ id: dueItem.id })
    .from(dueItem)
    .innerJoin(
      registration,
      and(
        eq(registration.communeId, dueItem.communeId),
        or(
          eq(registration.dueItemId, dueItem.id),
          and(
            eq(dueItem.kind, 'registration'),
            eq(registration.planId, dueItem.planId),
            eq(registration.unitId, dueItem.unitId),
            eq(registration.year, dueItem.year),
          ),
        ),
      ),
    )
    .where(and(eq(dueItem.communeId, communeId), inArray(dueItem.id, list), opts.submitted ? eq(registration.status, 'submitted') : undefined));
  return new Set([...reports, ...registrations].map((r) => r.id).filter((id): id is string => !!id));
}
