import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { readFile } from '../files';
import { loadReport } from './report-store';

/** The file of a unit plan, for download. */
export async function downloadReportFile(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'report.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const row = await loadReport(tx, opts.communeId, opts.id);
    if (!row.fileId) throw new AppError('NOT_FOUND', 'Báo cáo chưa có tệp đính kèm.');
    const f = await readFile(tx, row.communeId, row.fileId);
    if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp.');
    return f;
  });
}
