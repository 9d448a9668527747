import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { mapDetail } from './report-mapper';
import { loadReport } from './report-store';

/** One report with its content, the form it asks for and what the actor may do with it. */
export async function getReport(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'report.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => mapDetail(tx, opts.actor, await loadReport(tx, opts.communeId, opts.id)));
}
