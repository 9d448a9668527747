import { clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { recordReportValues } from './report-indicators';
import { mapDetail } from './report-mapper';
import { takeReportStep } from './report-step';

/**
 * Accept a submitted report: it is locked, and its figures become indicator values with the
 * commune roll-up updated, all in one transaction (the dashboards change at once).
 */
export async function acceptReport(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  version: number;
  comment?: string;
  now?: Date;
}) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  const comment = opts.comment?.normalize('NFC').trim() || null;
  const now = opts.now ?? clockNow();
  return inScope(db, actor.scope, async (tx) => {
    const { row } = await takeReportStep(tx, actor, opts.meta, {
      now,
      communeId,
      id: opts.id,
      transition: 'accept',
      version: opts.version,
      comment,
      set: () => ({ reviewedAt: now.toISOString(), reviewedBy: actor.userId, reviewComment: comment }),
      summary: (_cur, _row, label) => `Tiếp nhận báo cáo: ${label}`,
      effects: (r) => recordReportValues(tx, r, now),
    });
    return mapDetail(tx, actor, row);
  });
}
