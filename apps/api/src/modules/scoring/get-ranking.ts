import { and, asc, eq } from 'drizzle-orm';
import type { RankingDto, ResultDto } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import { assertVisible, canInCommune } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { assertRubricVisible, inScoring, managesScoring, scoresFor } from './scoring-context';
import { scoringPages } from './scoring-pages';
import { loadRubric } from './scoring.store';
import { scoreResult, type RubricRow } from './scoring.table';

/** The frozen results may be seen: published, by the commune's users; closed, by the office and the council. */
export function resultsVisible(actor: Actor, row: RubricRow): boolean {
  if (row.status === 'published') return true;
  return row.status === 'closed' && (managesScoring(actor, row.communeId) || scoresFor(actor, row.communeId));
}
export function assertResultsVisible(actor: Actor, row: RubricRow): void {
  if (!resultsVisible(actor, row))
    throw new AppError('INVALID_TRANSITION', row.status === 'closed' ? 'Kết quả chấm điểm chưa được công bố.' : 'Kết quả chỉ có sau khi khóa sổ điểm.');
}

/** The frozen results of a rubric in rank order; with `criteria`, every point and its evidence. */
export async function resultRows(tx: Tx, row: RubricRow, opts: { unitId?: string } = {}): Promise<ResultDto[]> {
  const rows = await tx
    .select({
      unitId: scoreResult.unitId,
      unitName: unit.name,
      total: scoreResult.total,
      classLabel: scoreResult.classLabel,
      rank: scoreResult.rank,
      breakdown: scoreResult.breakdown,
    })
    .from(scoreResult)
    .innerJoin(unit, and(eq(unit.communeId, scoreResult.communeId), eq(unit.id, scoreResult.unitId)))
    .where(and(eq(scoreResult.communeId, row.communeId), eq(scoreResult.rubricId, row.id), ...(opts.unitId ? [eq(scoreResult.unitId, opts.unitId)] : [])))
    .orderBy(asc(scoreResult.rank), asc(unit.sortKey));
  return rows.map(({ breakdown, ...r }) => ({ ...r, criteria: breakdown as ResultDto['criteria'] }));
}

/** A rubric's ranking page as kept: its state and its frozen rows (the same for every reader). */
interface RankingPage {
  row: RubricRow;
  rows: RankingDto['rows'];
}

/** The ranking of a rubric's units (empty until the results may be seen by this user). */
export async function getRanking(opts: { db: Db; actor: Actor; communeId: string; rubricId: string }): Promise<RankingDto> {
  const { db, actor, communeId, rubricId } = opts;
  assertVisible(actor, communeId);
  if (!canInCommune(actor, 'scoring.read', communeId)) throw new AppError('FORBIDDEN');
  const page = (await scoringPages(db, `ranking|${communeId}|${rubricId}`, () =>
    inScope(db, actor.scope, async (tx): Promise<RankingPage> => {
      const row = await loadRubric(tx, communeId, rubricId);
      const rows =
        row.status === 'closed' || row.status === 'published'
          ? await tx
              .select({ unitId: scoreResult.unitId, unitName: unit.name, total: scoreResult.total, classLabel: scoreResult.classLabel, rank: scoreResult.rank })
              .from(scoreResult)
              .innerJoin(unit, and(eq(unit.communeId, scoreResult.communeId), eq(unit.id, scoreResult.unitId)))
              .where(and(eq(scoreResult.communeId, row.communeId), eq(scoreResult.rubricId, row.id)))
              .orderBy(asc(scoreResult.rank), asc(unit.sortKey))
          : [];
      return { row, rows };
    }),
  )) as RankingPage;
  const { row } = page;
  assertRubricVisible(actor, row);
  const rows = resultsVisible(actor, row) ? page.rows : [];
  return {
    rubricId: row.id,
    title: row.title,
    groupName: row.groupName,
    year: row.year,
    status: row.status as RankingDto['status'],
    closedAt: row.closedAt,
    rows,
  };
}

/** One unit's scoresheet: every criterion's points, where they come from, and their evidence. */
export async function getResult(opts: { db: Db; actor: Actor; communeId: string; rubricId: string; unitId: string }): Promise<ResultDto> {
  return inScoring({ ...opts, permission: 'scoring.read' }, async (tx) => {
    const row = await loadRubric(tx, opts.communeId, opts.rubricId);
    assertRubricVisible(opts.actor, row);
    assertResultsVisible(opts.actor, row);
    const [r] = await resultRows(tx, row, { unitId: opts.unitId });
    if (!r) throw new AppError('NOT_FOUND', 'Đơn vị không thuộc bảng tiêu chí này.');
    return r;
  });
}
