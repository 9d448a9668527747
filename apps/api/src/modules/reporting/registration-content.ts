import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { labelledMessage, type ErrorDetail, type registrationInput } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { loadIndicators, type IndicatorDef } from '../indicators';
import { person } from '../people';
import { awardKind } from '../plans';
import type { RegisteredIndicator, RegisteredPerson } from './reporting.table';

export type RegistrationInputData = z.output<typeof registrationInput>;

/** What a registration holds once checked: ready to store. */
export interface RegistrationContent {
  commitments: string;
  awardCodes: string[];
  indicators: RegisteredIndicator[];
  people: RegisteredPerson[];
}

interface Ctx {
  tx: Tx;
  communeId: string;
  unitId: string;
  fromYear: number;
  toYear: number;
  submit: boolean;
  errors: ErrorDetail[];
}

const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 6 });

function fail(c: Ctx, field: string, row: number | undefined, message: string) {
  c.errors.push({ field, ...(row !== undefined ? { row } : {}), message });
}

/** Codes that appear more than once, reported at each later position. */
function duplicates<T>(items: T[], key: (t: T) => string, report: (i: number, k: string) => void) {
  const seen = new Set<string>();
  items.forEach((t, i) => {
    const k = key(t);
    if (seen.has(k)) report(i, k);
    seen.add(k);
  });
}

/** Award forms and titles aimed for: each must be in the national catalogue, once. */
async function checkAwards(c: Ctx, codes: string[]) {
  const known = codes.length
    ? new Set((await c.tx.select({ code: awardKind.code }).from(awardKind).where(inArray(awardKind.code, codes))).map((r) => r.code))
    : new Set<string>();
  codes.forEach((code, i) => {
    if (!known.has(code)) fail(c, `awardCodes.${i}`, i + 1, `"${code}" không có trong danh mục.`);
  });
  duplicates(
    codes,
    (x) => x,
    (i, k) => fail(c, `awardCodes.${i}`, i + 1, `"${k}" bị chọn trùng.`),
  );
}

/** The range a target of this indicator must fall in. */
function rangeOf(d: IndicatorDef): { min: number; max: number | null } {
  const pct = d.measure.trim() === '%' || d.aggregation === 'ratio';
  const max = d.maxValue ?? (pct ? 100 : null);
  return { min: d.minValue ?? 0, max: pct && max !== null ? Math.min(max, 100) : max };
}

/** One target value of an indicator: a year of the plan, a number in the indicator's range. */
function checkTarget(c: Ctx, d: IndicatorDef | undefined, path: string, row: number, t: { year: number; value: number }) {
  if (t.year < c.fromYear || t.year > c.toYear) fail(c, `${path}.year`, row, `Năm ${t.year} nằm ngoài thời gian của kế hoạch (${c.fromYear}–${c.toYear}).`);
  if (!d) return;
  const { min, max } = rangeOf(d);
  const pct = d.measure.trim() === '%';
  const v = `${path}.value`;
  const what = `Giá trị năm ${t.year} của chỉ tiêu "${d.name}"`;
  if (!Number.isFinite(t.value)) fail(c, v, row, `${what} phải là số.`);
  else if (t.value < min) fail(c, v, row, `${what} là ${fmt(t.value)}, nhỏ hơn mức tối thiểu ${fmt(min)}${pct ? '%' : ''}.`);
  else if (max !== null && t.value > max) fail(c, v, row, `${what} là ${fmt(t.value)}, vượt quá ${fmt(max)}${pct ? '%' : ` ${d.measure}`}.`);
  else if (d.integer && !Number.isInteger(t.value)) fail(c, v, row, `${what} phải là số nguyên.`);
}

