import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { indicatorValueIssue, type ErrorDetail, type Target } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { rowsOf } from '../../db/security';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import type { IndicatorDef } from './catalogue';
import { target } from './indicators.table';
import { toTarget } from './indicators.mapper';

/** One target to write: a unit's, or the commune's own (unitId null). */
export interface TargetRow {
  unitId: string | null;
  indicatorCode: string;
  year: number;
  value: number;
}
export type TargetOrigin = Target['origin'];

/**
 * Insert or replace targets of one commune (one statement; the key is commune, node, indicator and
 * year). The caller has checked the rows and that no key appears twice. Returns the written rows.
 */
export async function upsertTargets(tx: Tx, communeId: string, rows: readonly TargetRow[], origin: TargetOrigin, userId: string): Promise<Target[]> {
  if (!rows.length) return [];
  const payload = JSON.stringify(rows.map((r) => ({ unit_id: r.unitId, indicator_code: r.indicatorCode, year: r.year, value: r.value })));
  const written = rowsOf<{ id: string }>(
    await tx.execute(sql`
    insert into target (commune_id, unit_id, indicator_code, year, value, origin, updated_by, updated_at)
    select ${communeId}::uuid, x.unit_id, x.indicator_code, x.year, x.value, ${origin}, ${userId}::uuid, now()
    from jsonb_to_recordset(${payload}::jsonb) as x(unit_id uuid, indicator_code text, year int, value numeric)
    on conflict (commune_id, (coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid)), indicator_code, year)
    do update set value = excluded.value, origin = excluded.origin, updated_by = excluded.updated_by, updated_at = excluded.updated_at
    returning id`),
  );
  return selectTargets(
    tx,
    communeId,
    inArray(
      target.id,
      written.map((w) => w.id),
    ),
  );
}

/** Targets of a commune matching `where`, with unit names: the commune's own first, then units by name. */
export async function selectTargets(tx: Tx, communeId: string, where?: SQL): Promise<Target[]> {
  const rows = await tx
    .select({ t: target, unitName: unit.name })
    .from(target)
    .leftJoin(unit, and(eq(unit.communeId, target.communeId), eq(unit.id, target.unitId)))
    .where(and(eq(target.communeId, communeId), where))
    .orderBy(asc(target.indicatorCode), asc(target.year), sql`${target.unitId} is not null`, asc(unit.sortKey), asc(unit.code));
  return rows.map((r) => toTarget(r.t, r.unitName));
}

/**
 * Check a target value against its indicator: an active indicator, a number in its range, at most 100
 * for a percentage, a whole number for counts. Returns the problem, or null.
 */
export function targetIssue(def: IndicatorDef | undefined, code: string, value: number): { field: 'indicatorCode' | 'value'; message: string } | null {
  if (!def) return { field: 'indicatorCode', message: `Không có chỉ tiêu "${code}" trong danh mục của xã/phường.` };
  if (!def.active) return { field: 'indicatorCode', message: `Chỉ tiêu "${code}" đã ngừng sử dụng.` };
  const issue = indicatorValueIssue(def, value);
  return issue ? { field: 'value', message: issue } : null;
}

/** An error detail of item `i` of a batch: field "items.<i>.<name>", row i. */
export const itemDetail = (i: number, field: string, message: string): ErrorDetail => ({ field: `items.${i}.${field}`, row: i, message });

/** Key of a target node, to find duplicates in a batch. */
export const targetKey = (r: { unitId?: string | null; indicatorCode: string; year: number }) => `${r.unitId ?? '-'}|${r.indicatorCode}|${r.year}`;

/** Throw VALIDATION_FAILED listing every bad item, the message naming the first one's row. */
export function throwItemErrors(details: ErrorDetail[]): void {
  const first = details[0];
  if (first) throw new AppError('VALIDATION_FAILED', `Dòng ${(first.row ?? 0) + 1}: ${first.message}`, details);
}
