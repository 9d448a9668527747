import { registrationWorkflow, type RegistrationTransition, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { runTransition } from '../../platform/workflow';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { loadUnit } from '../org';
import { checkRegistrationContent, type RegistrationContent, type RegistrationInputData } from './registration-content';
import { deadlines, loadCommunePlan, mapRegistration, participant, registrationPlan, registrationsOf, resolveYear, type Deadline } from './registration-store';
import { writeRegistrationTargets } from '../indicators';
import { registration, type RegistrationRow } from './reporting.table';

const STALE = 'Đăng ký thi đua đã được người khác lưu trước đó. Vui lòng tải lại để xem bản mới nhất rồi lưu lại; nội dung của bạn chưa được ghi.';

/** Lateness is decided by the first submission only: after the deadline's late_after instant. */
function submission(cur: RegistrationRow | null, submit: boolean, deadline: Deadline | undefined, now: Date) {
  if (cur?.status === 'submitted') return { submittedAt: cur.submittedAt, late: cur.late };
  if (!submit) return { submittedAt: null, late: false };
  return { submittedAt: now.toISOString(), late: !!deadline && now.getTime() >= new Date(deadline.lateAfter).getTime() };
}

/** Which declared transition a save is: the first save, the submission, or an edit. */
function transitionOf(cur: RegistrationRow | undefined, submit: boolean): RegistrationTransition {
  if (!cur) return submit ? 'submit' : 'create';
  return cur.status !== 'submitted' && submit ? 'submit' : 'update';
}

/**
 * Save (upsert) a participating unit's registration for a published plan and year, while registration
 * is open: a transition of `registrationWorkflow` (create, submit, update). A saved registration
 * must be named by its version (optimistic locking). A submitted registration may still be amended
 * while registration is open. Once submitted, the unit's indicator targets are written to the
 * target table in the same transaction. Audited.
 */
export async function saveRegistration(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  planId: string;
  unitId: string;
  input: RegistrationInputData;
  now?: Date;
}) {
  const { db, actor, communeId, unitId, input } = opts;
  assertVisible(actor, communeId);
  const now = opts.now ?? clockNow();
  return inScope(db, actor.scope, async (tx) => {
    const planRow = await loadCommunePlan(tx, communeId, opts.planId);
    const unitPath = (await loadUnit(tx, communeId, unitId)).path;
    authorize(actor, 'report.write', { communeId, unitPath });
    const p = await registrationPlan(tx, planRow);
    const u = await participant(tx, p, unitId);
    if (!planRow.registrationOpen)
      throw new AppError('REGISTRATION_CLOSED', `Đăng ký thi đua cho kế hoạch "${planRow.title}" đang đóng; liên hệ quản trị xã/phường để mở lại.`);
    const year = resolveYear(p, input.year);
    const cur = (await registrationsOf(tx, p, year, unitId)).get(unitId);
    const transition = transitionOf(cur, input.submit);
    const deadline = (await deadlines(tx, p, year, [unitId])).get(unitId);
    let content: RegistrationContent | undefined;
    const { row } = await runTransition(tx, actor, opts.meta, {
      workflow: registrationWorkflow,
      transition,
      now,
      version: cur ? input.version : undefined,
      table: registration,
      load: async () => ({ row: cur ?? null, communeId, subject: { unitPath } }),
      staleMessage: () => STALE,
      check: async () => {
        content = await checkRegistrationContent(tx, { communeId, unitId, fromYear: p.fromYear, toYear: p.toYear, input });
        return [];
      },
      set: () => ({
        ...content!,
        ...submission(cur ?? null, input.submit, deadline, now),
        dueItemId: deadline?.dueItemId ?? null,
        updatedBy: actor.userId,
        updatedAt: now,
      }),
      insert: async (values) => {
        const [made] = await tx
          .insert(registration)
          .values({ ...(values as typeof registration.$inferInsert), communeId, planId: p.row.id, unitId, year })
          .onConflictDoNothing()
          .returning();
        return made ?? null;
      },
      audit: (before, after) => ({
        summary: `${{ create: 'Lưu nháp', submit: 'Gửi', update: 'Sửa' }[transition]} đăng ký thi đua: ${u.name} — ${p.row.title} (năm ${year})${after.late && transition === 'submit' ? ', nộp muộn' : ''}`,
        before: before
          ? {
              status: before.status,
              version: before.version,
              awardCodes: before.awardCodes,
              indicators: before.indicators.length,
              people: before.people.length,
            }
          : null,
        after: {
          status: after.status,
          version: after.version,
          late: after.late,
          awardCodes: after.awardCodes,
          indicators: after.indicators.length,
          people: after.people.length,
        },
      }),
      effects: async (before, after) => {
        if (after.status !== 'submitted') return;
        await writeRegistrationTargets(tx, {
          communeId,
          unitId,
          userId: actor.userId,
          before: before?.status === 'submitted' ? before.indicators : [],
          after: after.indicators,
        });
      },
      notice: () => ({
        title: 'Đăng ký thi đua mới',
        body: `${u.name} đã gửi đăng ký thi đua — ${p.row.title} (năm ${year}).`,
        link: `/registration?planId=${p.row.id}`,
      }),
    });
    return mapRegistration(tx, p, u, year, row, deadline, true);
  });
}
