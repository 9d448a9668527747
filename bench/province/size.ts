import { envNumber } from '../_lib/common';

/** How big a province the bench builds, and which cycle, indicator and years it asks about. */
export interface Size {
  communes: number;
  /** Units per commune. */
  units: number;
  /** Indicators in the catalogue (the national ones from the migrations, topped up with bench rows). */
  indicators: number;
  fromYear: number;
  toYear: number;
  /** The year of the completeness and league questions. */
  questionYear: number;
  /** The years of the roll-up question. */
  rollupFrom: number;
  rollupTo: number;
}

/**
 * The size from the environment: BENCH_COMMUNES (100), BENCH_UNITS (40 per commune), BENCH_INDICATORS
 * (30), BENCH_YEARS (6, from 2025). The questions ask about 2027 and 2025-2029, clamped to the years built.
 */
export function sizeFromEnv(): Size {
  const fromYear = 2025;
  const years = Math.round(envNumber('BENCH_YEARS', 6));
  const toYear = fromYear + years - 1;
  const units = Math.round(envNumber('BENCH_UNITS', 40));
  if (units < 8) throw new Error('BENCH_UNITS must be at least 8 (every kind of unit, one village with its digital team)');
  return {
    communes: Math.round(envNumber('BENCH_COMMUNES', 100)),
    units,
    indicators: Math.round(envNumber('BENCH_INDICATORS', 30)),
    fromYear,
    toYear,
    questionYear: Math.min(2027, toYear),
    rollupFrom: fromYear,
    rollupTo: Math.min(fromYear + 4, toYear),
  };
}
