import { describe, expect, it } from 'vitest';
import type { TrainingSessionDetail } from '@tds/contracts';
import { applyMarks, newOpKey } from './attendance';

const session = (attendance: TrainingSessionDetail['attendance']): TrainingSessionDetail => ({
  id: 's',
  communeId: 'c',
  teamId: 't',
  teamName: 'Tổ',
  villageId: 'v',
  villageName: 'Thôn Đông',
  date: '2026-11-16',
  startTime: null,
  place: 'Nhà văn hóa',
  moduleCodes: [],
  trainers: [],
  attendees: attendance.length,
  version: 1,
  can: { record: true },
  attendance,
});
const at = '2026-11-16T12:00:00.000Z';
const mark = (residentId: string, fullName: string, present: boolean, birthYear = 1960) => ({
  residentId,
  fullName,
  birthYear,
  present,
  opKey: `key-${residentId}-${String(present)}`,
});

describe('attendance marks on screen', () => {
  it('adds a resident once, in the server’s name order (given name first), and counts them', () => {
    const before = session([{ residentId: 'b', fullName: 'Trần Văn Bình', birthYear: 1970, markedAt: at }]);
    const after = applyMarks(before, [mark('a', 'Lê Thị An', true), mark('a', 'Lê Thị An', true), mark('c', 'Phạm Chi', true)], at);
    expect(after.attendance.map((a) => a.fullName)).toEqual(['Lê Thị An', 'Trần Văn Bình', 'Phạm Chi']);
    expect(after.attendees).toBe(3);
    expect(before.attendance).toHaveLength(1);
  });

  it('takes a resident back, and a take-back of someone absent changes nothing', () => {
    const before = session([
      { residentId: 'a', fullName: 'Lê Thị An', birthYear: 1950, markedAt: at },
      { residentId: 'b', fullName: 'Trần Văn Bình', birthYear: 1970, markedAt: at },
    ]);
    expect(applyMarks(before, [mark('a', 'Lê Thị An', false), mark('x', 'Ai Đó', false)], at).attendance.map((a) => a.residentId)).toEqual(['b']);
  });

  it('namesakes follow their birth year', () => {
    const after = applyMarks(session([]), [mark('y', 'Ngô Quang An', true, 1980), mark('o', 'Ngô Quang An', true, 1946)], at);
    expect(after.attendance.map((a) => a.birthYear)).toEqual([1946, 1980]);
  });

  it('operation keys are accepted by the server’s rule, also without randomUUID (plain http)', () => {
    const rule = /^[A-Za-z0-9_-]{8,64}$/u;
    expect(newOpKey()).toMatch(rule);
    const fallback = newOpKey({ getRandomValues: <T extends ArrayBufferView | null>(a: T) => a });
    expect(fallback).toMatch(rule);
    expect(fallback).toHaveLength(32);
    expect(newOpKey()).not.toBe(newOpKey());
  });
});
