import { describe, expect, it } from 'vitest';
import { HOSTILE_SHAPES } from '../fixtures/hostile.js';
import { parsePlanText } from './index.js';

function ms(text: string): number {
  const t0 = performance.now();
  parsePlanText(text);
  return performance.now() - t0;
}

/**
 * Seven rounds, each timing the small text and then the large one back to back, so both of a round
 * see the same load: the best large time, and the smallest of the rounds' ratios. The machine is
 * shared (the test suite runs two files at once); a round where only the large text was disturbed
 * does not decide, while a square growth shows in every round.
 */
function rounds(small: string, large: string): { best: number; ratio: number; a: number; b: number } {
  let best = Infinity;
  let ratio = Infinity;
  let at = { a: 0, b: 0 };
  for (let i = 0; i < 7; i++) {
    const a = ms(small);
    const b = ms(large);
    best = Math.min(best, b);
    const r = b / Math.max(a, 20);
    if (r < ratio) {
      ratio = r;
      at = { a, b };
    }
  }
  return { best, ratio, ...at };
}

// Each shape once took seconds to minutes at a few hundred kB (time grew with the square of the length).
// Linear growth makes a text four times as long take four times as long; a quadratic parser takes
// sixteen times as long. The bound (8x) sits halfway on a log scale, so a busy machine's noise
// (a 2x swing seen in CI between 400 and 800 kB) does not fail it while a square still does.
// Both sizes are measured in the same run, so the ratio holds on a slow or busy machine.
describe('parsePlanText grows linearly with the text', () => {
  for (const [name, shape] of Object.entries(HOSTILE_SHAPES)) {
    it(`${name}: 800 kB takes less than 8x the time of 200 kB, and under 2 s`, () => {
      const small = shape(200_000);
      const large = shape(800_000);
      ms(shape(50_000));
      const { best, ratio, a, b } = rounds(small, large);
      expect(best).toBeLessThan(2000);
      expect(ratio, `${Math.round(a)} ms → ${Math.round(b)} ms`).toBeLessThan(8);
    }, 30_000);
  }
});
