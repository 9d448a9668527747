import type { z } from 'zod';
import {
  completenessQuery,
  indicatorProgressQuery,
  leagueQuery,
  progressCyclesQuery,
  provinceCompletenessQuery,
  provinceIndicatorProgressQuery,
  labelledMessage,
  progressExportViewLabelsVi,
  rollupQuery,
  type ProgressExportQuery,
} from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { ReportTable } from '../documents';
import { communeCompleteness } from './completeness';
import { communeCycles } from './cycles';
import { communeIndicatorProgress, provinceIndicatorProgress } from './indicator-progress';
import { communeLeague, provinceLeague } from './league';
import { provinceCompleteness } from './province-completeness';
import { communeRollup, provinceRollup } from './rollup-view';
import { authorizeNode, type ProgressNode } from './scope';
import { completenessUnitsTable, cyclesTable, indicatorsTable, leagueTable, provinceCompletenessTable, rollupTable } from './tables';
import { tablesWorkbook, XLSX_TYPE } from './xlsx-table';

/** The view's own query from the export's parameters, validated by the view's schema (400 naming the field). */
function viewQuery<S extends z.ZodType>(schema: S, q: ProgressExportQuery): z.infer<S> {
  const { view: _view, ...rest } = q;
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'query', message: i.message }));
    throw new AppError('VALIDATION_FAILED', details.map((d) => labelledMessage(d.field, d.message)).join(' '), details);
  }
  return parsed.data;
}

/** The table of one dashboard view at a commune or a province, computed by the view's own use-case. */
async function viewTable(opts: { db: Db; actor: Actor; node: ProgressNode; query: ProgressExportQuery }): Promise<ReportTable> {
  const { db, actor, node, query } = opts;
  if ('communeId' in node) {
    const base = { db, actor, communeId: node.communeId };
    switch (query.view) {
      case 'cycles':
        return cyclesTable((await communeCycles({ ...base, query: viewQuery(progressCyclesQuery, query) })).cycles);
      case 'completeness':
        return completenessUnitsTable(await communeCompleteness({ ...base, query: viewQuery(completenessQuery, query) }));
      case 'indicators':
        return indicatorsTable(await communeIndicatorProgress({ ...base, query: viewQuery(indicatorProgressQuery, query) }));
      case 'league':
        return leagueTable(await communeLeague({ ...base, query: viewQuery(leagueQuery, query) }));
      case 'rollup':
        return rollupTable(await communeRollup({ ...base, query: viewQuery(rollupQuery, query) }));
    }
  }
  const base = { db, actor, provinceId: node.provinceId };
  switch (query.view) {
    case 'completeness':
      return provinceCompletenessTable(await provinceCompleteness({ ...base, query: viewQuery(provinceCompletenessQuery, query) }));
    case 'indicators':
      return indicatorsTable(await provinceIndicatorProgress({ ...base, query: viewQuery(provinceIndicatorProgressQuery, query) }));
    case 'league':
      return leagueTable(await provinceLeague({ ...base, query: viewQuery(leagueQuery, query) }));
    case 'rollup':
      return rollupTable(await provinceRollup({ ...base, query: viewQuery(rollupQuery, query) }));
    case 'cycles':
      throw new AppError('VALIDATION_FAILED', 'Bảng các kỳ báo cáo chỉ có ở cấp xã.', [
        {
          field: 'view',
          message: `Chọn một trong: ${(['completeness', 'indicators', 'league', 'rollup'] as const).map((v) => progressExportViewLabelsVi[v]).join(', ')}.`,
        },
      ]);
  }
}

/** Use-case: the data of one dashboard view as an .xlsx file (Vietnamese headers, numbers as numbers, dd/MM/yyyy dates). */
export async function exportProgress(opts: { db: Db; actor: Actor; node: ProgressNode; query: ProgressExportQuery }) {
  authorizeNode(opts.actor, opts.node);
  const table = await viewTable(opts);
  const body = await tablesWorkbook([table], table.title);
  const year = /^\d{4}$/u.test(opts.query.year ?? '') ? ` năm ${opts.query.year}` : '';
  return { name: `Tiến độ – ${progressExportViewLabelsVi[opts.query.view]}${year}.xlsx`, type: XLSX_TYPE, body };
}
