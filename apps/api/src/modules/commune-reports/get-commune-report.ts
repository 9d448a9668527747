import type { CommuneReportDetail } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, authorizeProvince } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { mapDetail } from './commune-report.mapper';
import { communeOfProvinceReport, communePlace, listVersions, loadCommuneReport, loadJoined } from './commune-report.store';
import type { CommuneReportRow } from './commune-reports.table';

/** A report with its sections, its history and what the actor may do with it now. */
export async function detailOf(tx: Tx, actor: Actor, row: CommuneReportRow, now: Date): Promise<CommuneReportDetail> {
  const j = await loadJoined(tx, row);
  const place = await communePlace(tx, row.communeId);
  return mapDetail(j, { provinceName: place.provinceName, versions: await listVersions(tx, row) }, actor, now);
}

/** One report of the commune (anyone who reads the commune's reports, the province's officers included). */
export async function getCommuneReport(opts: { db: Db; actor: Actor; communeId: string; id: string; now?: Date }) {
  authorize(opts.actor, 'report.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) =>
    detailOf(tx, opts.actor, await loadCommuneReport(tx, opts.communeId, opts.id), opts.now ?? new Date()),
  );
}

/** One report of a commune of the province, as its officers review it. */
export async function getProvinceCommuneReport(opts: { db: Db; actor: Actor; provinceId: string; id: string; now?: Date }) {
  authorizeProvince(opts.actor, 'commune_report.review', opts.provinceId);
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const communeId = await communeOfProvinceReport(tx, opts.provinceId, opts.id);
    return detailOf(tx, opts.actor, await loadCommuneReport(tx, communeId, opts.id), opts.now ?? new Date());
  });
}
