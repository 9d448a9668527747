import { describe, expect, it } from 'vitest';
import { dayVi } from './dates';

describe('dayVi', () => {
  it('shows an instant as its day in Vietnam, dd/MM/yyyy', () => {
    expect(dayVi('2026-12-02T18:00:00.000Z')).toBe('03/12/2026');
    expect(dayVi('2026-12-02T16:59:59.000Z')).toBe('02/12/2026');
    expect(dayVi(null)).toBe('');
  });
});
