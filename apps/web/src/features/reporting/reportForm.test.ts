import { describe, expect, it } from 'vitest';
import type { ReportFormIndicator } from '@tds/contracts';
import {
  clearChangedErrors,
  detailToForm,
  entryIssues,
  unreadyValues,
  fieldMessage,
  fieldPath,
  formToPayload,
  groupByPillar,
  lateKind,
  mapServerErrors,
  ratioValue,
  payloadAsText,
} from './reportForm';

const ind = (over: Partial<ReportFormIndicator>): ReportFormIndicator => ({
  code: 'X',
  name: 'Chỉ tiêu',
  pillar: 'gov',
  measure: 'buổi',
  aggregation: 'sum',
  ratio: false,
  numeratorLabel: null,
  denominatorLabel: null,
  minValue: null,
  maxValue: null,
  integer: false,
  evidence: null,
  ...over,
});
const SESSIONS = ind({ code: 'XH.BUOI', pillar: 'society', measure: 'buổi', minValue: 0, integer: true });
const SKILLS = ind({
  code: 'XH.KNS',
  pillar: 'society',
  measure: '%',
  aggregation: 'ratio',
  ratio: true,
  numeratorLabel: 'Số người biết',
  denominatorLabel: 'Tổng số người',
});
const DOSSIERS = ind({ code: 'CQ.HS', pillar: 'gov', measure: '%', minValue: 0, maxValue: 100 });

const detail = {
  kind: 'report' as const,
  sections: [
    { key: 'results', title: 'Kết quả', text: 'cũ' },
    { key: 'plans', title: 'Phương hướng', text: '' },
  ],
  values: [{ code: 'XH.KNS', value: null, numerator: 30, denominator: 120, note: null }],
  summary: null,
  form: [SESSIONS, SKILLS, DOSSIERS],
};

describe('report form values', () => {
  it('starts from the report, with an empty entry for each asked indicator', () => {
    const f = detailToForm(detail);
    expect(f.sections).toEqual(['cũ', '']);
    expect(f.values['XH.KNS']).toEqual({ value: null, numerator: 30, denominator: 120, note: null });
    expect(f.values['XH.BUOI']).toEqual({ value: null, numerator: null, denominator: null, note: null });
    expect(f.summary).toBe('');
  });

  it('builds the save payload: section keys kept, ratio values without a value, notes trimmed', () => {
    const p = formToPayload(detail, {
      sections: ['mới', 'tiếp'],
      values: {
        'XH.BUOI': { value: 12, numerator: 1, denominator: 2, note: '  ' },
        'XH.KNS': { value: 99, numerator: 40, denominator: 120, note: ' theo sổ ' },
      },
    });
    expect(p.sections).toEqual([
      { key: 'results', title: 'Kết quả', text: 'mới' },
      { key: 'plans', title: 'Phương hướng', text: 'tiếp' },
    ]);
    expect(p.values).toEqual([
      { code: 'XH.BUOI', value: 12, numerator: null, denominator: null, note: null },
      { code: 'XH.KNS', value: null, numerator: 40, denominator: 120, note: 'theo sổ' },
      { code: 'CQ.HS', value: null, numerator: null, denominator: null, note: null },
    ]);
    expect(p).not.toHaveProperty('summary');
  });

  it('sends the summary of a unit plan', () => {
    const plan = formToPayload({ ...detail, kind: 'unit_plan' }, { summary: 'Tóm tắt' });
    expect(plan.summary).toBe('Tóm tắt');
    expect(plan).not.toHaveProperty('values');
    expect(formToPayload({ ...detail, kind: 'unit_plan' }, { summary: '  ' }).summary).toBeNull();
  });
});

