import { describe, expect, it } from 'vitest';
import type { Roster, TrainingSessionDetail } from '@tds/contracts';
import {
  localId,
  nextBatch,
  queuedResidents,
  sameResident,
  searchRoster,
  sessionWithQueue,
  settleBatch,
  type QueuedTrainingOp,
  type TrainingOp,
} from './offline';

const V = '00000000-0000-4000-8000-00000000000a';
const S = '00000000-0000-4000-8000-00000000000b';
const roster: Roster = {
  villageId: V,
  version: 'x',
  residents: [
    ['r1', 'Nguyễn Văn An', 1960, 'm'],
    ['r2', 'Trần Thị Bình', 1972, 'f'],
    ['r3', 'Lê Văn An', 1985, 'm'],
    ['r4', 'Đặng Thị Đào', 1990, 'f'],
  ],
};
let seq = 0;
const q = (op: TrainingOp, fullName = 'X', birthYear = 1970): QueuedTrainingOp => ({
  opKey: op.opKey,
  seq: ++seq,
  userId: 'u',
  communeId: 'c',
  topic: S,
  op,
  label: { fullName, birthYear },
  createdAt: '2026-12-03T00:00:00.000Z',
});
const mark = (opKey: string, who: { residentId?: string; residentOpKey?: string }, present = true, sessionId = S): TrainingOp => ({
  kind: 'mark',
  opKey,
  sessionId,
  present,
  ...who,
});
const newResident = (opKey: string, fullName: string, birthYear: number): TrainingOp => ({
  kind: 'resident',
  opKey,
  resident: { villageId: V, fullName, birthYear, gender: 'female', learnerGroup: 'residents' },
});

describe('searching the saved roster with no network', () => {
  it('ignores diacritics and case, and each word must start a word of the name', () => {
    expect(searchRoster(roster, [], 'van an').items.map((p) => p.id)).toEqual(['r1', 'r3']);
    expect(searchRoster(roster, [], 'DANG dao').items.map((p) => p.id)).toEqual(['r4']);
    expect(searchRoster(roster, [], 'an').items.map((p) => p.id)).toEqual(['r1', 'r3']);
    expect(searchRoster(roster, [], 'binh tran').items.map((p) => p.id)).toEqual(['r2']);
    expect(searchRoster(roster, [], 'xyz').total).toBe(0);
    expect(searchRoster(roster, [], '   ').total).toBe(0);
  });

  it('puts names that start with what was typed first, and a year typed narrows to that birth year', () => {
    const two: Roster = {
      villageId: V,
      version: 'y',
      residents: [
        ['x1', 'Nguyễn Văn An', 1960, 'm'],
        ['x2', 'An Thị Lan', 1970, 'f'],
      ],
    };
    expect(searchRoster(two, [], 'an').items.map((p) => p.id)).toEqual(['x2', 'x1']);
    expect(searchRoster(roster, [], 'le van').items.map((p) => p.id)).toEqual(['r3']);
    expect(searchRoster(roster, [], 'an 1985').items.map((p) => p.id)).toEqual(['r3']);
  });

  it('names the gender as the app does, finds residents added on the device, and counts past the limit', () => {
    const added = queuedResidents([q(newResident('k-new-1', 'Phạm Thị Anh', 1999))], V);
    const r = searchRoster(roster, added, 'an', 2);
    expect(r.items.map((p) => p.id)).toEqual([localId('k-new-1'), 'r1']);
    expect(r.total).toBe(3);
    expect(r.items[1]!.gender).toBe('male');
    expect(searchRoster(null, added, 'pham').items[0]!.local).toBe(true);
  });

  it('offers the same name and birth year as a possible duplicate', () => {
    const people = searchRoster(roster, [], 'a', 50).items;
    expect(sameResident(people, 'nguyen van an', 1960).map((p) => p.id)).toEqual(['r1']);
    expect(sameResident(people, 'Nguyễn Văn An', 1961)).toEqual([]);
  });
});

