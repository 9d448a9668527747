import { describe, expect, it } from 'vitest';
import { achievement, aggregateValue, elapsedShare, periodBounds, scoreFor, trackStatus } from './achievement';

const higher = { direction: 'higher' };
const lower = { direction: 'lower' };
const meetings = {
  direction: 'higher',
  scoreBands: [
    { min: 0, score: 0 },
    { min: 1, score: 5 },
    { min: 2, score: 10 },
    { min: 3, score: 15 },
    { min: 4, score: 20 },
  ],
};

describe('achievement', () => {
  it('is value ÷ target when higher is better, rounded to one decimal', () => {
    expect(achievement(higher, 40, 80)).toBe(50);
    expect(achievement(higher, 1, 3)).toBe(33.3);
    expect(achievement(higher, 80, 80)).toBe(100);
  });
  it('is target ÷ value when lower is better', () => {
    expect(achievement(lower, 10, 5)).toBe(50);
    expect(achievement(lower, 4, 5)).toBe(125);
    expect(achievement(lower, 0, 5)).toBe(100);
    expect(achievement(lower, 3, 0)).toBe(0);
  });
  it('is null without a target or a value', () => {
    expect(achievement(higher, null, 80)).toBeNull();
    expect(achievement(higher, 40, null)).toBeNull();
    expect(achievement(higher, undefined, undefined)).toBeNull();
    expect(achievement(higher, Number.NaN, 10)).toBeNull();
  });
  it('meets a zero target with any value, and is capped at 200%', () => {
    expect(achievement(higher, 0, 0)).toBe(100);
    expect(achievement(higher, 5, 0)).toBe(100);
    expect(achievement(higher, 1000, 10)).toBe(200);
    expect(achievement(higher, -5, 10)).toBe(0);
  });
});

describe('elapsedShare (Vietnam time)', () => {
  it('runs from 0 at the start of the year in Vietnam to 1 at its end', () => {
    expect(elapsedShare(2025, 0, new Date('2024-12-31T17:00:00Z'))).toBe(0); // 00:00 1/1/2025 in Vietnam
    expect(elapsedShare(2025, 0, new Date('2024-12-31T16:59:00Z'))).toBe(0);
    expect(elapsedShare(2025, 0, new Date('2025-12-31T17:00:00Z'))).toBe(1);
    expect(elapsedShare(2025, 0, new Date('2030-01-01T00:00:00Z'))).toBe(1);
    expect(elapsedShare(2025, 0, new Date('2025-07-02T17:00:00Z'))).toBeCloseTo(183 / 365, 5);
  });
  it('knows the two halves', () => {
    expect(elapsedShare(2025, 1, new Date('2025-06-30T17:00:00Z'))).toBe(1);
    expect(elapsedShare(2025, 2, new Date('2025-06-30T17:00:00Z'))).toBe(0);
    expect(elapsedShare(2025, 2, new Date('2025-10-01T17:00:00Z'))).toBeCloseTo(93 / 184, 5); // 00:00 2/10 in Vietnam;
    const h2 = periodBounds(2025, 2);
    expect(new Date(h2.end).toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });
});

describe('trackStatus', () => {
  it('is on track when achievement keeps pace with the elapsed share, or the target is reached', () => {
    expect(trackStatus(50, 0.5)).toBe('on_track');
    expect(trackStatus(100, 1)).toBe('on_track');
    expect(trackStatus(120, 1)).toBe('on_track');
    expect(trackStatus(0, 0)).toBe('on_track');
  });
  it('is at risk from 75% of the pace, off track below', () => {
    expect(trackStatus(75, 1)).toBe('at_risk');
    expect(trackStatus(37.5, 0.5)).toBe('at_risk');
    expect(trackStatus(74.9, 1)).toBe('off_track');
    expect(trackStatus(0, 0.2)).toBe('off_track');
  });
  it('has no status without an achievement', () => {
    expect(trackStatus(null, 0.5)).toBe('no_target');
    expect(trackStatus(undefined, 0.5)).toBe('no_target');
  });
});

describe('aggregateValue', () => {
  const sums = { sumValue: 150, sumNumerator: 30, sumDenominator: 120, n: 3 };
  it('divides summed numerators by summed denominators for ratios: percentages are never averaged', () => {
    // Village 1: 10/20 = 50 %, village 2: 20/100 = 20 %: the commune is 30/120 = 25 %, not the 35 % mean.
    expect(aggregateValue({ aggregation: 'ratio', measure: '%' }, { sumValue: 70, sumNumerator: 30, sumDenominator: 120, n: 2 })).toBe(25);
    expect(aggregateValue({ aggregation: 'ratio', measure: 'lần' }, sums)).toBe(0.25);
    expect(aggregateValue({ aggregation: 'ratio', measure: '%' }, { ...sums, sumNumerator: 1, sumDenominator: 3 })).toBe(33.33);
  });
  it('is null with a zero denominator or nothing reported', () => {
    expect(aggregateValue({ aggregation: 'ratio', measure: '%' }, { ...sums, sumDenominator: 0 })).toBeNull();
    expect(aggregateValue({ aggregation: 'sum', measure: 'buổi' }, { ...sums, n: 0 })).toBeNull();
  });
  it('averages, sums and keeps the latest', () => {
    expect(aggregateValue({ aggregation: 'average', measure: 'điểm' }, sums)).toBe(50);
    expect(aggregateValue({ aggregation: 'sum', measure: 'buổi' }, sums)).toBe(150);
    expect(aggregateValue({ aggregation: 'latest', measure: 'hộ' }, sums)).toBe(150);
  });
});

describe('scoreFor', () => {
  it('scores steering-committee meetings 4/3/2/1/0 as 20/15/10/5/0', () => {
    expect([4, 3, 2, 1, 0].map((v) => scoreFor(meetings, v))).toEqual([20, 15, 10, 5, 0]);
    expect(scoreFor(meetings, 7)).toBe(20);
    expect(scoreFor(meetings, 2.5)).toBe(10);
    expect(scoreFor(meetings, -1)).toBe(0);
  });
  it('reads bands the other way when lower is better', () => {
    const late = {
      direction: 'lower',
      scoreBands: [
        { min: 0, score: 10 },
        { min: 2, score: 5 },
        { min: 5, score: 1 },
      ],
    };
    expect(scoreFor(late, 0)).toBe(10);
    expect(scoreFor(late, 1)).toBe(5);
    expect(scoreFor(late, 5)).toBe(1);
    expect(scoreFor(late, 9)).toBe(0);
  });
  it('is null without bands or a value', () => {
    expect(scoreFor({ direction: 'higher', scoreBands: null }, 3)).toBeNull();
    expect(scoreFor({ direction: 'higher', scoreBands: [] }, 3)).toBeNull();
    expect(scoreFor(meetings, null)).toBeNull();
  });
});
