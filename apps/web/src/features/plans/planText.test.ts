import { describe, expect, it } from 'vitest';
import {
  deadlineWording,
  dueByLabel,
  fieldIdToPath,
  findSpan,
  importWarningText,
  lastOnTimeDay,
  lowConfidencePaths,
  planDateVi,
  planPathLabel,
  splitAtSpan,
} from './planText';
import { fieldLabelsEn, fieldLabelsVi } from '@tds/contracts';
import en from '../../i18n/en';

describe('deadlineWording', () => {
  it('words a yearly "before" deadline as plans do', () => {
    expect(deadlineWording({ day: 5, month: 12, year: null, recurrence: 'yearly', qualifier: 'before' })).toBe('trước ngày 05/12 hằng năm');
  });
  it('words a one-off "by" deadline with its year', () => {
    expect(deadlineWording({ day: 18, month: 7, year: 2025, recurrence: 'once', qualifier: 'by' })).toBe('chậm nhất ngày 18/07/2025');
  });
  it('words a month-only deadline', () => {
    expect(deadlineWording({ day: null, month: 9, year: 2025, recurrence: 'once', qualifier: 'in' })).toBe('trong tháng 9/2025');
  });
  it('words a half-yearly deadline without a date', () => {
    expect(deadlineWording({ day: null, month: null, year: null, recurrence: 'half-yearly', qualifier: 'in' })).toBe('định kỳ 6 tháng');
  });
});

describe('lastOnTimeDay', () => {
  it('"trước ngày 05/12" is due by the end of 04/12', () => {
    expect(lastOnTimeDay({ day: 5, month: 12, qualifier: 'before' }, 2026)).toBe('2026-12-04');
  });
  it('"chậm nhất ngày 05/11" is due by the end of 05/11', () => {
    expect(lastOnTimeDay({ day: 5, month: 11, qualifier: 'by' }, 2025)).toBe('2025-11-05');
  });
  it('"trước ngày 01/01" falls on the last day of the previous year', () => {
    expect(lastOnTimeDay({ day: 1, month: 1, qualifier: 'before' }, 2026)).toBe('2025-12-31');
  });
  it('a month-only deadline is due at the end of the month', () => {
    expect(lastOnTimeDay({ day: null, month: 2, qualifier: 'in' }, 2028)).toBe('2028-02-29');
  });
  it('rejects dates that do not exist and missing months', () => {
    expect(lastOnTimeDay({ day: 31, month: 4, qualifier: 'by' }, 2025)).toBeNull();
    expect(lastOnTimeDay({ day: 5, month: null, qualifier: 'by' }, 2025)).toBeNull();
  });
  it('labels the due day with or without a year', () => {
    expect(dueByLabel({ day: 5, month: 12, year: null, recurrence: 'yearly', qualifier: 'before' })).toBe('04/12');
    expect(dueByLabel({ day: 18, month: 7, year: 2025, recurrence: 'once', qualifier: 'before' })).toBe('17/07/2025');
    expect(dueByLabel({ day: null, month: null, year: null, recurrence: 'half-yearly', qualifier: 'in' })).toBeNull();
  });
});

describe('source spans', () => {
  const sources = {
    'plan.title': { start: 10, end: 40, confidence: 0.9 },
    'plan.deadlines.0.text': { start: 500, end: 520, confidence: 0.95 },
    'plan.deadlines.0.what': { start: 450, end: 499, confidence: 0.6 },
    'plan.signer.name': { start: 900, end: 918, confidence: 0.97 },
  };
  it('finds the exact span', () => {
    expect(findSpan(sources, 'plan.title')).toEqual(sources['plan.title']);
  });
  it("falls back to the item's wording, then to its earliest part", () => {
    expect(findSpan(sources, 'plan.deadlines.0.day')).toEqual(sources['plan.deadlines.0.text']);
    expect(findSpan({ 'plan.x.0.b': { start: 9, end: 10, confidence: 1 }, 'plan.x.0.a': { start: 5, end: 6, confidence: 1 } }, 'plan.x.0.c')?.start).toBe(5);
  });
  it('gives a list the span of its first item', () => {
    expect(findSpan(sources, 'plan.deadlines')).toEqual(sources['plan.deadlines.0.what']);
  });
  it('does not fall back to the whole plan', () => {
    expect(findSpan(sources, 'plan.date')).toBeNull();
    expect(findSpan(sources, 'plan.deadlines.3.day')).toEqual(sources['plan.deadlines.0.what']);
    expect(findSpan(undefined, 'plan.title')).toBeNull();
  });
  it('splits text around a span, clamped to the text', () => {
    expect(splitAtSpan('abcdef', { start: 2, end: 4 })).toEqual({ before: 'ab', mark: 'cd', after: 'ef' });
    expect(splitAtSpan('abc', { start: 2, end: 99 })).toEqual({ before: 'ab', mark: 'c', after: '' });
    expect(splitAtSpan('abc', null)).toEqual({ before: 'abc', mark: '', after: '' });
  });
  it('maps form item ids to paths', () => {
    expect(fieldIdToPath('plan_deadlines_0_text')).toBe('plan.deadlines.0.text');
    expect(fieldIdToPath('plan_signer_name')).toBe('plan.signer.name');
    expect(fieldIdToPath('other_title')).toBeNull();
    expect(fieldIdToPath('')).toBeNull();
  });
  it('lists low-confidence paths in text order', () => {
    expect(lowConfidencePaths(sources)).toEqual(['plan.deadlines.0.what']);
  });
  it('formats ISO dates as dd/MM/yyyy', () => {
    expect(planDateVi('2025-06-16')).toBe('16/06/2025');
    expect(planDateVi(null)).toBe('');
  });
});

describe('import warnings in words', () => {
  const byCode = (code: string) => (en.plans.import.warnings as Record<string, string>)[code];

  it('shows the server sentence in Vietnamese and a sentence for the code in English, never the code', () => {
    const w = { code: 'NUMBER_MISSING', message: 'Không tìm thấy số, ký hiệu văn bản.', path: 'plan.number' };
    expect(importWarningText(w, true, byCode)).toBe('Không tìm thấy số, ký hiệu văn bản.');
    const inEnglish = importWarningText(w, false, byCode, 'Document number');
    expect(inEnglish).toBe('Document number: The document number was not found.');
    expect(inEnglish).not.toContain('NUMBER_MISSING');
    expect(importWarningText({ code: 'SOMETHING_NEW', message: 'x' }, false, byCode)).toBe('Please check this part.');
  });

  it('names every part of a path, by the shared labels when the page has none', () => {
    const known = (p: string) => ({ deadlines: 'Thời hạn' })[p];
    expect(planPathLabel('plan.deadlines.1.what', known, fieldLabelsVi)).toBe('Thời hạn › 2 › Việc phải làm');
    expect(planPathLabel('plan.participantGroups.0.unitIds', () => undefined, fieldLabelsEn)).toBe('Participant group › 1 › Chosen units');
  });
});
