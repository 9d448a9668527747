import { describe, expect, it } from 'vitest';
import { aggregate, bandPoints, classify, entryPoints, formulaPoints, maxTotalOf, rankOf, totalOf } from './scoring-arithmetic.js';
import { defaultClasses } from './scoring.js';

const meetings = [
  { min: 4, points: 20 },
  { min: 3, points: 15 },
  { min: 2, points: 10 },
  { min: 1, points: 5 },
  { min: 0, points: 0 },
];

describe('rubric arithmetic', () => {
  it.each([
    [5, 20],
    [4, 20],
    [3.5, 15],
    [3, 15],
    [2, 10],
    [1, 5],
    [0, 0],
    [-1, 0],
  ])('bands 4/3/2/1/0 -> 20/15/10/5/0: %d meetings give %d points', (value, pts) => {
    expect(bandPoints(meetings, value, 20)).toBe(pts);
  });
  it('a band above the maximum gives the maximum; bands in any order', () => {
    expect(
      bandPoints(
        [
          { min: 0, points: 0 },
          { min: 10, points: 50 },
          { min: 5, points: 5 },
        ],
        12,
        30,
      ),
    ).toBe(30);
    expect(
      bandPoints(
        [
          { min: 0, points: 0 },
          { min: 10, points: 50 },
          { min: 5, points: 5 },
        ],
        7,
        30,
      ),
    ).toBe(5);
    expect(bandPoints([], 7, 30)).toBe(0);
  });
  it.each([
    [3, 4, 20, 20, 15],
    [4, 4, 20, 20, 20],
    [5, 4, 20, 20, 20],
    [1, 3, 20, 20, 6.67],
    [3, 0, 20, 20, 0],
    [null, 4, 20, 20, 0],
    [0.85, null, 10, 10, 8.5],
  ])('formula (%s / %s) x %d, max %d = %d', (num, den, factor, max, pts) => {
    expect(formulaPoints(num, den, factor, max)).toBe(pts);
  });
  it('an entry: a typed value goes through the bands, points are kept within 0..max', () => {
    expect(entryPoints({ method: 'bands', section: 'main', maxPoints: 20, bands: meetings }, { value: 3 })).toBe(15);
    expect(entryPoints({ method: 'judgement', section: 'main', maxPoints: 10 }, { points: 12 })).toBe(10);
    expect(entryPoints({ method: 'judgement', section: 'main', maxPoints: 10 }, {})).toBe(0);
  });
  it.each([
    [[8, 9, 10], 'mean', 9],
    [[8, 9, 10], 'median', 9],
    [[8, 9, 10], 'trimmed', 9],
    [[2, 9, 10, 10], 'mean', 7.75],
    [[2, 9, 10, 10], 'median', 9.5],
    [[2, 9, 10, 10], 'trimmed', 9.5],
    [[7, 10], 'trimmed', 8.5],
    [[5], 'median', 5],
    [[], 'mean', 0],
    [[1, 1, 2], 'mean', 1.33],
  ] as const)('aggregate %j by %s = %d', (xs, how, out) => {
    expect(aggregate(xs, how)).toBe(out);
  });
  it('totals: bonus added, penalty taken away, never below zero', () => {
    expect(
      totalOf([
        { section: 'main', points: 70 },
        { section: 'bonus', points: 5 },
        { section: 'penalty', points: 3 },
      ]),
    ).toBe(72);
    expect(
      totalOf([
        { section: 'main', points: 2 },
        { section: 'penalty', points: 10 },
      ]),
    ).toBe(0);
    expect(
      maxTotalOf([
        { section: 'main', maxPoints: 90 },
        { section: 'bonus', maxPoints: 10 },
        { section: 'penalty', maxPoints: 10 },
      ]),
    ).toBe(100);
  });
  it.each([
    [95, 'Hoàn thành xuất sắc nhiệm vụ'],
    [90, 'Hoàn thành xuất sắc nhiệm vụ'],
    [89.99, 'Hoàn thành tốt nhiệm vụ'],
    [50, 'Hoàn thành nhiệm vụ'],
    [0, 'Không hoàn thành nhiệm vụ'],
  ])('classify %d -> %s', (total, label) => {
    expect(classify(total, defaultClasses)).toBe(label);
  });
  it('ties share a rank and the next rank skips', () => {
    const r = rankOf(
      [
        { name: 'C', total: 80 },
        { name: 'A', total: 92 },
        { name: 'B', total: 80 },
        { name: 'D', total: 70 },
      ],
      (a, b) => a.name.localeCompare(b.name),
    );
    expect(r.map((x) => `${x.rank}${x.name}`)).toEqual(['1A', '2B', '2C', '4D']);
  });
});
