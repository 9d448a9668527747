/** What the split needs of an indicator definition. */
export interface SplitMeasure {
  aggregation: string;
  integer: boolean;
}

const EPS = 1e-9;

/**
 * Split a parent's target over children with these weights (equal split: all 1), in the children's
 * sort order. Only sums are divided: a percentage, an average or a latest value is copied to each child
 * (a percentage is not divided). Whole-number indicators get whole shares, the remainder one each to
 * the first children; other values get two decimals, the rounding difference on the first child, so the
 * shares always add up to the parent's value.
 */
export function splitTarget(def: SplitMeasure, value: number, weights: readonly number[]): number[] {
  if (!weights.length) return [];
  if (def.aggregation !== 'sum') return weights.map(() => value);
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (value * w) / total);
  if (def.integer && Number.isInteger(value)) {
    const shares = exact.map((x) => Math.floor(x + EPS));
    let remainder = value - shares.reduce((s, x) => s + x, 0);
    for (let i = 0; remainder > 0; i = (i + 1) % shares.length, remainder--) shares[i]! += 1;
    return shares;
  }
  const shares = exact.map((x) => Math.round(x * 100) / 100);
  const diff = Math.round((value - shares.reduce((s, x) => s + x, 0)) * 100) / 100;
  shares[0] = Math.round((shares[0]! + diff) * 100) / 100;
  return shares;
}

/** The day on which "active" is judged for a year's split: today, kept inside that year. */
export function referenceDay(year: number, today: string): string {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return today < first ? first : today > last ? last : today;
}
