import { describe, expect, it } from 'vitest';
import { indicatorCreateInput, indicatorPatchInput, type Indicator } from '@tds/contracts';
import { toBody, toValues, type IndicatorFormValues } from './indicatorForm';

const stored: Indicator = {
  code: 'XA.HOP',
  pillar: 'gov',
  name: 'Số cuộc họp',
  measure: 'cuộc',
  direction: 'higher',
  aggregation: 'sum',
  numeratorLabel: null,
  denominatorLabel: null,
  minValue: 0,
  maxValue: null,
  integer: true,
  scoreBands: [
    { min: 0, score: 0 },
    { min: 4, score: 20 },
  ],
  evidence: null,
  verifier: 'Sở Nội vụ',
  source: 'report',
  providerKey: null,
  sortOrder: 5,
  active: true,
  scope: 'commune',
  communeId: '00000000-0000-4000-8000-000000000001',
  unitKinds: null,
  unitKindsChosen: false,
  can: { edit: true, chooseKinds: true },
};

const values = (over: Partial<IndicatorFormValues>): IndicatorFormValues => ({ ...toValues(stored), ...over });

describe('indicator form', () => {
  it('round-trips a stored indicator into a valid patch', () => {
    const body = toBody(toValues(stored));
    expect(body).toMatchObject({
      name: 'Số cuộc họp',
      minValue: 0,
      maxValue: null,
      scoreBands: stored.scoreBands,
      evidence: null,
      verifier: 'Sở Nội vụ',
      sortOrder: 5,
    });
    expect(indicatorPatchInput.safeParse({ ...body, active: true }).success).toBe(true);
  });
  it('trims texts, empties blanks and drops ratio labels of other aggregations', () => {
    const body = toBody(values({ name: '  Tên  ', evidence: '   ', numeratorLabel: 'Tử', denominatorLabel: 'Mẫu' }));
    expect(body.name).toBe('Tên');
    expect(body.evidence).toBeNull();
    expect(body.numeratorLabel).toBeNull();
    expect(toBody(values({ aggregation: 'ratio', numeratorLabel: 'Tử', denominatorLabel: ' ' })).denominatorLabel).toBeNull();
  });
  it('lets the shared schema name what is wrong', () => {
    const ratio = toBody(values({ aggregation: 'ratio', measure: '%', maxValue: 150, numeratorLabel: '', denominatorLabel: '' }));
    const r = indicatorCreateInput.safeParse({ ...ratio, code: 'XA.TYLE' });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['numeratorLabel', 'denominatorLabel', 'maxValue']));
  });
  it('sends empty score bands as none, and an incomplete band as invalid', () => {
    expect(toBody(values({ scoreBands: [] })).scoreBands).toBeNull();
    const half = toBody(values({ scoreBands: [{ min: 1 }] }));
    expect(indicatorPatchInput.safeParse(half).success).toBe(false);
  });
  it('leaves the order out when it is empty', () => {
    expect('sortOrder' in toBody(values({ sortOrder: null }))).toBe(false);
  });
});
