import { and, eq, inArray } from 'drizzle-orm';
import { vietnamYear, todayVn } from '@tds/contracts';
import type { Db } from '../db/client';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import { unit } from '../modules/org';
import { attendance, helpLog, refreshCoverage, resident, residentKeys, trainingSession, villagePopulation } from '../modules/training';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Mạnh', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Thắng', 'Tuấn'];
const GIVEN_F = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Oanh', 'Phương', 'Thảo'];
const BASIC = ['KNS.THIET_BI', 'KNS.DVC_VNEID', 'KNS.AN_TOAN'];
const MORE = [
  ['KNS.THANH_TOAN', 'KNS.TMDT'],
  ['KNS.Y_TE', 'KNS.INTERNET'],
  ['KNS.AI', 'KNS.GIAO_TIEP'],
];

/** Rows in chunks (a statement takes at most 65,535 parameters). */
async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Bình dân học vụ số as a commune keeps it: the adult population of each village, the residents the
 * village teams reached, their sessions with attendance and the help they gave since 2025. The
 * coverage indicators are then computed from these records, as in use.
 */
export async function seedTraining(db: Db, opts: { communeId: string; adminUserId: string; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const today = todayVn(now);
  const thisYear = vietnamYear(now);
  const { communeId } = opts;
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const units = await tx
      .select()
      .from(unit)
      .where(and(eq(unit.communeId, communeId), inArray(unit.kind, ['village', 'digital_team'])));
    const villages = units.filter((u) => u.kind === 'village').sort((a, b) => a.code.localeCompare(b.code));
    const teamOf = new Map(units.filter((u) => u.kind === 'digital_team').map((t) => [t.parentId, t]));
    const years = Array.from({ length: thisYear - 2025 + 1 }, (_, i) => 2025 + i);
    const population = [];
    const residents: (typeof resident.$inferInsert)[] = [];
    const sessions: (typeof trainingSession.$inferInsert)[] = [];
    const marks: (typeof attendance.$inferInsert)[] = [];
    const helps: (typeof helpLog.$inferInsert)[] = [];
    for (const [vi, v] of villages.entries()) {
      const team = teamOf.get(v.id);
      if (!team) continue;
      const adults = 900 + (vi % 5) * 120;
      for (const y of years) population.push({ communeId, villageId: v.id, year: y, adults: adults + (y - 2025) * 8, updatedAt: now });
      // The residents the team reached: about two in three adults, and some pupils.
      const reached = Math.round(adults * 0.68);
      const people = Array.from({ length: reached }, (_, j) => {
        const female = (j + vi) % 2 === 0;
        // Every family × middle × given name before any repeats (k counts the residents of one gender).
        const k = j >> 1;
        const [f, m] = [(k + vi * 5) % 12, Math.floor(k / 12) % 6];
        const g = (Math.floor(k / 72) + f * 4 + m * 7 + vi) % 15;
        const fullName = `${FAMILY[f]} ${(female ? MIDDLE_F : MIDDLE_M)[m]} ${(female ? GIVEN_F : GIVEN_M)[g]}`;
        const birthYear = j % 17 === 0 ? 2009 + (j % 3) : 1945 + ((j * 37) % 62);
        const row = {
          communeId,
          id: crypto.randomUUID(),
          villageId: v.id,
          ...residentKeys(fullName),
          birthYear,
          gender: female ? 'female' : 'male',
          learnerGroup: birthYear > 2005 ? 'pupils' : j % 9 === 0 ? 'workers' : j % 23 === 0 ? 'officials' : 'residents',
          createdAt: now,
          updatedAt: now,
        };
        residents.push(row);
        return row;
      });
      // Sessions: about one a month since September 2025, basic ones and others in turn.
      const villageSessions: { id: string; date: string; basic: boolean }[] = [];
      for (const y of years)
        for (let m = y === 2025 ? 9 : 1; m <= 12; m++) {
          const date = `${y}-${String(m).padStart(2, '0')}-${String(5 + ((vi * 3 + m) % 20)).padStart(2, '0')}`;
          if (date > today) break;
          const basic = m % 3 !== 0;
          const id = crypto.randomUUID();
          villageSessions.push({ id, date, basic });
          sessions.push({
            communeId,
            id,
            teamId: team.id,
            villageId: v.id,
            date,
            startTime: m % 2 ? '19:30' : '08:00',
            place: `Nhà văn hóa ${v.name.replace(/^Thôn /u, 'thôn ')}`,
            moduleCodes: basic ? BASIC : MORE[m % MORE.length]!,
            trainers: [`Tổ trưởng ${team.name.replace(/^Tổ công nghệ số cộng đồng /u, '')}`],
            createdBy: opts.adminUserId,
            createdAt: now,
            updatedAt: now,
          });
        }
      const basicSessions = villageSessions.filter((s) => s.basic);
      const others = villageSessions.filter((s) => !s.basic);
      people.forEach((p, j) => {
        // Three in four of those reached attended a basic session; some came to another one too.
        if (basicSessions.length && j % 4 !== 3)
          marks.push({ communeId, sessionId: basicSessions[j % basicSessions.length]!.id, residentId: p.id, markedAt: now });
        if (others.length && j % 3 === 0) marks.push({ communeId, sessionId: others[j % others.length]!.id, residentId: p.id, markedAt: now });
        // VNeID level 2 activated with the team's help for most of them.
        if (j % 5 !== 4 && basicSessions.length)
          helps.push({
            communeId,
            teamId: team.id,
            villageId: v.id,
            date: basicSessions[j % basicSessions.length]!.date,
            type: 'vneid_level2',
            residentId: p.id,
            count: 1,
            createdAt: now,
          });
      });
      for (const s of villageSessions)
        helps.push({
          communeId,
          teamId: team.id,
          villageId: v.id,
          date: s.date,
          type: 'public_service_filing',
          residentId: null,
          count: 6 + (vi % 4),
          createdAt: now,
        });
    }
    await tx.insert(villagePopulation).values(population);
    await insertChunked(residents, 2000, (c) => tx.insert(resident).values(c));
    await insertChunked(sessions, 2000, (c) => tx.insert(trainingSession).values(c));
    await insertChunked(marks, 5000, (c) => tx.insert(attendance).values(c));
    await insertChunked(helps, 3000, (c) => tx.insert(helpLog).values(c));
    await refreshCoverage(tx, communeId, ['2025-01-01'], now);
  });
}
