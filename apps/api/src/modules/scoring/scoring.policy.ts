import { criterionMethodLabelsVi, isAuto, type ErrorDetail, type EvidenceInput, type RubricInput } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { indicatorMap, reportedBy } from '../indicators';
import { inspectionEvidence } from '../inspections';
import type { CriterionRow } from './scoring.table';
import { evidenceFileNames, type UnitInfo } from './scoring.store';

/** The rules of the rubric, the self-assessment and the council's scores, with Vietnamese messages naming the field. */

const critLabel = (i: number) => `Tiêu chí thứ ${i + 1}`;

/** A rubric's problems: units of the commune, bands where banded, indicators that exist and that every scored unit reports. */
export async function rubricProblems(tx: Tx, communeId: string, input: RubricInput, units: readonly UnitInfo[]): Promise<ErrorDetail[]> {
  const out: ErrorDetail[] = [];
  const found = new Set(units.map((u) => u.id));
  input.unitIds.forEach((id, i) => {
    if (!found.has(id)) out.push({ field: `unitIds.${i}`, message: 'Đơn vị không thuộc xã này hoặc không còn hoạt động.' });
  });
  if (new Set(input.unitIds).size !== input.unitIds.length) out.push({ field: 'unitIds', message: 'Một đơn vị được chọn hai lần.' });
  const classMins = input.classes.map((c) => c.min);
  if (new Set(classMins).size !== classMins.length) out.push({ field: 'classes', message: 'Hai mức xếp loại có cùng điểm sàn.' });
  if (!classMins.includes(0)) out.push({ field: 'classes', message: 'Cần một mức xếp loại có điểm sàn 0 (mức thấp nhất).' });
  const defs = await indicatorMap(tx, communeId);
  const checkCode = (code: string, field: string, label: string) => {
    const d = defs.get(code);
    if (!d) return out.push({ field, label, message: `Chỉ tiêu ${code} không có trong danh mục chỉ tiêu của xã.` });
    const missing = units.filter((u) => !reportedBy(d, u.kind));
    if (missing.length)
      out.push({
        field,
        label,
        message: `Chỉ tiêu ${code} (${d.name}) không do ${missing.length === 1 ? 'đơn vị' : `${missing.length} đơn vị`} ${missing
          .slice(0, 3)
          .map((u) => u.name)
          .join(', ')}${missing.length > 3 ? '...' : ''} báo cáo: không chấm bằng công thức trên chỉ tiêu này được.`,
      });
  };
  input.criteria.forEach((c, i) => {
    const f = (k: string) => `criteria.${i}.${k}`;
    if (c.method === 'bands') {
      if (!c.bands?.length) out.push({ field: f('bands'), label: critLabel(i), message: `${critLabel(i)}: cách chấm theo mức cần ít nhất một mức.` });
      c.bands?.forEach((b, j) => {
        if (b.points > c.maxPoints)
          out.push({
            field: f(`bands.${j}.points`),
            label: critLabel(i),
            message: `${critLabel(i)}: điểm của mức ${j + 1} (${b.points}) vượt điểm tối đa ${c.maxPoints}.`,
          });
      });
      if (c.bands && new Set(c.bands.map((b) => b.min)).size !== c.bands.length)
        out.push({ field: f('bands'), label: critLabel(i), message: `${critLabel(i)}: hai mức có cùng ngưỡng.` });
    }
    if (c.method === 'formula' && !c.indicatorCode)
      out.push({
        field: f('indicatorCode'),
        label: critLabel(i),
        message: `${critLabel(i)}: cách chấm ${criterionMethodLabelsVi.formula.toLowerCase()} cần chọn chỉ tiêu ở tử số.`,
      });
    if (c.method === 'judgement' && (c.indicatorCode || c.denominatorCode))
      out.push({ field: f('indicatorCode'), label: critLabel(i), message: `${critLabel(i)}: tiêu chí do Hội đồng đánh giá không lấy số liệu từ chỉ tiêu.` });
    if (c.method !== 'formula' && c.denominatorCode)
      out.push({ field: f('denominatorCode'), label: critLabel(i), message: `${critLabel(i)}: chỉ cách chấm theo công thức mới có mẫu số.` });
    if (c.indicatorCode && c.method !== 'judgement') checkCode(c.indicatorCode, f('indicatorCode'), critLabel(i));
    if (c.denominatorCode && c.method === 'formula') checkCode(c.denominatorCode, f('denominatorCode'), critLabel(i));
  });
  if (!input.criteria.some((c) => c.section === 'main'))
    out.push({ field: 'criteria', message: 'Cần ít nhất một tiêu chí chính (không phải điểm thưởng, điểm trừ).' });
  return out;
}

