import { and, eq, inArray } from 'drizzle-orm';
import { indicatorValueIssue, type ErrorDetail } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { derivedValueProviders } from '../../platform/extensions';
import { unit } from '../org';
import { indicatorMap, type IndicatorDef } from './catalogue';
import { indicatorValue } from './indicators.table';
import { refreshRollup } from './rollup';

/** One figure a provider computed for a unit: a value, or for ratio indicators its two parts. */
export interface DerivedRow {
  unitId: string;
  indicatorCode: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/**
 * Another module that feeds indicator values (e.g. the digital-skills training module computing
 * coverage per village). `key` names it in indicator.provider_key and in indicator_value.source_key
 * ("derived:<key>"); `indicatorCodes` are the indicators it owns.
 */
export interface DerivedValueProvider {
  key: string;
  indicatorCodes: string[];
  compute(tx: Tx, communeId: string, year: number, period: number): Promise<DerivedRow[]>;
}

const registry = new Map<string, DerivedValueProvider>();

/** Register (or replace) a provider; modules call this once when they load. */
export function registerProvider(p: DerivedValueProvider): void {
  registry.set(p.key, p);
}

/** Every registered provider: the modules' (their manifests) and any registered here. */
export function providers(): DerivedValueProvider[] {
  const own = [...registry.values()];
  return [...own, ...derivedValueProviders().filter((p) => !registry.has(p.key))];
}

const providerOf = (key: string) => registry.get(key) ?? derivedValueProviders().find((p) => p.key === key);

/** Remove a provider (tests). */
export function unregisterProvider(key: string): void {
  registry.delete(key);
}

const isPercent = (measure: string) => measure.trim() === '%';

/** Check the rows against the catalogue and the commune's units; every problem is reported. */
async function checkRows(
  tx: Tx,
  communeId: string,
  p: DerivedValueProvider,
  rows: readonly DerivedRow[],
  defs: Map<string, IndicatorDef>,
): Promise<ErrorDetail[]> {
  const ids = [...new Set(rows.map((r) => r.unitId))];
  const known = new Set(
    ids.length
      ? (
          await tx
            .select({ id: unit.id })
            .from(unit)
            .where(and(eq(unit.communeId, communeId), inArray(unit.id, ids)))
        ).map((u) => u.id)
      : [],
  );
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const def = defs.get(r.indicatorCode);
    const at = (field: string, message: string) => details.push({ field: `rows.${i}.${field}`, row: i, message });
    if (!p.indicatorCodes.includes(r.indicatorCode) || !def) return at('indicatorCode', `Nguồn "${p.key}" không cung cấp chỉ tiêu "${r.indicatorCode}".`);
    if (!known.has(r.unitId)) at('unitId', 'Đơn vị không thuộc xã/phường này.');
    if (seen.has(`${r.unitId}|${r.indicatorCode}`)) at('unitId', 'Trùng đơn vị và chỉ tiêu với một dòng trước.');
    seen.add(`${r.unitId}|${r.indicatorCode}`);
    if (def.aggregation === 'ratio') {
      if (r.numerator == null || r.denominator == null || r.numerator < 0 || r.denominator < 0)
        return at('denominator', 'Chỉ tiêu tỷ lệ cần tử số và mẫu số không âm.');
      if (r.numerator > r.denominator && isPercent(def.measure)) at('numerator', 'Tử số không được lớn hơn mẫu số.');
    } else if (r.value == null) at('value', 'Thiếu giá trị.');
    else {
      const issue = indicatorValueIssue(def, r.value);
      if (issue) at('value', issue);
    }
  });
  return details;
}

/**
 * Replace a provider's figures for a commune, year and period (indicator_value rows with source_key
 * "derived:<key>" for the provider's indicators) and refresh the commune roll-up, in the caller's
 * transaction. A ratio row's value is its percentage (null with a zero denominator).
 */
export async function recordDerivedValues(
  tx: Tx,
  communeId: string,
  providerKey: string,
  year: number,
  period: number,
  rows: readonly DerivedRow[],
  now: Date,
): Promise<void> {
  const p = providerOf(providerKey);
  if (!p) throw new Error(`Unknown derived-value provider "${providerKey}"`);
  const defs = await indicatorMap(tx, communeId);
  const details = await checkRows(tx, communeId, p, rows, defs);
  if (details.length) throw new AppError('VALIDATION_FAILED', `Số liệu từ nguồn "${providerKey}" không hợp lệ: ${details[0]!.message}`, details);
  const sourceKey = `derived:${providerKey}`;
  await tx
    .delete(indicatorValue)
    .where(
      and(
        eq(indicatorValue.communeId, communeId),
        eq(indicatorValue.sourceKey, sourceKey),
        eq(indicatorValue.year, year),
        eq(indicatorValue.period, period),
        inArray(indicatorValue.indicatorCode, p.indicatorCodes),
      ),
    );
  if (rows.length) {
    await tx.insert(indicatorValue).values(
      rows.map((r) => {
        const def = defs.get(r.indicatorCode)!;
        const ratio = def.aggregation === 'ratio';
        const value = ratio ? (r.denominator ? (r.numerator! / r.denominator) * (isPercent(def.measure) ? 100 : 1) : null) : r.value!;
        return {
          communeId,
          unitId: r.unitId,
          indicatorCode: r.indicatorCode,
          year,
          period,
          sourceKey,
          value,
          numerator: ratio ? r.numerator! : null,
          denominator: ratio ? r.denominator! : null,
          updatedAt: now,
        };
      }),
    );
  }
  await refreshRollup(
    tx,
    communeId,
    p.indicatorCodes.map((indicatorCode) => ({ indicatorCode, year, period })),
  );
}

/** Ask a provider for its figures and record them (the usual call from the module that owns them). */
export async function refreshDerived(tx: Tx, communeId: string, providerKey: string, year: number, period: number, now: Date): Promise<void> {
  const p = providerOf(providerKey);
  if (!p) throw new Error(`Unknown derived-value provider "${providerKey}"`);
  await recordDerivedValues(tx, communeId, providerKey, year, period, await p.compute(tx, communeId, year, period), now);
}
