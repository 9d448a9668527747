import { todayVn, clockNow } from '@tds/contracts';
import { and, asc, eq, gte, inArray, isNull, max, min, or } from 'drizzle-orm';
import type { PlanDoc, RegistrationDetail, RegistrationStatus, UnitKind } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import { person } from '../people';
import { participatingUnits, planYears } from '../plans';
import { loadDoc, loadPlan } from '../plans';
import { dueItem, type PlanRow } from '../plans';
import { registration, type RegistrationRow } from './reporting.table';

/** A commune plan that takes registrations, with the years targets may be given for. */
export interface RegistrationPlan {
  row: PlanRow;
  doc: PlanDoc;
  fromYear: number;
  toYear: number;
}

/** A participating unit, as the registration screens need it. */
export interface Participant {
  id: string;
  name: string;
  kind: UnitKind;
  path: string;
  sortKey: string;
}

export interface Deadline {
  dueItemId: string;
  dueDate: string;
  lateAfter: string;
}

/** Load a commune's own plan (not a unit's plan), or NOT_FOUND. */
export async function loadCommunePlan(tx: Tx, communeId: string, planId: string): Promise<PlanRow> {
  const row = await loadPlan(tx, communeId, planId);
  if (row.ownerUnitId) throw new AppError('NOT_FOUND', 'Kế hoạch của đơn vị không có đăng ký thi đua; chỉ kế hoạch của xã/phường nhận đăng ký.');
  return row;
}

/**
 * A published commune plan with its years: those of its published content, widened to the years its
 * due items cover (the officer may have published over other years). 409 PLAN_NOT_PUBLISHED otherwise.
 */
export async function registrationPlan(tx: Tx, row: PlanRow): Promise<RegistrationPlan> {
  if (row.status !== 'published' || !row.publishedVersion) {
    throw new AppError('PLAN_NOT_PUBLISHED', 'Kế hoạch chưa được ban hành nên chưa nhận đăng ký thi đua.');
  }
  const doc = await loadDoc(tx, row, row.publishedVersion);
  const years = planYears(doc);
  const [span] = await tx
    .select({ from: min(dueItem.year), to: max(dueItem.year) })
    .from(dueItem)
    .where(and(eq(dueItem.communeId, row.communeId), eq(dueItem.planId, row.id)));
  return {
    row,
    doc,
    fromYear: Math.min(years.fromYear, span?.from ?? years.fromYear),
    toYear: Math.max(years.toYear, span?.to ?? years.toYear),
  };
}

/** The current year in Vietnam time, kept within the plan's years. */
export function defaultYear(p: RegistrationPlan, now: Date = clockNow()): number {
  const y = Number(todayVn(now).slice(0, 4));
  return Math.min(Math.max(y, p.fromYear), p.toYear);
}

/** The year asked for (or the default), refused when it lies outside the plan's years. */
export function resolveYear(p: RegistrationPlan, year: number | undefined): number {
  if (year === undefined) return defaultYear(p);
  if (year < p.fromYear || year > p.toYear) {
    const message = `Năm ${year} nằm ngoài thời gian của kế hoạch (${p.fromYear}–${p.toYear}).`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'year', message }]);
  }
  return year;
}

/**
 * The units taking part in a plan: those owing due items under it (any kind, any year); when the plan
 * has no due items, the active units of the kinds its participant groups name. In name order.
 */
