import { clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorizeProvince } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { detailOf } from './commune-report-detail';
import { communeOfProvinceReport, loadCommuneReport } from './commune-report.store';

/** One report of a commune of the province, as its officers review it (another province's report is not found). */
export async function getProvinceCommuneReport(opts: { db: Db; actor: Actor; provinceId: string; id: string; now?: Date }) {
  authorizeProvince(opts.actor, 'commune_report.review', opts.provinceId);
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const communeId = await communeOfProvinceReport(tx, opts.provinceId, opts.id);
    return detailOf(tx, opts.actor, await loadCommuneReport(tx, communeId, opts.id), opts.now ?? clockNow());
  });
}