describe('ratio indicators', () => {
  it('computes the percentage, and nothing while a part is missing or the denominator is not positive', () => {
    expect(ratioValue(30, 120, '%')).toBe(25);
    expect(ratioValue(1, 4, 'lần')).toBe(0.25);
    expect(ratioValue(null, 120, '%')).toBeNull();
    expect(ratioValue(3, 0, '%')).toBeNull();
    expect(ratioValue(3, -2, '%')).toBeNull();
  });

  it('flags a zero denominator, a negative numerator and a percentage over 100', () => {
    expect(entryIssues(SKILLS, { numerator: 3, denominator: 0 })).toEqual({ denominator: { key: 'form.issues.denominatorZero' } });
    expect(entryIssues(SKILLS, { numerator: -1, denominator: 5 }).numerator?.key).toBe('form.issues.negative');
    expect(entryIssues(SKILLS, { numerator: 130, denominator: 120 }).numerator?.key).toBe('form.issues.numeratorOverDenominator');
    expect(entryIssues(SKILLS, { numerator: 120, denominator: 120 })).toEqual({});
  });

  it('asks for both parts of a ratio', () => {
    expect(entryIssues(SKILLS, { numerator: 3, denominator: null })).toEqual({ denominator: { key: 'form.issues.needDenominator' } });
    expect(entryIssues(SKILLS, { numerator: null, denominator: 3 })).toEqual({ numerator: { key: 'form.issues.needNumerator' } });
    expect(entryIssues(SKILLS, { numerator: null, denominator: null })).toEqual({});
  });

  it('lists the indicators whose figures are not ready to save', () => {
    expect(unreadyValues(detail.form, { 'XH.KNS': { numerator: 3 }, 'XH.BUOI': { value: 4 }, 'CQ.HS': { value: 120 } })).toEqual(['XH.KNS', 'CQ.HS']);
    expect(unreadyValues(detail.form, undefined)).toEqual([]);
  });

  it('checks plain values against the range, whole numbers and percentages', () => {
    expect(entryIssues(SESSIONS, { value: -1 }).value).toEqual({ key: 'form.issues.min', params: { min: 0 } });
    expect(entryIssues(SESSIONS, { value: 2.5 }).value?.key).toBe('form.issues.integer');
    expect(entryIssues(DOSSIERS, { value: 101 }).value?.key).toBe('form.issues.percentRange');
    expect(entryIssues(DOSSIERS, { value: 100 })).toEqual({});
    expect(entryIssues(SESSIONS, { value: null })).toEqual({});
  });
});

describe('server field errors', () => {
  const codes = ['XH.BUOI', 'XH.KNS', 'CQ.HS'];

  it('reads bracket and dotted paths', () => {
    expect(fieldPath('values[1].denominator')).toEqual(['values', '1', 'denominator']);
    expect(fieldPath('values.1.denominator')).toEqual(['values', '1', 'denominator']);
  });

  it('places values[i] errors on the i-th sent indicator, and sections on their index', () => {
    const m = mapServerErrors(
      [
        { field: 'values[1].denominator', message: 'Mẫu số phải lớn hơn 0.' },
        { field: 'values.2.value', message: 'Tỷ lệ phần trăm phải từ 0 đến 100.' },
        { field: 'values.XH.BUOI', message: 'Phải là số nguyên.' },
        { field: 'values.XH.KNS.numerator', message: 'Tử số âm.' },
        { field: 'sections[0].text', message: 'Quá dài.' },
        { field: 'file', message: 'Chưa có tệp.' },
        { field: 'values[9].value', message: 'lạ' },
        { message: 'Chung' },
      ],
      codes,
    );
    expect(m.values['XH.KNS']).toEqual({ denominator: 'Mẫu số phải lớn hơn 0.', numerator: 'Tử số âm.' });
    expect(m.values['CQ.HS']).toEqual({ value: 'Tỷ lệ phần trăm phải từ 0 đến 100.' });
    expect(m.values['XH.BUOI']).toEqual({ value: 'Phải là số nguyên.' });
    expect(m.sections[0]).toBe('Quá dài.');
    expect(m.file).toBe('Chưa có tệp.');
    expect(m.other).toEqual(['lạ', 'Chung']);
  });

  it('shows a ratio indicator whole-value error next to its numerator', () => {
    const m = mapServerErrors([{ field: 'values[1]', message: 'Tỷ lệ vượt 100%.' }], codes);
    expect(fieldMessage(m.values['XH.KNS'], 'numerator', true)).toBe('Tỷ lệ vượt 100%.');
    expect(fieldMessage(m.values['XH.KNS'], 'denominator', true)).toBeUndefined();
  });
});

