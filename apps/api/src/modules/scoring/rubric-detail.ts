import { and, eq } from 'drizzle-orm';
import type { RubricDto } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { abilitiesOf } from '../../platform/workflow';
import { rubricWorkflow } from '@tds/contracts';
import { plan } from '../plans';
import { rubricDto } from './scoring.mapper';
import { assessesUnit, scoresFor } from './scoring-context';
import { loadCriteria, unitsByIds } from './scoring.store';
import type { RubricRow } from './scoring.table';

/** A rubric as the API returns it: criteria, units, what this user may do with it and takes part in. */
export async function rubricDetail(tx: Tx, actor: Actor, row: RubricRow): Promise<RubricDto> {
  const criteria = await loadCriteria(tx, row.communeId, row.id);
  const units = await unitsByIds(tx, row.communeId, row.unitIds);
  let planTitle: string | null = null;
  if (row.planId) {
    const [p] = await tx
      .select({ title: plan.title })
      .from(plan)
      .where(and(eq(plan.communeId, row.communeId), eq(plan.id, row.planId)));
    planTitle = p?.title ?? null;
  }
  const open = row.status === 'open';
  return rubricDto(row, criteria, {
    units: units.map((u) => ({ id: u.id, name: u.name })),
    planTitle,
    can: abilitiesOf(actor, rubricWorkflow, row, {}),
    mine: {
      assessUnitIds: open ? units.filter((u) => assessesUnit(actor, row.communeId, u.path)).map((u) => u.id) : [],
      councilMember: open && scoresFor(actor, row.communeId),
    },
  });
}
