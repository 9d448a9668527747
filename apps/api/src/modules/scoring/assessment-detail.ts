import { assessmentWorkflow, entryPoints, isAuto, totalOf, type AssessmentDto } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { abilitiesOf } from '../../platform/workflow';
import { evidenceDto } from './scoring.mapper';
import { autoScore } from './scoring.results';
import { assessesUnit, managesScoring, scoresFor } from './scoring-context';
import { evidenceFileNames, indicatorInputs, loadCriteria, unitsByIds, type UnitInfo } from './scoring.store';
import type { AssessmentRow, RubricRow } from './scoring.table';
import { inspectionLabels } from './rubric-results';

/** The unit of a rubric (404 when the rubric does not score it). */
export async function rubricUnit(tx: Tx, row: RubricRow, unitId: string): Promise<UnitInfo> {
  const [u] = row.unitIds.includes(unitId) ? await unitsByIds(tx, row.communeId, [unitId]) : [];
  if (!u) throw new AppError('NOT_FOUND', 'Đơn vị không thuộc bảng tiêu chí này.');
  return u;
}

/** Who reads a unit's self-assessment: the unit's own roles, the office, the council. */
export function assertReadsAssessment(actor: Actor, row: RubricRow, u: UnitInfo): void {
  if (!assessesUnit(actor, row.communeId, u.path) && !managesScoring(actor, row.communeId) && !scoresFor(actor, row.communeId)) throw new AppError('FORBIDDEN');
}

/** A unit's self-assessment as shown: every criterion with the claim, its evidence, and the automatic figures. */
export async function assessmentDetail(tx: Tx, actor: Actor, row: RubricRow, u: UnitInfo, a: AssessmentRow | null): Promise<AssessmentDto> {
  const criteria = await loadCriteria(tx, row.communeId, row.id);
  const codes = [...new Set(criteria.flatMap((c) => [c.indicatorCode, c.denominatorCode].filter((x): x is string => !!x)))];
  const figures = (await indicatorInputs(tx, row.communeId, [u.id], row.year, codes)).get(u.id);
  const stored = a?.items ?? {};
  const cited = Object.values(stored).flatMap((i) => i.evidence ?? []);
  const labels = await inspectionLabels(tx, row.communeId, cited);
  const files = await evidenceFileNames(tx, row.communeId, row.id, u.id, cited);
  const items = criteria.map((c) => {
    const s = stored[c.id];
    const auto = isAuto(c) ? autoScore(c, figures) : null;
    return {
      criterionId: c.id,
      value: s?.value ?? null,
      points: s?.points ?? null,
      note: s?.note ?? null,
      evidence: (s?.evidence ?? []).map((e) => evidenceDto(e, labels, files)),
      autoValue: auto?.value ?? null,
      autoPoints: auto?.points ?? null,
      section: c.section,
      claimed: auto ? auto.points : entryPoints(c, s ?? {}),
    };
  });
  const open = row.status === 'open';
  const can = abilitiesOf(actor, assessmentWorkflow, { communeId: row.communeId, status: a?.status ?? 'draft' }, { unitPath: u.path });
  return {
    id: a?.id ?? null,
    rubricId: row.id,
    unitId: u.id,
    unitName: u.name,
    status: (a?.status ?? 'draft') as AssessmentDto['status'],
    version: a?.version ?? 0,
    submittedAt: a?.submittedAt ?? null,
    comment: a?.comment ?? null,
    items: items.map(({ section: _s, claimed: _c, ...i }) => i),
    claimed: totalOf(items.map((i) => ({ section: i.section as 'main', points: i.claimed }))),
    can: { save: open && can.save, submit: open && can.submit, return: open && !!a && can.return },
  };
}
