import type { InspectionDetail } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inInspections, type UseCase } from './inspection-context';
import { mapDetail } from './inspections.mapper';
import { loadBundle } from './inspections.store';
import type { InspectionRow } from './inspections.table';

/** One inspection as the actor sees it (in the caller's transaction). */
export async function detailOf(tx: Tx, actor: Actor, communeId: string, id: string, row?: InspectionRow): Promise<InspectionDetail> {
  const b = await loadBundle(tx, communeId, id, row);
  return mapDetail(actor, b, new Map(b.units.map((u) => [u.id, u])));
}

/** One inspection: its plan, members, findings, recommendations, answers, and what the actor may do. */
export async function getInspection(opts: UseCase & { id: string }): Promise<InspectionDetail> {
  return inInspections({ ...opts, permission: 'inspection.read' }, (tx) => detailOf(tx, opts.actor, opts.communeId, opts.id));
}
