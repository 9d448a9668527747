import { describe, expect, it } from 'vitest';
import { parseDashboardParams, yearOptions } from './dashboardParams';

const parse = (q: string, level: 'commune' | 'province' = 'commune', provinceIds: string[] = ['p1', 'p2']) =>
  parseDashboardParams(new URLSearchParams(q), { defaultLevel: level, provinceIds, currentYear: 2026 });

describe('dashboard params', () => {
  it("defaults to the user's level, first province, this year and the whole year", () => {
    expect(parse('')).toEqual({ level: 'commune', provinceId: 'p1', year: 2026, period: 0, indicatorCode: null, planId: null });
    expect(parse('', 'province').level).toBe('province');
    expect(parse('', 'commune', []).provinceId).toBeNull();
  });
  it('reads a valid view from the address', () => {
    const plan = '0b4c3c1e-2f7a-4f6e-9a51-6d2f0c1b2a3d';
    expect(parse(`scope=province&province=p2&year=2025&period=2&indicator=XH.A&plan=${plan}`)).toEqual({
      level: 'province',
      provinceId: 'p2',
      year: 2025,
      period: 2,
      indicatorCode: 'XH.A',
      planId: plan,
    });
  });
  it('ignores what is not valid', () => {
    expect(parse('scope=world&province=p9&year=abc&period=7&indicator=%20&plan=x%27%3Bdrop')).toEqual({
      level: 'commune',
      provinceId: 'p1',
      year: 2026,
      period: 0,
      indicatorCode: null,
      planId: null,
    });
    expect(parse('year=1999').year).toBe(2026);
    expect(parse('year=2025.5').year).toBe(2026);
  });
  it('offers six years back to next year, newest first', () => {
    expect(yearOptions(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  });
});
