import { describe, expect, it } from 'vitest';
import { defaultClasses } from '@tds/contracts';
import { rubricResults, type UnitInputs } from './scoring.results';
import type { CriterionRow } from './scoring.table';

const criterion = (id: string, over: Partial<CriterionRow>): CriterionRow => ({
  communeId: 'c',
  id,
  rubricId: 'r',
  ord: 0,
  title: id,
  section: 'main',
  method: 'judgement',
  maxPoints: 50,
  bands: null,
  indicatorCode: null,
  denominatorCode: null,
  factor: null,
  evidenceRequired: false,
  evidenceHint: null,
  ...over,
});

// One judged criterion (50) and one scored from the reports: meetings held ÷ planned × 50.
const criteria = [criterion('judged', {}), criterion('auto', { ord: 1, method: 'formula', indicatorCode: 'HOP', denominatorCode: 'HOP_KH' })];

const unit = (unitId: string, sortKey: string, over: Partial<UnitInputs>): UnitInputs => ({
  unitId,
  unitName: unitId,
  sortKey,
  figures: new Map([
    ['HOP', 4],
    ['HOP_KH', 4],
  ]),
  assessed: false,
  claims: {},
  scores: [],
  ...over,
});

describe('the results of a rubric', () => {
  // unit, inputs -> total, class, rank
  const cases: [string, Partial<UnitInputs>, number, string, number | null][] = [
    // Two members: (40 + 44) / 2 + 50 from the figures.
    ['council', { scores: [{ judged: { points: 40 } }, { judged: { points: 44 } }] }, 92, 'Hoàn thành xuất sắc nhiệm vụ', 1],
    // Its own claim stands where no member scored it (a draft too: the unit did assess itself).
    ['self', { assessed: true, claims: { judged: { points: 42 } } }, 92, 'Hoàn thành xuất sắc nhiệm vụ', 1],
    // Self-assessed at zero: scored, and at the bottom of the classes.
    ['zero', { assessed: true, figures: undefined }, 0, 'Không hoàn thành nhiệm vụ', 4],
    [
      'low',
      {
        assessed: true,
        claims: { judged: { points: 10 } },
        figures: new Map([
          ['HOP', 1],
          ['HOP_KH', 4],
        ]),
      },
      22.5,
      'Không hoàn thành nhiệm vụ',
      3,
    ],
    // Nobody scored it: its automatic points show, but it is neither classed nor ranked.
    ['nobody', {}, 50, '', null],
  ];
  const results = rubricResults(
    criteria,
    'mean',
    defaultClasses,
    cases.map(([id, over], i) => unit(id, String(i), over)),
  );

  it.each(cases)('%s', (id, _over, total, classLabel, rank) => {
    const r = results.find((x) => x.unitId === id)!;
    expect([r.total, r.classLabel, r.rank]).toEqual([total, classLabel, rank]);
  });

  it('ranks the scored units by total (ties share a rank, then in the tree order) and lists the unscored last', () => {
    expect(results.map((r) => r.unitId)).toEqual(['council', 'self', 'low', 'zero', 'nobody']);
  });
});
