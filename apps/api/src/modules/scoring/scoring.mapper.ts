import { formatDateVi, isAuto, maxTotalOf, type CriterionDto, type EvidenceDto, type EvidenceInput, type RubricDto } from '@tds/contracts';
import type { CriterionRow, RubricRow } from './scoring.table';

/** Pure mappers of the scoring module (rows to what the API returns). */

export function criterionDto(c: CriterionRow): CriterionDto {
  return {
    id: c.id,
    order: c.ord,
    title: c.title,
    section: c.section as CriterionDto['section'],
    method: c.method as CriterionDto['method'],
    maxPoints: c.maxPoints,
    bands: c.bands ?? undefined,
    indicatorCode: c.indicatorCode,
    denominatorCode: c.denominatorCode,
    factor: c.factor,
    evidenceRequired: c.evidenceRequired,
    evidenceHint: c.evidenceHint,
    auto: isAuto(c),
  };
}

export function rubricDto(
  row: RubricRow,
  criteria: readonly CriterionRow[],
  extra: { units: { id: string; name: string }[]; planTitle: string | null; can: RubricDto['can']; mine: RubricDto['mine'] },
): RubricDto {
  return {
    id: row.id,
    communeId: row.communeId,
    planId: row.planId,
    planTitle: extra.planTitle,
    groupName: row.groupName,
    title: row.title,
    year: row.year,
    status: row.status as RubricDto['status'],
    version: row.version,
    aggregation: row.aggregation as RubricDto['aggregation'],
    classes: row.classes,
    criteria: criteria.map(criterionDto),
    units: extra.units,
    source: row.source,
    maxTotal: maxTotalOf(criteria),
    can: extra.can,
    mine: extra.mine,
  };
}

/** What an inspection cited as evidence is, in words (from the inspections module). */
export interface InspectionLabel {
  title: string;
  visitDate: string;
  rating: string | null;
}

/**
 * Evidence as shown and printed: "Văn bản số 12/BC-UBND ngày 05/03/2026: ...", "Tệp ...", "Kiểm tra ngày ...";
 * a file by its name as uploaded (`files`: the unit's evidence files of the rubric, id -> name).
 */
export function evidenceDto(e: EvidenceInput, inspections: ReadonlyMap<string, InspectionLabel>, files: ReadonlyMap<string, string> = new Map()): EvidenceDto {
  switch (e.kind) {
    case 'document':
      return {
        kind: 'document',
        number: e.number,
        date: e.date,
        summary: e.summary,
        label: `Văn bản số ${e.number} ngày ${formatDateVi(e.date)}: ${e.summary}`,
      };
    case 'file': {
      const name = files.get(e.fileId);
      return name
        ? { kind: 'file', fileId: e.fileId, name, label: `Tệp đính kèm: ${name}` }
        : { kind: 'file', fileId: e.fileId, label: 'Tệp đính kèm (không còn tìm thấy)' };
    }
    case 'inspection': {
      const i = inspections.get(e.inspectionId);
      return {
        kind: 'inspection',
        inspectionId: e.inspectionId,
        label: i
          ? `Kết quả kiểm tra ngày ${formatDateVi(i.visitDate)}: ${i.title}${i.rating ? ` (${i.rating})` : ''}`
          : 'Kết quả kiểm tra (không còn tìm thấy)',
      };
    }
  }
}
