import { and, eq, inArray } from 'drizzle-orm';
import { cleanText, type ErrorDetail, type InspectionEvidenceInput, type InspectionInput } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { appUser, roleAssignment } from '../users';
import { loadDoc, loadPlan } from '../plans';
import { unit } from '../org';
import { MEMBER_ROLES } from './inspections.policy';
import { isInspectionFile } from './inspections.store';

/** A visit plan checked against the commune: its units, members (with their names), contents and plan. */
export interface CheckedPlan {
  title: string;
  visitDate: string;
  visitTime: string | null;
  year: number;
  unitIds: string[];
  members: { userId: string; fullName: string }[];
  checklist: string[];
  planId: string | null;
  note: string | null;
}

const blank = (v: string | null | undefined) => (v ? cleanText(v) || null : null);
const refuse = (problems: ErrorDetail[]) => new AppError('VALIDATION_FAILED', problems[0]!.message, problems);

/**
 * Check a visit plan: every unit one of the commune's, every member a user with a council role in
 * the commune, the plan one of the commune's (its contents taken when no line is given). 400 naming
 * the field for anything else.
 */
export async function checkPlanInput(tx: Tx, communeId: string, input: InspectionInput): Promise<CheckedPlan> {
  const problems: ErrorDetail[] = [];
  const unitIds = [...new Set(input.unitIds)];
  const memberIds = [...new Set(input.memberIds)];
  const year = Number(input.visitDate.slice(0, 4));
  if (year < 2000 || year > 2100) problems.push({ field: 'visitDate', message: 'Ngày kiểm tra phải trong khoảng năm 2000-2100.' });

  const units = await tx
    .select({ id: unit.id, mergedIntoId: unit.mergedIntoId })
    .from(unit)
    .where(and(eq(unit.communeId, communeId), inArray(unit.id, unitIds)));
  const known = new Map(units.map((u) => [u.id, u]));
  input.unitIds.forEach((id, i) => {
    const u = known.get(id);
    if (!u) problems.push({ field: `unitIds.${i}`, message: `Đơn vị được kiểm tra thứ ${i + 1} không thuộc xã/phường này.` });
    else if (u.mergedIntoId) problems.push({ field: `unitIds.${i}`, message: `Đơn vị được kiểm tra thứ ${i + 1} đã sáp nhập vào đơn vị khác.` });
  });

  const held = await tx
    .select({ userId: roleAssignment.userId, fullName: appUser.fullName })
    .from(roleAssignment)
    .leftJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .where(and(eq(roleAssignment.communeId, communeId), inArray(roleAssignment.role, [...MEMBER_ROLES]), inArray(roleAssignment.userId, memberIds)));
  const names = new Map(held.map((h) => [h.userId, h.fullName ?? 'Thành viên Hội đồng']));
  input.memberIds.forEach((id, i) => {
    if (!names.has(id))
      problems.push({
        field: `memberIds.${i}`,
        message: `Thành viên đoàn kiểm tra thứ ${i + 1} không phải thành viên Hội đồng thi đua, khen thưởng của xã/phường này.`,
      });
  });

  let checklist = (input.checklist ?? []).map(cleanText).filter(Boolean);
  const planId = input.planId ?? null;
  if (planId) {
    try {
      const p = await loadPlan(tx, communeId, planId);
      if (!checklist.length) {
        const doc = await loadDoc(tx, p);
        checklist = [...(doc.contents ?? [])]
          .sort((a, b) => a.order - b.order)
          .map((c) => cleanText(c.text))
          .filter(Boolean)
          .slice(0, 60);
      }
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
      problems.push({ field: 'planId', message: 'Kế hoạch không thuộc xã/phường này.' });
    }
  }
  if (problems.length) throw refuse(problems);
  return {
    title: cleanText(input.title),
    visitDate: input.visitDate,
    visitTime: input.visitTime ?? null,
    year,
    unitIds,
    members: memberIds.map((userId) => ({ userId, fullName: names.get(userId)! })),
    checklist,
    planId,
    note: blank(input.note),
  };
}

/** Evidence columns from an evidence input, its file checked as one uploaded for this inspection. */
export async function checkEvidence(
  tx: Tx,
  communeId: string,
  inspectionId: string,
  e: InspectionEvidenceInput | null | undefined,
  field: string,
): Promise<{ number: string | null; date: string | null; summary: string | null; fileId: string | null }> {
  const out = { number: blank(e?.number), date: e?.date ?? null, summary: blank(e?.summary), fileId: e?.fileId ?? null };
  if (out.fileId && !(await isInspectionFile(tx, communeId, inspectionId, out.fileId)))
    throw refuse([{ field: `${field}.fileId`, message: 'Tệp minh chứng không phải tệp đã tải lên cho đợt kiểm tra này.' }]);
  return out;
}
