import { clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { detailOf } from './commune-report-detail';
import { loadCommuneReport } from './commune-report.store';

/** One report of the commune (anyone who reads the commune's reports, the province's officers included). */
export async function getCommuneReport(opts: { db: Db; actor: Actor; communeId: string; id: string; now?: Date }) {
  authorize(opts.actor, 'report.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) =>
    detailOf(tx, opts.actor, await loadCommuneReport(tx, opts.communeId, opts.id), opts.now ?? clockNow()),
  );
}
