import type { z } from 'zod';
import { unitKindLabelsVi, type ErrorDetail, type reportValueInput, type UnitKind } from '@tds/contracts';
import { reportedBy, type IndicatorDef } from '../indicators';
import type { ReportValue } from './reporting.table';

type ValueInput = z.infer<typeof reportValueInput>;
type Part = 'value' | 'numerator' | 'denominator';

const PART_VI: Record<Part, string> = { value: 'Giá trị', numerator: 'Tử số', denominator: 'Mẫu số' };

/** Whether the report form asks for numerator and denominator (Σnumerator ÷ Σdenominator). */
export const isRatio = (d: Pick<IndicatorDef, 'aggregation'>) => d.aggregation === 'ratio';
const isPercent = (d: Pick<IndicatorDef, 'measure'>) => d.measure.trim() === '%';
const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 4 });

/**
 * A typed figure as a number: numbers pass, text is read with a decimal point or comma ("12,5").
 * Null/undefined/"" mean "not filled in"; anything else that is no finite number is `NaN`.
 */
export function readNumber(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  const s = v.trim().replace(/\s+/gu, '');
  if (s === '') return null;
  return /^[-+]?\d+([.,]\d+)?$/u.test(s) ? Number(s.replace(',', '.')) : Number.NaN;
}

/** Problems of one filled-in number against the indicator's rules (whole numbers, not negative). */
function numberProblems(def: IndicatorDef, part: Part, n: number): string | null {
  const name = `${PART_VI[part].toLowerCase()} của chỉ tiêu "${def.name}"`;
  if (Number.isNaN(n)) return `${PART_VI[part]} của chỉ tiêu "${def.name}" phải là một số.`;
  if (def.integer && !Number.isInteger(n)) return `${capital(name)} phải là số nguyên (${def.measure}).`;
  if (part !== 'value' && n < 0) return `${capital(name)} không được âm.`;
  return null;
}

/** Range problems of a plain value or of a ratio's resulting figure. */
function rangeProblem(def: IndicatorDef, figure: number, what: string): string | null {
  if (isPercent(def) && figure > 100) return `${what} của chỉ tiêu "${def.name}" là ${fmt(figure)}%, vượt quá 100%.`;
  if (isPercent(def) && figure < 0) return `${what} của chỉ tiêu "${def.name}" không được âm.`;
  if (def.minValue !== null && figure < def.minValue) return `${what} của chỉ tiêu "${def.name}" phải từ ${fmt(def.minValue)}${unitSuffix(def)} trở lên.`;
  if (def.maxValue !== null && figure > def.maxValue) return `${what} của chỉ tiêu "${def.name}" không được vượt quá ${fmt(def.maxValue)}${unitSuffix(def)}.`;
  return null;
}

