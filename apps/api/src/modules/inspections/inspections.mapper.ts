import {
  inspectionRecommendationWorkflow,
  inspectionWorkflow,
  type InspectionDetail,
  type InspectionEvidenceDoc,
  type InspectionFinding,
  type InspectionRating,
  type InspectionRecommendation,
  type InspectionRecommendationStatus,
  type InspectionStatus,
  type InspectionSummary,
} from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { abilitiesOf } from '../../platform/workflow';
import { answersFor, mayRecordOn } from './inspections.policy';
import type { InspectionBundle } from './inspections.store';
import type { InspectionRow, RecommendationRow } from './inspections.table';

type FileInfo = { id: string; name: string; mime: string; size: number };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Evidence columns -> the evidence shown (null when there is none). */
export function mapEvidence(
  e: { number: string | null; date: string | null; summary: string | null; fileId: string | null },
  files: ReadonlyMap<string, FileInfo>,
): InspectionEvidenceDoc | null {
  if (!e.number && !e.date && !e.summary && !e.fileId) return null;
  return { number: e.number, date: e.date, summary: e.summary, file: e.fileId ? (files.get(e.fileId) ?? null) : null };
}

/** A list row of an inspection. */
export function mapSummary(
  row: InspectionRow,
  units: readonly { id: string; name: string }[],
  counts: { findings: number; recommendations: number; open: number } | undefined,
): InspectionSummary {
  return {
    id: row.id,
    communeId: row.communeId,
    title: row.title,
    year: row.year,
    visitDate: row.visitDate,
    visitTime: row.visitTime,
    status: row.status as InspectionStatus,
    rating: (row.rating as InspectionRating | null) ?? null,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    findings: counts?.findings ?? 0,
    recommendations: counts?.recommendations ?? 0,
    openRecommendations: counts?.open ?? 0,
    version: row.version,
  };
}

/** A recommendation, with what the actor may do on it now. */
export function mapRecommendation(
  actor: Actor,
  r: RecommendationRow,
  unitInfo: { name: string; path: string | null },
  files: ReadonlyMap<string, FileInfo>,
): InspectionRecommendation {
  const can = abilitiesOf(actor, inspectionRecommendationWorkflow, r, { unitPath: unitInfo.path });
  return {
    id: r.id,
    inspectionId: r.inspectionId,
    findingId: r.findingId,
    unitId: r.unitId,
    unitName: unitInfo.name,
    text: r.text,
    dueOn: r.dueOn,
    status: r.status as InspectionRecommendationStatus,
    answer:
      r.answerText && r.answeredAt
        ? {
            text: r.answerText,
            evidence: mapEvidence({ number: r.answerNumber, date: r.answerDate, summary: r.answerSummary, fileId: r.answerFileId }, files),
            byName: r.answeredByName,
            at: r.answeredAt.toISOString(),
          }
        : null,
    reviewComment: r.reviewComment,
    reviewedAt: iso(r.reviewedAt),
    closedAt: iso(r.closedAt),
    version: r.version,
    can: { answer: can.answer, close: can.close, return: can.return },
  };
}

/** One inspection with everything on it and what the actor may do. */
export function mapDetail(actor: Actor, b: InspectionBundle, unitNames: ReadonlyMap<string, { name: string; path: string }>): InspectionDetail {
  const { row } = b;
  const unitInfo = (id: string) => unitNames.get(id) ?? { name: '', path: null };
  const recs = b.recommendations.map((r) => mapRecommendation(actor, r, unitInfo(r.unitId), b.files));
  const findings: InspectionFinding[] = b.findings.map((f) => {
    const mine = recs.filter((r) => r.findingId === f.id);
    return {
      id: f.id,
      unitId: f.unitId,
      unitName: unitInfo(f.unitId).name,
      text: f.text,
      evidence: mapEvidence({ number: f.evidenceNumber, date: f.evidenceDate, summary: f.evidenceSummary, fileId: f.evidenceFileId }, b.files),
      recordedByName: f.recordedByName,
      createdAt: f.createdAt.toISOString(),
      closed: mine.every((r) => r.status === 'closed'),
      recommendations: mine,
    };
  });
  const open = recs.filter((r) => r.status !== 'closed').length;
  const wf = abilitiesOf(actor, inspectionWorkflow, row, {});
  const record =
    wf.record &&
    mayRecordOn(
      actor,
      row.communeId,
      b.members.map((m) => m.userId),
    );
  const answersHere = row.status !== 'closed' && b.units.some((u) => answersFor(actor, row.communeId, u.path));
  return {
    ...mapSummary(row, b.units, { findings: b.findings.length, recommendations: recs.length, open }),
    members: b.members,
    checklist: row.checklist,
    plan: row.planId ? { id: row.planId, title: b.planTitle ?? '' } : null,
    note: row.note,
    conclusion: row.conclusion,
    concludedAt: iso(row.concludedAt),
    cancelReason: row.cancelReason,
    closedAt: iso(row.closedAt),
    findingList: findings,
    can: {
      edit: wf.edit,
      record,
      conclude: wf.conclude,
      reopen: wf.reopen,
      close: wf.close && open === 0,
      cancel: wf.cancel,
      upload: record || answersHere,
    },
  };
}
