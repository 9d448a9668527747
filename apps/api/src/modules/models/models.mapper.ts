import type { ModelSummary } from '@tds/contracts';
import type { ModelRow } from './models.table';

/** Model row -> list item. */
export function mapModelSummary(r: ModelRow, unitName: string, personName: string | null, photoCount: number): ModelSummary {
  return {
    id: r.id,
    communeId: r.communeId,
    kind: r.kind,
    title: r.title,
    unitId: r.unitId,
    unitName,
    personId: r.personId,
    personName,
    movementContent: r.movementContent,
    from: r.periodFrom,
    to: r.periodTo,
    year: r.year,
    status: r.status,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    photoCount,
    version: r.version,
  };
}

/** What the audit log keeps of a model. */
export const modelRecord = (r: ModelRow) => ({
  kind: r.kind,
  title: r.title,
  unitId: r.unitId,
  personId: r.personId,
  movementContent: r.movementContent,
  from: r.periodFrom,
  to: r.periodTo,
  year: r.year,
  status: r.status,
  version: r.version,
});
