import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, isoIfValid, isoToExcelSerial, parseBirthYear, parseCellDate, twoDigitYear } from './index.js';

const dates = fc
  .record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => isoIfValid(y, m, d))
  .filter((iso): iso is string => iso !== null);
const pad = (n: number) => String(n).padStart(2, '0');

describe('dates typed in spreadsheet cells', () => {
  it('reads dd/MM/yyyy, d/M/yyyy, d/M/yy, yyyy-MM-dd and Excel serials of the same day as the same date', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom('/', '-', '.'), (iso, sep) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(parseCellDate(`${pad(d)}${sep}${pad(m)}${sep}${y}`)).toBe(iso);
        expect(parseCellDate(` ${d}/${m}/${y} `)).toBe(iso);
        expect(parseCellDate(iso)).toBe(iso);
        // A serial of four digits (a day of 1902-1927) reads as a year, never as a date.
        const serial = isoToExcelSerial(iso);
        expect(parseCellDate(String(serial))).toBe(serial >= 1000 && serial <= 9999 ? null : iso);
        expect(excelSerialToIso(isoToExcelSerial(iso))).toBe(iso);
        if (y >= 1930 && y <= 2029) expect(parseCellDate(`${d}/${m}/${pad(y % 100)}`)).toBe(iso);
      }),
    );
  });

  it('never makes a date of what is not one: impossible days, words, other shapes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 40 }), (y, m, d) => {
        const real = isoIfValid(y, m, d);
        expect(parseCellDate(`${d}/${m}/${y}`)).toBe(real);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const out = parseCellDate(s);
        // Whatever it returns is a real ISO date.
        if (out !== null) expect(isoIfValid(...(out.split('-').map(Number) as [number, number, number]))).toBe(out);
      }),
    );
    for (const bad of ['31/02/2020', '0/1/2020', '1/13/2020', 'hôm qua', '2020/01/01', '60', '0', '1975']) expect(parseCellDate(bad)).toBeNull();
    expect(parseCellDate('1/1/30')).toBe('1930-01-01');
    expect(parseCellDate('1/1/29')).toBe('2029-01-01');
    expect(twoDigitYear(99)).toBe(1999);
    // Excel's own numbering: 1 = 1/1/1900, 61 = 1/3/1900, 45658 = 1/1/2025.
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });

  it('takes a birth year as typed or from a birth date, and refuses years before 1900 or in the future as they are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2026 }), (y) => {
        expect(parseBirthYear(String(y), 2026)).toEqual({ year: y });
        expect(parseBirthYear(`15/06/${y}`, 2026)).toEqual({ year: y });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1899 }), (y) => {
        expect(parseBirthYear(String(y), 2026)).toEqual({ problem: `Năm sinh ${y} trước năm 1900.` });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: 9999 }), (y) => {
        expect(parseBirthYear(String(y), 2026)).toEqual({ problem: `Năm sinh ${y} sau năm hiện tại (2026).` });
      }),
    );
    expect(parseBirthYear(String(isoToExcelSerial('1975-04-30')), 2026)).toEqual({ year: 1975 });
    expect(parseBirthYear('khoảng 1960', 2026)).toHaveProperty('problem');
    expect(parseBirthYear('', 2026)).toEqual({ problem: 'Chưa có năm sinh.' });
  });
});
