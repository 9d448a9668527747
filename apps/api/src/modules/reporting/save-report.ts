import type { z } from 'zod';
import { cleanText, type ErrorDetail, type reportSaveInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { and, eq } from 'drizzle-orm';
import { indicatorMap } from '../indicators';
import { unit } from '../org';
import { mapDetail } from './report-mapper';
import { takeReportStep } from './report-step';
import { checkValues } from './report-values';
import type { ReportRow, ReportSection } from './reporting.table';

type SaveInput = z.infer<typeof reportSaveInput>;

/** Sections as stored: NFC text, titles on one line, keys unique and titles present. */
export function checkSections(input: NonNullable<SaveInput['sections']>): { sections: ReportSection[]; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  const sections = input.map((s, i) => {
    const title = cleanText(s.title);
    if (!title) errors.push({ field: `sections.${i}.title`, message: `Mục thứ ${i + 1} chưa có tiêu đề.` });
    if (seen.has(s.key)) errors.push({ field: `sections.${i}.key`, message: `Mục "${title || s.key}" bị trùng.` });
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
export async function saveReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; input: SaveInput; now?: Date }) {
  const { db, actor, communeId, input } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    let values: ReportRow['values'] | undefined;
    let sections: ReportSection[] | undefined;
    const { row } = await takeReportStep(tx, actor, opts.meta, {
      now: opts.now ?? clockNow(),
      communeId,
      id: opts.id,
      transition: 'save',
      version: input.version,
      check: async (cur) => {
        const errors: ErrorDetail[] = [];
        if (input.sections) {
          const checked = checkSections(input.sections);
          errors.push(...checked.errors);
          sections = checked.sections;
        }
        if (input.values) {
          if (cur.kind === 'unit_plan' && input.values.length) {
            errors.push({ field: 'values', message: 'Kế hoạch của đơn vị không có số liệu chỉ tiêu: chỉ cần tóm tắt và tệp kế hoạch.' });
          } else {
            const [owner] = await tx
              .select({ kind: unit.kind })
              .from(unit)
              .where(and(eq(unit.communeId, communeId), eq(unit.id, cur.unitId)));
            const checked = checkValues(await indicatorMap(tx, communeId), input.values, owner?.kind);
            errors.push(...checked.errors);
            values = checked.values;
          }
        }
        return errors;
      },
      set: (cur) => ({
        sections: sections ?? cur.sections,
        values: values ?? cur.values,
        summary: input.summary === undefined ? cur.summary : input.summary?.normalize('NFC').trim() || null,
      }),
      summary: (_cur, _row, label) => `Lưu báo cáo: ${label}`,
    });
    return mapDetail(tx, actor, row);
  });
}
