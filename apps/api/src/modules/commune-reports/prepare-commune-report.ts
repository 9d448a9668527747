import { clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { takeCommuneReportStep } from './commune-report-step';
import { detailOf } from './commune-report-detail';
import { gatherSections } from './gather-figures';

/**
 * Prepare the report from the units' accepted reports: one section per published plan with the
 * figures of the year gathered again (the commune's texts are kept). A new version like a save.
 */
export async function prepareCommuneReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; version: number; now?: Date }) {
  const { db, actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const { row } = await takeCommuneReportStep(tx, actor, opts.meta, {
      now,
      communeId,
      id: opts.id,
      transition: 'prepare',
      version: opts.version,
      set: async (cur) => ({ content: { sections: await gatherSections(tx, communeId, cur, cur.content.sections, now) } }),
      summary: (_cur, label) => `Lấy số liệu từ báo cáo của đơn vị: ${label}`,
    });
    return detailOf(tx, actor, row, now);
  });
}