/** Chosen indicators: known to the commune and in use, once each, with target values per year. */
async function checkIndicators(c: Ctx, items: RegisteredIndicator[]): Promise<RegisteredIndicator[]> {
  if (items.length === 0) return [];
  const defs = new Map((await loadIndicators(c.tx, c.communeId)).map((d) => [d.code, d]));
  items.forEach((item, i) => {
    const d = defs.get(item.code);
    const path = `indicators.${i}`;
    if (!d) fail(c, `${path}.code`, i + 1, `Mã "${item.code}" không có trong danh mục chỉ tiêu của xã/phường.`);
    else if (!d.active) fail(c, `${path}.code`, i + 1, `Mã "${d.code}" (chỉ tiêu "${d.name}") đã ngừng áp dụng.`);
    if (c.submit && item.targets.length === 0) fail(c, `${path}.targets`, i + 1, `Chưa có giá trị cho năm nào của chỉ tiêu "${d?.name ?? item.code}".`);
    item.targets.forEach((t, j) => checkTarget(c, d?.active ? d : undefined, `${path}.targets.${j}`, i + 1, t));
    duplicates(
      item.targets,
      (t) => String(t.year),
      (j, y) => fail(c, `${path}.targets.${j}.year`, i + 1, `Năm ${y} được nhập hai lần cho chỉ tiêu "${d?.name ?? item.code}".`),
    );
  });
  duplicates(
    items,
    (x) => x.code,
    (i, k) => fail(c, `indicators.${i}.code`, i + 1, `Mã "${k}" bị chọn trùng.`),
  );
  return items.map((x) => ({ code: x.code, targets: [...x.targets].sort((a, b) => a.year - b.year) }));
}

/** People registering through the unit: active persons of that very unit; titles from the catalogue's titles. */
async function checkPeople(c: Ctx, items: RegistrationInputData['people']): Promise<RegisteredPerson[]> {
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((x) => x.personId))];
  const titleCodes = [...new Set(items.map((x) => x.titleCode).filter((x): x is string => !!x))];
  const found = new Map(
    (
      await c.tx
        .select({ id: person.id, unitId: person.unitId, active: person.active, name: person.fullName })
        .from(person)
        .where(and(eq(person.communeId, c.communeId), inArray(person.id, ids)))
    ).map((p) => [p.id, p]),
  );
  const titles = titleCodes.length
    ? new Map(
        (await c.tx.select({ code: awardKind.code, kind: awardKind.kind }).from(awardKind).where(inArray(awardKind.code, titleCodes))).map((t) => [
          t.code,
          t.kind,
        ]),
      )
    : new Map<string, string>();
  items.forEach((x, i) => {
    const p = found.get(x.personId);
    if (!p || p.unitId !== c.unitId) fail(c, `people.${i}.personId`, i + 1, 'Không thuộc đơn vị đăng ký.');
    else if (!p.active) fail(c, `people.${i}.personId`, i + 1, `"${p.name}" đã ngừng hoạt động.`);
    if (x.titleCode && titles.get(x.titleCode) !== 'title') {
      fail(c, `people.${i}.titleCode`, i + 1, `"${x.titleCode}" không phải danh hiệu thi đua trong danh mục.`);
    }
  });
  duplicates(
    items,
    (x) => x.personId,
    (i) => fail(c, `people.${i}.personId`, i + 1, 'Đã có trong danh sách.'),
  );
  return items.map((x) => ({ personId: x.personId, titleCode: x.titleCode || null, commitment: x.commitment?.trim() || null }));
}

/**
 * Check a registration's content against the catalogues, the unit's people and the plan's years; throw
 * VALIDATION_FAILED naming every faulty field and row (nothing is written), else return it ready to store.
 */
export async function checkRegistrationContent(
  tx: Tx,
  opts: { communeId: string; unitId: string; fromYear: number; toYear: number; input: RegistrationInputData },
): Promise<RegistrationContent> {
  const { input } = opts;
  const c: Ctx = { tx, communeId: opts.communeId, unitId: opts.unitId, fromYear: opts.fromYear, toYear: opts.toYear, submit: input.submit, errors: [] };
  const commitments = input.commitments.trim();
  if (input.submit && !commitments) fail(c, 'commitments', undefined, 'Không được để trống khi gửi đăng ký.');
  await checkAwards(c, input.awardCodes);
  const indicators = await checkIndicators(c, input.indicators);
  const people = await checkPeople(c, input.people);
  if (c.errors.length) {
    const more = c.errors.length > 1 ? ` (và ${c.errors.length - 1} lỗi khác)` : '';
    const first = c.errors[0]!;
    throw new AppError('VALIDATION_FAILED', `${labelledMessage(first.field ?? '', first.message)}${more}`, c.errors);
  }
  return { commitments, awardCodes: input.awardCodes, indicators, people };
}
