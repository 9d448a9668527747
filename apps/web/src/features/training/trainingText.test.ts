import { describe, expect, it } from 'vitest';
import type { TrainingTeam } from '@tds/contracts';
import {
  duplicateCheckOf,
  formatPercent,
  idDigits,
  idTail,
  moduleNamer,
  populationFieldPath,
  populationPayload,
  recordVillages,
  sessionWhen,
  shareOf,
  trainingYears,
  typedName,
} from './trainingText';

const team = (id: string, record: boolean, villages: [string, string][]): TrainingTeam => ({
  unitId: id,
  name: `Tổ ${id}`,
  parentName: null,
  decisionNo: null,
  decisionDate: null,
  villages: villages.map(([vid, name]) => ({ id: vid, name })),
  members: [],
  can: { edit: false, record },
});

describe('training text', () => {
  it('years run from this year back to 2025, with a chosen year outside kept', () => {
    expect(trainingYears(2027)).toEqual([2027, 2026, 2025]);
    expect(trainingYears(2025)).toEqual([2025]);
    expect(trainingYears(2026, 2030)).toEqual([2030, 2026, 2025]);
  });

  it('percentages read in Vietnamese and never split; none is a dash', () => {
    expect(formatPercent(50.66)).toBe('50,7\u00a0%');
    expect(formatPercent(100)).toBe('100\u00a0%');
    expect(formatPercent(null)).toBe('—');
    expect(shareOf(1, 3)).toBe(33.3);
    expect(shareOf(5, 0)).toBeNull();
    expect(shareOf(5, null)).toBeNull();
  });

  it('shows the last digits of an ID, and a module by its name, never its code', () => {
    expect(idTail('1234')).toBe('…1234');
    expect(idTail(null)).toBe('');
    const name = moduleNamer([{ code: 'KNS.AN_TOAN', name: 'An toàn trên môi trường số' }], 'Học phần khác');
    expect(name('KNS.AN_TOAN')).toBe('An toàn trên môi trường số');
    expect(name('KNS.XOA')).toBe('Học phần khác');
    expect(idDigits('0012 3456.7890-12 99')).toBe('001234567890');
    expect(sessionWhen({ date: '2026-11-22', startTime: '19:30' })).toBe('22/11/2026 · 19:30');
    expect(sessionWhen({ date: '2026-11-22', startTime: null })).toBe('22/11/2026');
  });

  it('the villages one may record for are those of the teams whose can.record is true, once each', () => {
    const teams = [
      team('a', true, [['v1', 'Thôn Đông']]),
      team('b', false, [['v2', 'Thôn Tây']]),
      team('c', true, [
        ['v1', 'Thôn Đông'],
        ['v3', 'Thôn Nam'],
      ]),
    ];
    expect(recordVillages(teams)).toEqual([
      { id: 'v1', name: 'Thôn Đông' },
      { id: 'v3', name: 'Thôn Nam' },
    ]);
    expect(recordVillages(undefined)).toEqual([]);
  });

  it('sends only the villages with a figure, and maps the server’s row back to the form’s', () => {
    const { input, formIndex } = populationPayload(2026, [
      { villageId: 'v1', adults: 900 },
      { villageId: 'v2', adults: null },
      { villageId: 'v3', adults: 0 },
    ]);
    expect(input).toEqual({
      year: 2026,
      items: [
        { villageId: 'v1', adults: 900 },
        { villageId: 'v3', adults: 0 },
      ],
    });
    expect(formIndex).toEqual([0, 2]);
    expect(populationFieldPath('items.1.adults', formIndex)).toEqual(['rows', 2, 'adults']);
    expect(populationFieldPath('items.1.villageId', formIndex)).toEqual(['rows', 2, 'adults']);
    expect(populationFieldPath('items.5', formIndex)).toBeNull();
    expect(populationFieldPath('year', formIndex)).toBeNull();
  });

  it('the duplicate check takes only what its strict schema knows', () => {
    expect(
      duplicateCheckOf({
        villageId: 'v',
        fullName: 'Lê Văn An',
        birthYear: 1960,
        gender: 'male',
        learnerGroup: 'residents',
        phone: null,
        nationalId: '',
        confirmNew: true,
        opKey: 'k'.repeat(10),
      }),
    ).toEqual({ villageId: 'v', fullName: 'Lê Văn An', birthYear: 1960 });
    expect(duplicateCheckOf({ villageId: 'v', fullName: 'A', birthYear: 1960, gender: 'male', phone: '0912345678', nationalId: '001234567890' })).toEqual({
      villageId: 'v',
      fullName: 'A',
      birthYear: 1960,
      phone: '0912345678',
      nationalId: '001234567890',
    });
  });

  it('a search typed with its diacritics becomes the new name; without them, or with digits, it does not', () => {
    expect(typedName('  Nguyễn   Văn Bình ')).toBe('Nguyễn Văn Bình');
    expect(typedName('Đỗ Hà')).toBe('Đỗ Hà');
    expect(typedName('nguyen van binh')).toBe('');
    expect(typedName('0912')).toBe('');
    expect(typedName('')).toBe('');
  });
});