export interface Entry {
  value?: number | null;
  points?: number | null;
}

/** A score entered for a criterion: within its maximum, of the kind its method takes. */
export function entryProblems(criteria: readonly CriterionRow[], items: Record<string, Entry>, opts: { field: string; complete: boolean }): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const byId = new Map(criteria.map((c, i) => [c.id, { c, i }]));
  for (const [id, e] of Object.entries(items)) {
    const hit = byId.get(id);
    if (!hit) {
      out.push({ field: `${opts.field}.${id}`, message: 'Tiêu chí không có trong bảng tiêu chí này.' });
      continue;
    }
    const { c, i } = hit;
    const label = `${critLabel(i)} (${c.title.slice(0, 60)})`;
    if (isAuto(c) && (e.points != null || e.value != null))
      out.push({ field: `${opts.field}.${id}`, label, message: `${label}: điểm được tính tự động từ báo cáo đã tiếp nhận, không nhập tay.` });
    if (e.points != null && e.points > c.maxPoints)
      out.push({ field: `${opts.field}.${id}.points`, label, message: `${label}: điểm ${e.points} vượt điểm tối đa ${c.maxPoints}.` });
  }
  if (opts.complete)
    criteria.forEach((c, i) => {
      if (isAuto(c)) return;
      const e = items[c.id];
      const typed = c.method === 'bands' ? e?.value != null || e?.points != null : e?.points != null;
      if (!typed && c.section === 'main')
        out.push({
          field: `${opts.field}.${c.id}`,
          label: critLabel(i),
          message: `${critLabel(i)} (${c.title.slice(0, 60)}): chưa ${c.method === 'bands' ? 'nhập số liệu' : 'cho điểm'}.`,
        });
    });
  return out;
}

/**
 * Evidence where the criterion requires it (on submission; an uploaded file counts), inspections of
 * the unit itself, and files uploaded for this very rubric and unit (not another's, not removed).
 */
export async function evidenceProblems(
  tx: Tx,
  at: { communeId: string; rubricId: string; unitId: string },
  criteria: readonly CriterionRow[],
  items: Record<string, { evidence?: EvidenceInput[] }>,
  opts: { submit: boolean },
): Promise<ErrorDetail[]> {
  const { communeId, unitId } = at;
  const out: ErrorDetail[] = [];
  const files = await evidenceFileNames(
    tx,
    communeId,
    at.rubricId,
    unitId,
    criteria.flatMap((c) => items[c.id]?.evidence ?? []),
  );
  for (const [i, c] of criteria.entries()) {
    const ev = items[c.id]?.evidence ?? [];
    if (opts.submit && c.evidenceRequired && !ev.length)
      out.push({
        field: `items.${c.id}.evidence`,
        label: critLabel(i),
        message: `${critLabel(i)} (${c.title.slice(0, 60)}): cần minh chứng${c.evidenceHint ? ` (${c.evidenceHint})` : ''}.`,
      });
    for (const [j, e] of ev.entries()) {
      if (e.kind === 'file' && !files.has(e.fileId))
        out.push({
          field: `items.${c.id}.evidence.${j}`,
          label: critLabel(i),
          message: `${critLabel(i)}: tệp minh chứng không tồn tại (đã bị xóa hoặc không phải tệp tải lên cho bản tự chấm này). Hãy tải lên lại tệp.`,
        });
      if (e.kind !== 'inspection') continue;
      const insp = await inspectionEvidence(tx, communeId, e.inspectionId);
      if (!insp || !insp.unitIds.includes(unitId))
        out.push({ field: `items.${c.id}.evidence.${j}`, label: critLabel(i), message: `${critLabel(i)}: đợt kiểm tra được dẫn không phải của đơn vị này.` });
      else if (insp.status === 'planned' || insp.status === 'cancelled')
        out.push({
          field: `items.${c.id}.evidence.${j}`,
          label: critLabel(i),
          message: `${critLabel(i)}: đợt kiểm tra được dẫn ${insp.status === 'cancelled' ? 'đã bị hủy' : 'chưa diễn ra'}, chưa có kết quả để làm minh chứng.`,
        });
    }
  }
  return out;
}
