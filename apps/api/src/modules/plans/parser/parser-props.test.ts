import { planParseResult } from '@tds/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSeed, SEEDS } from '../fixtures/expected.js';
import { normalisePlanText, parsePlanText } from './index.js';

const FRAGMENTS = [
  'KẾ HOẠCH',
  'I. MỤC ĐÍCH',
  'II. NỘI DUNG',
  'III. ',
  '1. ',
  '(1) ',
  'a) ',
  'đ. ',
  '- ',
  '+ ',
  '|',
  '**',
  '## ',
  'Căn cứ ',
  'Số: ',
  '/KH-UBND',
  'ngày ',
  'tháng ',
  'năm 2025',
  'trước ngày 05/11',
  'hàng năm',
  'Giai đoạn 1 (từ năm 2025 đến năm 2027)',
  'sơ kết',
  'Nơi nhận:',
  'TM. ',
  'CHỦ TỊCH',
  'Giấy khen',
  '57-NQ/TW',
  '\n',
  '\r\n',
  '\n\n',
  ' ',
  '(',
  ')',
  '“',
  '6 tháng',
  'của UBND xã ',
  'Đối với ',
  ':',
];

/** Parse, check the result against the schema and the time limit, and return it. */
function checkedParse(text: string) {
  const t0 = performance.now();
  const r = parsePlanText(text);
  expect(performance.now() - t0).toBeLessThan(2000);
  expect(planParseResult.safeParse(r).success).toBe(true);
  const norm = normalisePlanText(text);
  for (const s of Object.values(r.sources)) expect(s.end <= norm.length && s.start >= 0 && s.start < s.end).toBe(true);
  if (r.plan === null) expect(r.warnings.map((w) => w.code)).toContain('NOT_A_PLAN');
  return r;
}

describe('parsePlanText on random and garbled text', () => {
  it('never throws on random strings, and finds no plan in them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000, unit: 'binary' }), (s) => {
        expect(checkedParse(s).plan).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on text made of plan fragments in random order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 }), (parts) => {
        checkedParse(parts.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on seeds with lines dropped, repeated and shuffled', () => {
    const seeds = SEEDS.map((s) => readSeed(s.file).split('\n'));
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 })), { maxLength: 60 }), (k, edits) => {
        const lines = [...seeds[k]!];
        for (const [at, op] of edits) {
          const i = at % Math.max(1, lines.length);
          if (op === 0) lines.splice(i, 1);
          else if (op === 1) lines.splice(i, 0, lines[(i * 7) % lines.length] ?? '');
          else lines[i] = (lines[i] ?? '').split('').reverse().join('');
        }
        checkedParse(lines.join('\n'));
      }),
      { numRuns: 100 },
    );
  });

  it('stays fast on pathological input', () => {
    const inputs = [
      'a'.repeat(200_000),
      '|'.repeat(50_000),
      '('.repeat(50_000),
      '1. '.repeat(30_000),
      'ngày '.repeat(30_000),
      'Giấy khen '.repeat(20_000),
      '- \n'.repeat(30_000),
      'KẾ HOẠCH\n' + 'I. A\n'.repeat(20_000),
      `${'x'.repeat(119)} > `.repeat(2000),
    ];
    for (const s of inputs) checkedParse(s);
  });

  // The bound (no input over 2 s); the typical figure is measured by `npm run bench -- plan-import`.
  it('parses each seed well within the 2 s bound', () => {
    for (const seed of SEEDS) {
      const text = readSeed(seed.file);
      parsePlanText(text);
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) parsePlanText(text);
      expect((performance.now() - t0) / 10).toBeLessThan(2000);
    }
  });
});
