import { and, eq, inArray } from 'drizzle-orm';
import type { Aggregation, EvidenceInput } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { inspectionEvidence } from '../inspections';
import { evidenceDto, type InspectionLabel } from './scoring.mapper';
import { rubricResults, type UnitResult } from './scoring.results';
import { evidenceFiles, indicatorInputs, loadCriteria, namesFor, unitsByIds } from './scoring.store';
import { assessment, councilScore, scoreResult, type RubricRow } from './scoring.table';

/** The labels of the inspections cited as evidence (the inspections module's face). */
export async function inspectionLabels(tx: Tx, communeId: string, evidence: readonly EvidenceInput[]): Promise<Map<string, InspectionLabel>> {
  const out = new Map<string, InspectionLabel>();
  for (const e of evidence) {
    if (e.kind !== 'inspection' || out.has(e.inspectionId)) continue;
    const i = await inspectionEvidence(tx, communeId, e.inspectionId);
    if (i) out.set(e.inspectionId, { title: i.title, visitDate: i.visitDate, rating: i.rating });
  }
  return out;
}

/** Compute every unit's result of a rubric now (the figures of accepted reports, the claims, the submitted council scores). */
export async function computeResults(tx: Tx, row: RubricRow): Promise<UnitResult[]> {
  const { communeId } = row;
  const criteria = await loadCriteria(tx, communeId, row.id);
  const units = await unitsByIds(tx, communeId, row.unitIds);
  const codes = [...new Set(criteria.flatMap((c) => [c.indicatorCode, c.denominatorCode].filter((x): x is string => !!x)))];
  const figures = await indicatorInputs(tx, communeId, row.unitIds, row.year, codes);
  const claims = await tx
    .select({ unitId: assessment.unitId, items: assessment.items })
    .from(assessment)
    .where(and(eq(assessment.communeId, communeId), eq(assessment.rubricId, row.id), inArray(assessment.status, ['submitted', 'returned', 'draft'])));
  const scores = await tx
    .select({ unitId: councilScore.unitId, items: councilScore.items })
    .from(councilScore)
    .where(and(eq(councilScore.communeId, communeId), eq(councilScore.rubricId, row.id), eq(councilScore.status, 'submitted')));
  const cited = claims.flatMap((c) => Object.values(c.items).flatMap((i) => i.evidence ?? []));
  const labels = await inspectionLabels(tx, communeId, cited);
  const files = await evidenceFiles(tx, communeId, row.id, cited);
  const claimsOf = new Map(claims.map((c) => [c.unitId, c.items]));
  return rubricResults(
    criteria,
    row.aggregation as Aggregation,
    row.classes,
    units.map((u) => {
      const items = claimsOf.get(u.id) ?? {};
      const names = namesFor(files, u.id);
      return {
        unitId: u.id,
        unitName: u.name,
        sortKey: u.sortKey,
        figures: figures.get(u.id),
        assessed: claimsOf.has(u.id),
        claims: Object.fromEntries(
          Object.entries(items).map(([k, v]) => [k, { ...v, evidence: (v.evidence ?? []).map((e) => evidenceDto(e, labels, names)) }]),
        ),
        scores: scores.filter((s) => s.unitId === u.id).map((s) => s.items),
      };
    }),
  );
}

/** Freeze the results of a closing rubric: what later edits of the rubric or the reports no longer change. */
export async function freezeResults(tx: Tx, row: RubricRow, now: Date): Promise<void> {
  const results = await computeResults(tx, row);
  await tx.delete(scoreResult).where(and(eq(scoreResult.communeId, row.communeId), eq(scoreResult.rubricId, row.id)));
  if (results.length)
    await tx.insert(scoreResult).values(
      results.map((r) => ({
        communeId: row.communeId,
        rubricId: row.id,
        unitId: r.unitId,
        total: r.total,
        classLabel: r.classLabel,
        rank: r.rank,
        breakdown: r.criteria,
        computedAt: now,
      })),
    );
}