describe('queued marks on the attendance list', () => {
  const session: TrainingSessionDetail = {
    id: S,
    communeId: 'c',
    teamId: 't',
    teamName: 'Tổ',
    villageId: V,
    villageName: 'Thôn Đông',
    date: '2026-12-03',
    startTime: null,
    place: 'Nhà văn hóa',
    moduleCodes: [],
    trainers: [],
    attendees: 1,
    version: 1,
    can: { record: true },
    attendance: [{ residentId: 'r2', fullName: 'Trần Thị Bình', birthYear: 1972, markedAt: '2026-12-03T00:00:00.000Z' }],
  };

  it('draws the queue over the server’s list and says who is still waiting', () => {
    const queue = [
      q(mark('k-mark-1', { residentId: 'r1' }), 'Nguyễn Văn An', 1960),
      q(newResident('k-new-2', 'Phạm Thị Anh', 1999), 'Phạm Thị Anh', 1999),
      q(mark('k-mark-2', { residentOpKey: 'k-new-2' }), 'Phạm Thị Anh', 1999),
      q(mark('k-mark-3', { residentId: 'r2' }, false), 'Trần Thị Bình', 1972),
      q(mark('k-mark-4', { residentId: 'r9' }, true, '00000000-0000-4000-8000-0000000000ff')),
    ];
    const { session: view, pending } = sessionWithQueue(session, queue, '2026-12-03T01:00:00.000Z');
    expect(view.attendance.map((a) => a.residentId)).toEqual(['r1', localId('k-new-2')]);
    expect(view.attendees).toBe(2);
    expect([...pending].sort()).toEqual([localId('k-new-2'), 'r1', 'r2'].sort());
  });

  it('leaves the list as the server sent it when nothing is queued', () => {
    expect(sessionWithQueue(session, [], 'x').session).toBe(session);
  });
});

describe('settling a batch with the server’s answer', () => {
  it('takes applied, replayed and refused operations off the queue and names the refused', () => {
    const batch = [
      q(mark('k-a-000001', { residentId: 'r1' })),
      q(mark('k-b-000001', { residentId: 'r2' }), 'Trần Thị Bình'),
      q(mark('k-c-000001', { residentId: 'r3' })),
    ];
    const s = settleBatch(
      batch,
      {
        results: [
          { opKey: 'k-a-000001', status: 'applied', residentId: 'r1', message: null },
          { opKey: 'k-b-000001', status: 'refused', residentId: null, message: 'Không tìm thấy người dân.' },
          { opKey: 'k-c-000001', status: 'replayed', residentId: 'r3', message: null },
          { opKey: 'not-in-the-batch', status: 'applied', residentId: 'r3', message: null },
        ],
      },
      [],
    );
    expect(s.remove).toEqual(['k-a-000001', 'k-b-000001', 'k-c-000001']);
    expect(s.applied).toBe(1);
    expect(s.refused).toEqual([{ opKey: 'k-b-000001', label: { fullName: 'Trần Thị Bình', birthYear: 1970 }, message: 'Không tìm thấy người dân.' }]);
  });

  it('gives the server’s id to marks still queued for a resident added in the batch', () => {
    const batch = [q(newResident('k-new-000009', 'Phạm Thị Anh', 1999))];
    const rest = [q(mark('k-m-000009', { residentOpKey: 'k-new-000009' })), q(mark('k-m-000010', { residentOpKey: 'k-other-0001' }))];
    const s = settleBatch(batch, { results: [{ opKey: 'k-new-000009', status: 'applied', residentId: 'r-server', message: null }] }, rest);
    expect(s.rewrite).toHaveLength(1);
    expect(s.rewrite[0]!.op).toEqual({ kind: 'mark', opKey: 'k-m-000009', sessionId: S, residentId: 'r-server', present: true });
    expect(s.residentIds.get('k-new-000009')).toBe('r-server');
  });

  it('sends the oldest first, in batches', () => {
    const queue = Array.from({ length: 1200 }, (_, i) => q(mark(`k-${String(i).padStart(8, '0')}`, { residentId: 'r1' })));
    expect(nextBatch(queue).length).toBe(500);
    expect(nextBatch(queue)[0]!.opKey).toBe('k-00000000');
    expect(nextBatch(queue.slice(1000)).length).toBe(200);
  });
});
