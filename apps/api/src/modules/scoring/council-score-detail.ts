import { councilScoreWorkflow, entryPoints, isAuto, totalOf, type CouncilScoreDto } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { abilitiesOf } from '../../platform/workflow';
import { councilMembers, loadCriteria, ownUnitOf, type CouncilMember, type UnitInfo } from './scoring.store';
import type { CouncilScoreRow, RubricRow } from './scoring.table';

/** The actor as a member of the commune's council (403 for anyone else, a system administrator included). */
export async function memberOf(tx: Tx, actor: Actor, communeId: string): Promise<CouncilMember> {
  const m = (await councilMembers(tx, communeId)).find((x) => x.userId === actor.userId);
  if (!m) throw new AppError('FORBIDDEN', 'Chỉ thành viên Hội đồng Thi đua - Khen thưởng của xã mới chấm điểm.');
  return m;
}

/** A member's own scores of a unit, as only they see them before every member has submitted. */
export async function councilScoreDetail(
  tx: Tx,
  actor: Actor,
  row: RubricRow,
  u: UnitInfo,
  m: CouncilMember,
  s: CouncilScoreRow | null,
): Promise<CouncilScoreDto> {
  const criteria = await loadCriteria(tx, row.communeId, row.id);
  const items = s?.items ?? {};
  const parts = criteria.filter((c) => !isAuto(c)).map((c) => ({ id: c.id, section: c.section as 'main', points: entryPoints(c, items[c.id] ?? {}) }));
  const own = ownUnitOf(m, u);
  const can = abilitiesOf(actor, councilScoreWorkflow, { communeId: row.communeId, status: s?.status ?? 'draft' }, {});
  const open = row.status === 'open';
  return {
    id: s?.id ?? null,
    unitId: u.id,
    status: (s?.status ?? 'draft') as CouncilScoreDto['status'],
    version: s?.version ?? 0,
    items: Object.fromEntries(parts.map((p) => [p.id, { value: items[p.id]?.value ?? null, points: p.points }])),
    note: s?.note ?? null,
    total: totalOf(parts),
    ownUnit: own,
    can: { save: open && !own && can.save, submit: open && !own && can.submit, recuse: open && can.recuse },
  };
}