describe('late marker', () => {
  const lateAfter = '2026-12-05T17:00:00.000Z';
  it('is "late" for a late submission and "overdue" for nothing submitted after the deadline', () => {
    expect(lateKind({ submittedAt: '2026-12-06T01:00:00Z', late: true, lateAfter })).toBe('late');
    expect(lateKind({ submittedAt: '2026-12-01T01:00:00Z', late: false, lateAfter }, new Date('2027-01-01'))).toBeNull();
    expect(lateKind({ submittedAt: null, late: false, lateAfter }, new Date('2026-12-06T00:00:00Z'))).toBe('overdue');
    expect(lateKind({ submittedAt: null, late: false, lateAfter }, new Date('2026-12-05T00:00:00Z'))).toBeNull();
  });
  it('reads a due item by its own submission time: a registration answered on time has no report and is not overdue', () => {
    const registrationItem = { submittedAt: '2026-12-01T01:00:00.000Z', late: false, lateAfter, report: null };
    expect(lateKind(registrationItem, new Date('2027-01-01'))).toBeNull();
  });
});

describe('grouping and copying', () => {
  it('groups by pillar in the order government, economy, society', () => {
    expect(groupByPillar(detail.form).map((g) => [g.pillar, g.items.map((i) => i.code)])).toEqual([
      ['gov', ['CQ.HS']],
      ['society', ['XH.BUOI', 'XH.KNS']],
    ]);
  });

  it('renders the content as text to copy', () => {
    const text = payloadAsText(
      detail,
      formToPayload(detail, { sections: ['A', 'B'], values: { 'XH.KNS': { value: null, numerator: 1, denominator: 2, note: null } } }),
      { summary: 'Tóm tắt' },
    );
    expect(text).toContain('## Kết quả\nA');
    expect(text).toContain('XH.KNS - Chỉ tiêu: 1 / 2');
  });
});

describe('years', () => {
  it('takes the year in Vietnam time', async () => {
    const { vietnamYear, yearOptions } = await import('./reportForm');
    expect(vietnamYear(new Date('2026-12-31T18:00:00Z'))).toBe(2027);
    expect(vietnamYear(new Date('2026-12-31T16:00:00Z'))).toBe(2026);
    expect(yearOptions(2026, 1, 1)).toEqual([2027, 2026, 2025]);
  });

  it('shows save times as HH:mm in Vietnam time', async () => {
    const { formatClock } = await import('./reportForm');
    expect(formatClock(new Date('2026-03-01T01:05:00Z'))).toBe('08:05');
  });
});

describe('clearChangedErrors', () => {
  it('drops the messages of the inputs a change touched, and keeps the others', () => {
    const e = mapServerErrors(
      [
        { field: 'values.0.value', message: 'Vượt quá 500.' },
        { field: 'values.1.denominator', message: 'Mẫu số phải lớn hơn 0.' },
        { field: 'sections.0.text', message: 'Quá dài.' },
      ],
      ['A', 'B'],
    );
    const after = clearChangedErrors(e, { values: { A: { value: 12 } } });
    expect(after.values).toEqual({ A: {}, B: { denominator: 'Mẫu số phải lớn hơn 0.' } });
    expect(after.sections).toEqual({ 0: 'Quá dài.' });
    expect(clearChangedErrors(after, { sections: ['Ngắn hơn'] }).sections).toEqual({});
    expect(clearChangedErrors(e, { values: { C: { value: 1 } } })).toBe(e);
  });
});
