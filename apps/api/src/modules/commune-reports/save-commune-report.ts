import { clockNow } from '@tds/contracts';
import type { z } from 'zod';
import type { communeReportSaveInput, ErrorDetail } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { takeCommuneReportStep } from './commune-report-step';
import type { CommuneReportRow } from './commune-reports.table';
import { detailOf } from './commune-report-detail';

type SaveInput = z.infer<typeof communeReportSaveInput>;

/** The report's sections with the commune's texts put in; problems name the section. Pure. */
export function applyTexts(cur: CommuneReportRow, input: SaveInput['sections']): { sections: CommuneReportRow['content']['sections']; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const texts = new Map<string, string>();
  input.forEach((s, i) => {
    if (!cur.content.sections.some((c) => c.planId === s.planId))
      errors.push({
        field: `sections[${i}].planId`,
        message: `Mục thứ ${i + 1} không thuộc báo cáo này (kế hoạch không có trong báo cáo): hãy tải lại trang.`,
      });
    else if (texts.has(s.planId)) errors.push({ field: `sections[${i}].planId`, message: `Mục thứ ${i + 1} bị trùng kế hoạch.` });
    texts.set(s.planId, s.text.normalize('NFC'));
  });
  return { sections: cur.content.sections.map((c) => ({ ...c, text: texts.get(c.planId) ?? c.text })), errors };
}

/** Save the commune's text of each section (a draft, or a returned report being corrected). */
export async function saveCommuneReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; input: SaveInput; now?: Date }) {
  const { db, actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    let sections: CommuneReportRow['content']['sections'] = [];
    const { row } = await takeCommuneReportStep(tx, actor, opts.meta, {
      now,
      communeId,
      id: opts.id,
      transition: 'save',
      version: input.version,
      check: (cur) => {
        const applied = applyTexts(cur, input.sections);
        sections = applied.sections;
        return applied.errors;
      },
      set: () => ({ content: { sections } }),
      summary: (_cur, label) => `Lưu báo cáo của xã gửi tỉnh: ${label}`,
    });
    return detailOf(tx, actor, row, now);
  });
}