const unitSuffix = (d: IndicatorDef) => (isPercent(d) ? '%' : ` ${d.measure}`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Checked {
  value: ReportValue | null;
  errors: ErrorDetail[];
}

/** A ratio indicator: numerator and denominator both or neither, denominator > 0, within range. */
function checkRatio(def: IndicatorDef, v: ValueInput, at: string): Checked {
  const errors: ErrorDetail[] = [];
  const add = (part: Part, message: string | null) => {
    if (message) errors.push({ field: `${at}.${part}`, message });
  };
  if (readNumber(v.value) !== null)
    add(
      'value',
      `Chỉ tiêu "${def.name}" là tỷ lệ: nhập tử số (${def.numeratorLabel ?? 'tử số'}) và mẫu số (${def.denominatorLabel ?? 'mẫu số'}), không nhập giá trị.`,
    );
  const num = readNumber(v.numerator);
  const den = readNumber(v.denominator);
  if (num === null && den === null) return { value: errors.length ? null : empty(def.code, v), errors };
  if (num === null) add('numerator', `Chỉ tiêu "${def.name}" cần cả tử số (${def.numeratorLabel ?? 'tử số'}) khi đã nhập mẫu số.`);
  if (den === null) add('denominator', `Chỉ tiêu "${def.name}" cần cả mẫu số (${def.denominatorLabel ?? 'mẫu số'}) khi đã nhập tử số.`);
  if (num !== null) add('numerator', numberProblems(def, 'numerator', num));
  if (den !== null) add('denominator', numberProblems(def, 'denominator', den));
  if (errors.length || num === null || den === null) return { value: null, errors };
  if (den === 0) add('denominator', `Mẫu số của chỉ tiêu "${def.name}" bằng 0: không tính được tỷ lệ. Nhập ${def.denominatorLabel ?? 'mẫu số'} lớn hơn 0.`);
  else if (isPercent(def) && num > den)
    add('numerator', `Tử số của chỉ tiêu "${def.name}" (${fmt(num)}) lớn hơn mẫu số (${fmt(den)}): tỷ lệ không thể vượt quá 100%.`);
  else add('numerator', rangeProblem(def, isPercent(def) ? (num / den) * 100 : num / den, 'Tỷ lệ'));
  return errors.length ? { value: null, errors } : { value: { code: def.code, value: null, numerator: num, denominator: den, note: note(v) }, errors };
}

/** A plain indicator: one value, no numerator/denominator. */
function checkPlain(def: IndicatorDef, v: ValueInput, at: string): Checked {
  const errors: ErrorDetail[] = [];
  if (readNumber(v.numerator) !== null || readNumber(v.denominator) !== null) {
    errors.push({ field: `${at}.numerator`, message: `Chỉ tiêu "${def.name}" chỉ nhập một giá trị, không nhập tử số và mẫu số.` });
  }
  const n = readNumber(v.value);
  if (n === null) return { value: errors.length ? null : empty(def.code, v), errors };
  const problem = numberProblems(def, 'value', n) ?? rangeProblem(def, n, 'Giá trị');
  if (problem) errors.push({ field: `${at}.value`, message: problem });
  return errors.length ? { value: null, errors } : { value: { code: def.code, value: n, numerator: null, denominator: null, note: note(v) }, errors };
}

const note = (v: ValueInput) => v.note?.normalize('NFC').trim() || null;
const empty = (code: string, v: ValueInput): ReportValue => ({ code, value: null, numerator: null, denominator: null, note: note(v) });

/**
 * Check typed figures against the indicator definitions. Every problem names the indicator, in
 * Vietnamese, with the field `values.<i>.<part>`. Empty figures are allowed (a draft may leave them);
 * rows that are wholly empty are dropped.
 */
export function checkValues(
  defs: ReadonlyMap<string, IndicatorDef>,
  inputs: readonly ValueInput[],
  /** When given, a figure of an indicator that units of this kind do not report is refused. */
  unitKind?: string,
): { values: ReportValue[]; errors: ErrorDetail[] } {
  const values: ReportValue[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  inputs.forEach((v, i) => {
    const at = `values.${i}`;
    const def = defs.get(v.code);
    if (!def) return void errors.push({ field: `${at}.code`, message: `Chỉ tiêu có mã "${v.code}" không có trong danh mục chỉ tiêu của xã/phường.` });
    if (!def.active) return void errors.push({ field: `${at}.code`, message: `Chỉ tiêu "${def.name}" không còn được sử dụng.` });
    if (def.source !== 'report')
      return void errors.push({ field: `${at}.code`, message: `Chỉ tiêu "${def.name}" được tính tự động từ dữ liệu của hệ thống, không nhập trong báo cáo.` });
    if (unitKind && !reportedBy(def, unitKind))
      return void errors.push({
        field: `${at}.code`,
        message: `Chỉ tiêu "${def.name}" không do ${unitKindLabelsVi[unitKind as UnitKind]?.toLocaleLowerCase('vi') ?? 'loại đơn vị này'} báo cáo.`,
      });
    if (seen.has(def.code)) return void errors.push({ field: `${at}.code`, message: `Chỉ tiêu "${def.name}" được nhập nhiều lần.` });
    seen.add(def.code);
    const checked = isRatio(def) ? checkRatio(def, v, at) : checkPlain(def, v, at);
    errors.push(...checked.errors);
    const out = checked.value;
    if (out && (out.value !== null || out.numerator !== null || out.note !== null)) values.push(out);
  });
  return { values, errors };
}

/** True when a stored figure holds a number (what acceptance turns into an indicator value). */
export const isFilled = (v: ReportValue) => v.value !== null || (v.numerator !== null && v.denominator !== null);
