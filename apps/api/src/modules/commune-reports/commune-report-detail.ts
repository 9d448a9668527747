import type { CommuneReportDetail } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { mapDetail } from './commune-report.mapper';
import { communePlace, listVersions, loadJoined } from './commune-report.store';
import type { CommuneReportRow } from './commune-reports.table';

/** A report with its sections, its history and what the actor may do with it now (what every use-case answers). */
export async function detailOf(tx: Tx, actor: Actor, row: CommuneReportRow, now: Date): Promise<CommuneReportDetail> {
  const j = await loadJoined(tx, row);
  const place = await communePlace(tx, row.communeId);
  return mapDetail(j, { provinceName: place.provinceName, versions: await listVersions(tx, row) }, actor, now);
}
