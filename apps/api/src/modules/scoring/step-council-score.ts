import { councilScoreWorkflow, type CouncilScoreTransition } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { runTransition } from '../../platform/workflow';
import { entryProblems } from './scoring.policy';
import { assertOpen, inScoring } from './scoring-context';
import { loadCouncilScore, loadCriteria, loadRubric, ownUnitOf } from './scoring.store';
import { councilScore } from './scoring.table';
import { rubricUnit } from './assessment-detail';
import { councilScoreDetail, memberOf } from './council-score-detail';

type Items = Record<string, { value?: number | null; points?: number | null }>;

/**
 * A council member's scores of a unit: saved as a draft, submitted once (sealed: the audit says only
 * that it happened), or the member declares a conflict of interest and is excluded from the unit.
 * Nobody scores their own unit; two members submitting at the same moment each write their own row.
 */
export async function stepCouncilScore(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  rubricId: string;
  unitId: string;
  transition: CouncilScoreTransition;
  version: number;
  items?: Items;
  note?: string | null;
  reason?: string;
  now: Date;
}) {
  const { actor, communeId, now, transition } = opts;
  return inScoring({ ...opts, permission: 'scoring.score' }, async (tx) => {
    const row = await loadRubric(tx, communeId, opts.rubricId);
    const u = await rubricUnit(tx, row, opts.unitId);
    const m = await memberOf(tx, actor, communeId);
    assertOpen(row);
    if (transition !== 'recuse' && ownUnitOf(m, u)) throw new AppError('SCORE_CONFLICT', `Bạn thuộc ${u.name} nên không chấm điểm đơn vị này.`);
    const criteria = await loadCriteria(tx, communeId, row.id);
    const result = await runTransition(tx, actor, opts.meta, {
      workflow: councilScoreWorkflow,
      transition,
      now,
      version: opts.version,
      table: councilScore,
      load: async () => ({ row: await loadCouncilScore(tx, communeId, row.id, u.id, actor.userId, { lock: true }), communeId, subject: {} }),
      staleMessage: (r, v) => `Phiếu chấm đã được thay đổi ở nơi khác (phiên bản ${r.version}, bạn đang xem phiên bản ${v}). Hãy tải lại.`,
      check: (cur) => {
        if (transition === 'recuse') return opts.reason ? [] : [{ field: 'reason', message: 'Cần ghi lý do xung đột lợi ích.' }];
        const items: Items = opts.items ?? cur?.items ?? {};
        return entryProblems(criteria, items, { field: 'items', complete: transition === 'submit' });
      },
      set: (cur) => ({
        ...(opts.items ? { items: opts.items } : {}),
        ...(opts.note !== undefined ? { note: opts.note } : {}),
        ...(transition === 'submit' ? { submittedAt: now.toISOString() } : {}),
        ...(transition === 'recuse' ? { reason: opts.reason ?? null, items: {} } : {}),
        ...(cur ? {} : { communeId, rubricId: row.id, unitId: u.id, memberId: actor.userId }),
        updatedAt: now,
      }),
      insert: async (values) =>
        (
          await tx
            .insert(councilScore)
            .values(values as typeof councilScore.$inferInsert)
            .returning()
        )[0] ?? null,
      audit: () => ({
        summary:
          transition === 'recuse'
            ? `Khai báo xung đột lợi ích, không chấm ${u.name} — ${row.title}: ${opts.reason}`
            : `${transition === 'submit' ? 'Nộp' : 'Lưu'} phiếu chấm điểm ${u.name} — ${row.title}`,
      }),
    });
    return councilScoreDetail(tx, actor, row, u, m, result.row);
  });
}
