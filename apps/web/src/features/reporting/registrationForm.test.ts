import { describe, expect, it } from 'vitest';
import type { RegistrationDetail } from '@tds/contracts';
import { formToRegistrationInput, planYears, registrationFieldPath, registrationToForm, splitAwards, takenElsewhere } from './registrationForm';

const kinds = [
  { code: 'GIAY_KHEN_XA', kind: 'form' as const },
  { code: 'LAO_DONG_TIEN_TIEN', kind: 'title' as const },
  { code: 'TAP_THE_LAO_DONG_TIEN_TIEN', kind: 'title' as const },
];

const detail = {
  id: '00000000-0000-4000-8000-000000000001',
  year: 2026,
  fromYear: 2025,
  toYear: 2027,
  commitments: 'Cam kết',
  awardCodes: ['GIAY_KHEN_XA', 'TAP_THE_LAO_DONG_TIEN_TIEN', 'CU'],
  indicators: [
    {
      code: 'XH.KNS',
      targets: [
        { year: 2025, value: 60 },
        { year: 2026, value: 70 },
      ],
    },
  ],
  people: [{ personId: '00000000-0000-4000-8000-000000000002', personName: 'Nguyễn Văn A', titleCode: 'LAO_DONG_TIEN_TIEN', commitment: null }],
  version: 3,
} as unknown as RegistrationDetail;

describe('registration form', () => {
  it('lists the plan years', () => {
    expect(planYears(2025, 2027)).toEqual([2025, 2026, 2027]);
    expect(planYears(2027, 2025)).toEqual([]);
  });

  it('keeps forms and titles apart, unknown codes with the forms', () => {
    expect(splitAwards(detail.awardCodes, kinds)).toEqual({ forms: ['GIAY_KHEN_XA', 'CU'], titles: ['TAP_THE_LAO_DONG_TIEN_TIEN'] });
  });

  it('round-trips a registration', () => {
    const f = registrationToForm(detail, kinds);
    expect(f.indicators[0]?.targets).toEqual({ 2025: 60, 2026: 70 });
    const input = formToRegistrationInput(f, { year: 2026, version: 3, years: planYears(2025, 2027) }, true);
    expect(input).toEqual({
      year: 2026,
      version: 3,
      commitments: 'Cam kết',
      awardCodes: ['GIAY_KHEN_XA', 'CU', 'TAP_THE_LAO_DONG_TIEN_TIEN'],
      indicators: [
        {
          code: 'XH.KNS',
          targets: [
            { year: 2025, value: 60 },
            { year: 2026, value: 70 },
          ],
        },
      ],
      people: [{ personId: '00000000-0000-4000-8000-000000000002', titleCode: 'LAO_DONG_TIEN_TIEN', commitment: null }],
      submit: true,
    });
  });

  it('drops empty rows and targets outside the plan, and sends no version for a new registration', () => {
    const input = formToRegistrationInput(
      {
        indicators: [{ code: undefined }, { code: 'A', targets: { 2024: 5, 2025: null, 2026: 7 } }],
        people: [{ personId: undefined }, { personId: 'p', titleCode: '', commitment: '  ' }],
        awardForms: ['X', 'X'],
      },
      { year: 2025, version: null, years: [2025, 2026] },
      false,
    );
    expect(input.indicators).toEqual([{ code: 'A', targets: [{ year: 2026, value: 7 }] }]);
    expect(input.people).toEqual([{ personId: 'p', titleCode: null, commitment: null }]);
    expect(input.awardCodes).toEqual(['X']);
    expect(input).not.toHaveProperty('version');
    expect(input.submit).toBe(false);
  });

  it('knows what the other rows took', () => {
    const rows = [{ code: 'A' }, undefined, { code: 'B' }, { code: undefined }];
    expect([...takenElsewhere(rows, (r) => r.code, 0)]).toEqual(['B']);
    expect([...takenElsewhere(rows, (r) => r.code, 3)]).toEqual(['A', 'B']);
  });
});

describe('registrationFieldPath', () => {
  const f = {
    commitments: '',
    awardForms: ['GK'],
    awardTitles: ['CSTD'],
    indicators: [{}, { code: 'A', targets: { 2026: 1, 2027: 2 } }],
    people: [{ personId: 'p1' }],
  };
  const input = formToRegistrationInput(f, { year: 2026, version: 1, years: [2026, 2027] }, true);

  it('maps the payload rows back to the form rows (empty rows were dropped), a target to its year', () => {
    expect(registrationFieldPath('indicators.0.targets.1.value', f, input)).toEqual(['indicators', 1, 'targets', '2027']);
    expect(registrationFieldPath('indicators.0.code', f, input)).toEqual(['indicators', 1, 'code']);
    expect(registrationFieldPath('people.0.titleCode', f, input)).toEqual(['people', 0, 'titleCode']);
    expect(registrationFieldPath('awardCodes.1', f, input)).toEqual(['awardTitles']);
    expect(registrationFieldPath('commitments', f, input)).toEqual(['commitments']);
    expect(registrationFieldPath('year', f, input)).toBeNull();
  });
});
