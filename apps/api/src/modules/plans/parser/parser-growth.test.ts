import { describe, expect, it } from 'vitest';
import { HOSTILE_SHAPES } from '../fixtures/hostile.js';
import { parsePlanText } from './index.js';

function ms(text: string): number {
  const t0 = performance.now();
  parsePlanText(text);
  return performance.now() - t0;
}

/** Best of three timings of each text, taken in turns (the machine is shared: the best run is the least disturbed). */
function bestOfThree(small: string, large: string): [number, number] {
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < 3; i++) {
    a = Math.min(a, ms(small));
    b = Math.min(b, ms(large));
  }
  return [a, b];
}

// Each shape once took seconds to minutes at a few hundred kB (time grew with the square of the length).
// Linear growth doubles the time when the text doubles; a quadratic parser quadruples it. Both sizes
// are measured in the same run, so the ratio holds on a slow or busy machine.
describe('parsePlanText grows linearly with the text', () => {
  for (const [name, shape] of Object.entries(HOSTILE_SHAPES)) {
    it(`${name}: 800 kB takes less than 3x the time of 400 kB, and under 2 s`, () => {
      const small = shape(400_000);
      const large = shape(800_000);
      ms(shape(50_000));
      const [a, b] = bestOfThree(small, large);
      expect(b).toBeLessThan(2000);
      expect(b / Math.max(a, 20), `${Math.round(a)} ms → ${Math.round(b)} ms`).toBeLessThan(3);
    }, 30_000);
  }
});
