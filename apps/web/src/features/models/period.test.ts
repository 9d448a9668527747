import { describe, expect, it } from 'vitest';
import { modelPeriod } from './period';

describe("a model's period", () => {
  it('shows both dates dd/MM/yyyy, an open end as …, or the year alone', () => {
    expect(modelPeriod({ from: '2025-01-01', to: '2025-12-31', year: 2025 })).toBe('01/01/2025 – 31/12/2025');
    expect(modelPeriod({ from: '2025-03-15', to: null, year: 2025 })).toBe('15/03/2025 – …');
    expect(modelPeriod({ from: null, to: '2026-06-30', year: 2026 })).toBe('… – 30/06/2026');
    expect(modelPeriod({ from: null, to: null, year: 2026 })).toBe('2026');
  });
});
