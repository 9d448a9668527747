import type { z } from 'zod';
import { cleanText, type ErrorDetail, type reportSaveInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { indicatorMap } from '../indicators';
import { mapDetail } from './report-mapper';
import { assertEditable, assertVersion, authorizeUnitWrite, commitReport, loadReport, reportLabel } from './report-store';
import { checkValues } from './report-values';
import type { ReportSection } from './reporting.table';

type SaveInput = z.infer<typeof reportSaveInput>;

/** Sections as stored: NFC text, titles on one line, keys unique and titles present. */
export function checkSections(input: NonNullable<SaveInput['sections']>): { sections: ReportSection[]; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  const sections = input.map((s, i) => {
    const title = cleanText(s.title);
    if (!title) errors.push({ field: `sections[${i}].title`, message: `Mục thứ ${i + 1} chưa có tiêu đề.` });
    if (seen.has(s.key)) errors.push({ field: `sections[${i}].key`, message: `Mục "${title || s.key}" bị trùng.` });
    seen.add(s.key);
    return { key: s.key, title, text: s.text.normalize('NFC') };
  });
  return { sections, errors };
}

/**
 * Save a draft (autosave). Only the parts sent are replaced. Optimistic locking: a save that did
 * not start from the current version is refused with STALE_VERSION and writes nothing, so the other
 * person's work is kept. Values are checked against the indicator definitions.
 */
export async function saveReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; input: SaveInput }) {
  const { db, actor, communeId, input } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadReport(tx, communeId, opts.id, { lock: true });
    await authorizeUnitWrite(tx, actor, communeId, cur.unitId);
    assertVersion(cur, input.version);
    assertEditable(cur);
    const errors: ErrorDetail[] = [];
    const sections = input.sections ? checkSections(input.sections) : null;
    if (sections) errors.push(...sections.errors);
    let values = cur.values;
    if (input.values) {
      if (cur.kind === 'unit_plan' && input.values.length) {
        errors.push({ field: 'values', message: 'Kế hoạch của đơn vị không có số liệu chỉ tiêu: chỉ cần tóm tắt và tệp kế hoạch.' });
      } else {
        const checked = checkValues(await indicatorMap(tx, communeId), input.values);
        errors.push(...checked.errors);
        values = checked.values;
      }
    }
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0]!.message, errors);
    const summary = input.summary === undefined ? cur.summary : (input.summary?.normalize('NFC').trim() || null);
    const row = await commitReport(tx, actor, opts.meta, cur, {
      action: 'save', set: { sections: sections?.sections ?? cur.sections, values, summary }, summary: `Lưu báo cáo: ${await reportLabel(tx, cur)}`,
    });
    return mapDetail(tx, actor, row);
  });
}
