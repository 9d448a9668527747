import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { loadUnit } from '../org';
import { checkRegistrationContent, type RegistrationContent, type RegistrationInputData } from './registration-content';
import { deadlines, loadCommunePlan, mapRegistration, participant, registrationPlan, registrationsOf, resolveYear, type Deadline } from './registration-store';
import { writeRegistrationTargets } from '../indicators';
import { registration, type RegistrationRow } from './reporting.table';

const stale = () => new AppError('STALE_VERSION', 'Đăng ký thi đua đã được người khác lưu trước đó. Vui lòng tải lại để xem bản mới nhất rồi lưu lại; nội dung của bạn chưa được ghi.');

/** Lateness is decided by the first submission only: after the deadline's late_after instant. */
function submission(cur: RegistrationRow | undefined, submit: boolean, deadline: Deadline | undefined, now: Date) {
  if (cur?.status === 'submitted') return { status: 'submitted', submittedAt: cur.submittedAt, late: cur.late };
  if (!submit) return { status: 'draft', submittedAt: null, late: false };
  return { status: 'submitted', submittedAt: now.toISOString(), late: !!deadline && now.getTime() >= new Date(deadline.lateAfter).getTime() };
}

/** Insert the first registration of a unit for a plan and year; a concurrent first save loses (STALE_VERSION). */
async function insertRow(tx: Tx, values: typeof registration.$inferInsert): Promise<RegistrationRow> {
  const [row] = await tx.insert(registration).values(values).onConflictDoNothing().returning();
  if (!row) throw stale();
  return row;
}

/** Update a registration only if it still has the version the client started from. */
async function updateRow(tx: Tx, cur: RegistrationRow, values: Partial<typeof registration.$inferInsert>): Promise<RegistrationRow> {
  const [row] = await tx.update(registration).set({ ...values, version: cur.version + 1, updatedAt: new Date() })
    .where(and(eq(registration.communeId, cur.communeId), eq(registration.id, cur.id), eq(registration.version, cur.version))).returning();
  if (!row) throw stale();
  return row;
}

/**
 * Save (upsert) a participating unit's registration for a published plan and year, while registration
 * is open. A saved registration must be named by its version (optimistic locking). `submit` registers
 * it; a submitted registration may still be amended while registration is open. Once submitted, the
 * unit's indicator targets are written to the target table in the same transaction. Audited.
 */
export async function saveRegistration(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; planId: string; unitId: string; input: RegistrationInputData; now?: Date }) {
  const { db, actor, communeId, unitId, input } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const planRow = await loadCommunePlan(tx, communeId, opts.planId);
    authorize(actor, 'report.write', { communeId, unitPath: (await loadUnit(tx, communeId, unitId)).path });
    const p = await registrationPlan(tx, planRow);
    const u = await participant(tx, p, unitId);
    if (!planRow.registrationOpen) throw new AppError('REGISTRATION_CLOSED', `Đăng ký thi đua cho kế hoạch "${planRow.title}" đang đóng; liên hệ quản trị xã/phường để mở lại.`);
    const year = resolveYear(p, input.year);
    const cur = (await registrationsOf(tx, p, year, unitId)).get(unitId);
    if (cur && input.version !== cur.version) throw stale();
    const content: RegistrationContent = await checkRegistrationContent(tx, { communeId, unitId, fromYear: p.fromYear, toYear: p.toYear, input });
    const deadline = (await deadlines(tx, p, year, [unitId])).get(unitId);
    const state = submission(cur, input.submit, deadline, opts.now ?? new Date());
    const values = { ...content, ...state, dueItemId: deadline?.dueItemId ?? null, updatedBy: actor.userId };
    const row = cur ? await updateRow(tx, cur, values) : await insertRow(tx, { ...values, communeId, planId: p.row.id, unitId, year });
    if (row.status === 'submitted') {
      await writeRegistrationTargets(tx, { communeId, unitId, userId: actor.userId, before: cur?.status === 'submitted' ? cur.indicators : [], after: row.indicators });
    }
    const action = !cur ? (input.submit ? 'submit' : 'create') : cur.status !== 'submitted' && input.submit ? 'submit' : 'update';
    const verb = { create: 'Lưu nháp', submit: 'Gửi', update: 'Sửa' }[action];
    await writeAudit(tx, actor, opts.meta, {
      action, entityType: 'registration', entityId: row.id, communeId,
      summary: `${verb} đăng ký thi đua: ${u.name} — ${p.row.title} (năm ${year})${row.late && action === 'submit' ? ', nộp muộn' : ''}`,
      before: cur ? { status: cur.status, version: cur.version, awardCodes: cur.awardCodes, indicators: cur.indicators.length, people: cur.people.length } : null,
      after: { status: row.status, version: row.version, late: row.late, awardCodes: row.awardCodes, indicators: row.indicators.length, people: row.people.length },
    });
    return mapRegistration(tx, p, u, year, row, deadline, true);
  });
}