export async function participants(tx: Tx, p: RegistrationPlan): Promise<Participant[]> {
  const communeId = p.row.communeId;
  const cols = { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path, sortKey: unit.sortKey };
  const owing = tx
    .selectDistinct({ id: dueItem.unitId })
    .from(dueItem)
    .where(and(eq(dueItem.communeId, communeId), eq(dueItem.planId, p.row.id)));
  let rows = await tx
    .select(cols)
    .from(unit)
    .where(and(eq(unit.communeId, communeId), inArray(unit.id, owing)));
  if (rows.length === 0) {
    const [anyItem] = await tx
      .select({ id: dueItem.id })
      .from(dueItem)
      .where(and(eq(dueItem.communeId, communeId), eq(dueItem.planId, p.row.id)))
      .limit(1);
    if (!anyItem) {
      const active = await tx
        .select(cols)
        .from(unit)
        .where(and(eq(unit.communeId, communeId), or(isNull(unit.activeTo), gte(unit.activeTo, todayVn()))));
      rows = participatingUnits(p.doc, active);
    }
  }
  return rows.map((r) => ({ ...r, kind: r.kind as UnitKind })).sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

/** One participating unit of the plan, or NOT_FOUND. */
export async function participant(tx: Tx, p: RegistrationPlan, unitId: string): Promise<Participant> {
  const found = (await participants(tx, p)).find((u) => u.id === unitId);
  if (!found) throw new AppError('NOT_FOUND', 'Đơn vị không tham gia kế hoạch này nên không có đăng ký thi đua.');
  return found;
}

/** Each unit's registration deadline for a year: its earliest due item of kind 'registration'. */
export async function deadlines(tx: Tx, p: RegistrationPlan, year: number, unitIds?: string[]): Promise<Map<string, Deadline>> {
  const rows = await tx
    .select({ id: dueItem.id, unitId: dueItem.unitId, dueDate: dueItem.dueDate, lateAfter: dueItem.lateAfter })
    .from(dueItem)
    .where(
      and(
        eq(dueItem.communeId, p.row.communeId),
        eq(dueItem.planId, p.row.id),
        eq(dueItem.kind, 'registration'),
        eq(dueItem.year, year),
        unitIds ? inArray(dueItem.unitId, unitIds) : undefined,
      ),
    )
    .orderBy(asc(dueItem.lateAfter));
  const out = new Map<string, Deadline>();
  for (const r of rows) if (!out.has(r.unitId)) out.set(r.unitId, { dueItemId: r.id, dueDate: r.dueDate, lateAfter: new Date(r.lateAfter).toISOString() });
  return out;
}

/** The registrations saved for a plan and year, by unit. */
export async function registrationsOf(tx: Tx, p: RegistrationPlan, year: number, unitId?: string): Promise<Map<string, RegistrationRow>> {
  const rows = await tx
    .select()
    .from(registration)
    .where(
      and(
        eq(registration.communeId, p.row.communeId),
        eq(registration.planId, p.row.id),
        eq(registration.year, year),
        unitId ? eq(registration.unitId, unitId) : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.unitId, r]));
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** A registration (or the empty shape of one not yet saved) as the API returns it. */
export async function mapRegistration(
  tx: Tx,
  p: RegistrationPlan,
  u: Participant,
  year: number,
  row: RegistrationRow | undefined,
  deadline: Deadline | undefined,
  canEdit: boolean,
): Promise<RegistrationDetail> {
  const ids = row?.people.map((x) => x.personId) ?? [];
  const names = ids.length
    ? new Map(
        (
          await tx
            .select({ id: person.id, name: person.fullName })
            .from(person)
            .where(and(eq(person.communeId, p.row.communeId), inArray(person.id, ids)))
        ).map((x) => [x.id, x.name]),
      )
    : new Map<string, string>();
  return {
    id: row?.id ?? null,
    planId: p.row.id,
    planTitle: p.row.title,
    unitId: u.id,
    unitName: u.name,
    year,
    fromYear: p.fromYear,
    toYear: p.toYear,
    status: (row?.status ?? 'not_registered') as RegistrationStatus,
    commitments: row?.commitments ?? '',
    awardCodes: row?.awardCodes ?? [],
    indicators: row?.indicators ?? [],
    people: (row?.people ?? []).map((x) => ({ ...x, personName: names.get(x.personId) ?? '' })),
    submittedAt: iso(row?.submittedAt ?? null),
    late: row?.late ?? false,
    version: row?.version ?? null,
    updatedAt: iso(row?.updatedAt ?? null),
    deadline: deadline ?? null,
    registrationOpen: p.row.registrationOpen,
    canEdit: canEdit && p.row.registrationOpen,
  };
}
