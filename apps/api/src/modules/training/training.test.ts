import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeUnit, makeUser } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { rowsOf } from '../../db/security';
import { auditEntry } from '../../platform/audit.table';
import { indicatorValue } from '../indicators';
import { pdfText } from '../plans/parser/pdf-text';
import { resident } from './training.table';

type R = { id: string; fullName: string; version: number; completedModules: string[]; idLast4: string | null };

describe(`Bình dân học vụ số: residents, sessions, attendance, help and coverage (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let team: Client;
  let focal: Client;
  let province: Client;
  let twoCommunes: Client;
  let village2: string;
  const base = (c = w.a.id) => `/api/communes/${c}/training`;
  const person = (over: Record<string, unknown> = {}) => ({ villageId: w.aVillage.id, fullName: 'Đỗ Thị Hoa', birthYear: 1975, gender: 'female', ...over });
  const code = (res: { json(): unknown }) => (res.json() as { error: { code: string; details?: { field?: string }[] } }).error;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    village2 = (await makeUnit(t.database.db, w.a.id, { code: 'THON-2', name: 'Thôn Bắc', kind: 'village' })).id;
    await makeUser(t.database.db, {
      username: 'team-a.admin-b',
      password: PASSWORD,
      roles: [
        { role: 'digital_team_member', communeId: w.a.id, unitId: w.aTeam.id },
        { role: 'commune_admin', communeId: w.b.id },
      ],
    });
    admin = await loginAs(t, 'a.admin', PASSWORD);
    team = await loginAs(t, 'a.team', PASSWORD);
    focal = await loginAs(t, 'a.focal', PASSWORD);
    province = await loginAs(t, 'province1', PASSWORD);
    twoCommunes = await loginAs(t, 'team-a.admin-b', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('adds a resident of the team’s village, keeps only a keyed hash and the last four digits of the ID, and offers duplicates', async () => {
    const res = await team.post(`${base()}/residents`, person({ nationalId: '001175012345', phone: '0912345678' }));
    expect(res.statusCode).toBe(201);
    const hoa = res.json() as R;
    expect(hoa.idLast4).toBe('2345');
    expect(JSON.stringify(hoa)).not.toContain('001175012345');
    const [row] = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => tx.select().from(resident).where(eq(resident.id, hoa.id)));
    expect(row!.idHash).toMatch(/^[0-9a-f]{64}$/u);
    expect(JSON.stringify(row)).not.toContain('001175012345');

    // The same name, birth year and village (diacritics and spacing aside): offered, not added.
    const again = await team.post(`${base()}/residents`, person({ fullName: '  do thi HOA ' }));
    expect(again.statusCode).toBe(409);
    expect(code(again).code).toBe('RESIDENT_DUPLICATE');
    const offered = (await team.post(`${base()}/residents/duplicates`, { villageId: w.aVillage.id, fullName: 'Do Thi Hoa', birthYear: 1975 })).json();
    expect(offered.items).toEqual([expect.objectContaining({ id: hoa.id, reason: 'name_birth_village', idLast4: '2345' })]);
    // The same phone elsewhere is offered too; confirmed, a namesake is added.
    expect(code(await team.post(`${base()}/residents`, person({ fullName: 'Lê Văn Nam', birthYear: 1990, gender: 'male', phone: '0912345678' }))).code).toBe(
      'RESIDENT_DUPLICATE',
    );
    expect((await team.post(`${base()}/residents`, person({ confirmNew: true }))).statusCode).toBe(201);
    // An ID added later by an edit, and another resident's ID refused there too.
    const namesake = ((await team.get(`${base()}/residents?q=hoa&pageSize=50`)).json().items as R[]).find((r) => r.id !== hoa.id)!;
    const edited = await team.patch(`${base()}/residents/${namesake.id}`, { version: namesake.version, nationalId: '001175099999' });
    expect([edited.statusCode, edited.json().idLast4]).toEqual([200, '9999']);
    const taken = await team.patch(`${base()}/residents/${namesake.id}`, { version: namesake.version + 1, nationalId: '001175012345' });
    expect([taken.statusCode, code(taken).details?.[0]?.field]).toEqual([409, 'nationalId']);
    // The same national ID never twice, confirmed or not.
    const sameId = await team.post(`${base()}/residents`, person({ fullName: 'Người Khác', birthYear: 1960, nationalId: '001175012345', confirmNew: true }));
    expect(sameId.statusCode).toBe(409);
    expect(code(sameId).details?.[0]?.field).toBe('nationalId');
  });

  it('refuses bad input with the field named, and never silently changes it', async () => {
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await team.post(`${base()}/residents`, person({ fullName: 'Trần Bad', ...over }));
      expect([res.statusCode, code(res).details?.map((d) => d.field)]).toEqual([400, [field]]);
    };
    await bad({ birthYear: 1899 }, 'birthYear');
    await bad({ birthYear: new Date().getFullYear() + 1 }, 'birthYear');
    await bad({ nationalId: '12345678' }, 'nationalId');
    await bad({ nationalId: '00117501234X' }, 'nationalId');
    await bad({ phone: '12345' }, 'phone');
    await bad({ villageId: w.aOffice.id }, 'villageId');
    await bad({ fullName: 'Trần\u0007Bad' }, 'fullName');
    await bad({ gender: 'x' }, 'gender');
  });

  it('keeps residents to the teams that serve their village and the commune admin; the province sees aggregates only', async () => {
    // The team serves Thôn Đông only.
    expect((await team.post(`${base()}/residents`, person({ villageId: village2, fullName: 'Phạm Bắc' }))).statusCode).toBe(403);
    expect((await admin.post(`${base()}/residents`, person({ villageId: village2, fullName: 'Phạm Bắc' }))).statusCode).toBe(201);
    const seen = (await team.get(`${base()}/residents?pageSize=200`)).json().items as R[];
    expect(seen.map((r) => r.fullName)).not.toContain('Phạm Bắc');
    expect((await team.get(`${base()}/residents?villageId=${village2}`)).statusCode).toBe(403);
    expect(((await admin.get(`${base()}/residents?pageSize=200`)).json().items as R[]).map((r) => r.fullName)).toContain('Phạm Bắc');
    // Search ignores diacritics.
    expect(((await team.get(`${base()}/residents?q=do%20thi`)).json().items as R[]).every((r) => r.fullName.startsWith('Đỗ Thị'))).toBe(true);
    // Other roles and communes.
    expect((await focal.get(`${base()}/residents`)).statusCode).toBe(403);
    expect((await province.get(`${base()}/residents`)).statusCode).toBe(403);
    expect((await province.get(`${base()}/coverage?year=2026`)).statusCode).toBe(200);
    expect((await admin.get(`${base(w.c.id)}/residents`)).statusCode).toBe(404);
    // A user holding roles in two communes: a team member in A, the admin of B; nothing of B leaks into A or back.
    expect((await twoCommunes.get(`${base()}/residents`)).statusCode).toBe(200);
    expect((await twoCommunes.post(`${base()}/residents`, person({ villageId: village2, fullName: 'Vũ Hai Xã' }))).statusCode).toBe(403);
    const bVillage = await makeUnit(t.database.db, w.b.id, { code: 'THON-B', name: 'Thôn B', kind: 'village' });
    expect((await twoCommunes.post(`${base(w.b.id)}/residents`, person({ villageId: bVillage.id, fullName: 'Vũ Hai Xã' }))).statusCode).toBe(201);
    expect((await twoCommunes.post(`${base()}/residents`, person({ villageId: bVillage.id, fullName: 'Vũ Hai Xã' }))).statusCode).toBe(400);
    // Each page of residents shown is an audited bulk view.
    const views = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.communeId, w.a.id), eq(auditEntry.action, 'view'), eq(auditEntry.entityType, 'resident'))),
    );
    expect(views.length).toBeGreaterThanOrEqual(4);
  });

  it('counts a replayed attendance batch once, merges two members’ marks, and follows a merge', async () => {
    const s = await team.post(`${base()}/sessions`, {
      teamId: w.aTeam.id,
      villageId: w.aVillage.id,
      date: '2026-05-10',
      startTime: '19:30',
      place: 'Nhà văn hóa thôn Đông',
      moduleCodes: ['KNS.THIET_BI', 'KNS.DVC_VNEID', 'KNS.AN_TOAN'],
      trainers: ['Nguyễn Văn Tổ'],
      opKey: 'session-op-0001',
    });
    expect(s.statusCode).toBe(201);
    const sessionId = s.json().id as string;
    // A replayed creation returns the same session.
    expect(
      (
        await team.post(`${base()}/sessions`, {
          teamId: w.aTeam.id,
          villageId: w.aVillage.id,
          date: '2026-05-10',
          place: 'x',
          moduleCodes: ['KNS.THIET_BI'],
          opKey: 'session-op-0001',
        })
      ).json().id,
    ).toBe(sessionId);
    const a = (await team.post(`${base()}/residents`, person({ fullName: 'Hà Văn Một', birthYear: 1970, gender: 'male' }))).json() as R;
    const b = (await team.post(`${base()}/residents`, person({ fullName: 'Hà Văn Hai', birthYear: 1971, gender: 'male' }))).json() as R;
    const dup = (await team.post(`${base()}/residents`, person({ fullName: 'Hà Văn Ba', birthYear: 1972, gender: 'male' }))).json() as R;
    const kept = (await team.post(`${base()}/residents`, person({ fullName: 'Hà Văn Bà', birthYear: 1973, gender: 'male', confirmNew: true }))).json() as R;
    const batch = { marks: [{ residentId: a.id, present: true, opKey: 'mark-a-000001' }] };
    const url = `${base()}/sessions/${sessionId}/attendance`;
    expect((await team.put(url, batch)).json()).toEqual({ applied: 1, replayed: 0, attendees: 1 });
    for (let i = 0; i < 3; i++) expect((await team.put(url, batch)).json()).toEqual({ applied: 0, replayed: 1, attendees: 1 });
    // Another member (the admin) marked b offline meanwhile: both land.
    expect((await admin.put(url, { marks: [{ residentId: b.id, present: true, opKey: 'mark-b-000001' }] })).json().attendees).toBe(2);
    // dup is merged into kept while a mark for dup waits in a queue: the mark follows the merge.
    expect((await team.post(`${base()}/residents/${dup.id}/merge`, { intoId: kept.id })).statusCode).toBe(200);
    expect((await team.post(`${base()}/residents/${dup.id}/merge`, { intoId: kept.id })).statusCode).toBe(200);
    expect((await team.put(url, { marks: [{ residentId: dup.id, present: true, opKey: 'mark-dup-00001' }] })).json().attendees).toBe(3);
    const detail = (await team.get(`${base()}/sessions/${sessionId}`)).json();
    expect(detail.attendance.map((x: { residentId: string }) => x.residentId).sort()).toEqual([a.id, b.id, kept.id].sort());
    // The same through an offline queue: a mark for dup lands on kept, a take-back after it in the queue wins, once.
    const queued = {
      ops: [
        { kind: 'mark', opKey: 'sync-dup-00001', sessionId, residentId: dup.id, present: true },
        { kind: 'mark', opKey: 'sync-b-000001', sessionId, residentId: b.id, present: false },
        { kind: 'mark', opKey: 'sync-b-000002', sessionId, residentId: b.id, present: true },
        { kind: 'mark', opKey: 'sync-a-000001', sessionId, residentId: a.id, present: false },
        { kind: 'mark', opKey: 'sync-a-000001', sessionId, residentId: a.id, present: true },
      ],
    };
    const synced = (await team.post(`${base()}/sync`, queued)).json();
    expect(synced.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'replayed']);
    const after = (await team.get(`${base()}/sessions/${sessionId}`)).json();
    expect(after.attendance.map((x: { residentId: string }) => x.residentId).sort()).toEqual([b.id, kept.id].sort());
    expect((await team.post(`${base()}/sync`, queued)).json().results.every((r: { status: string }) => r.status === 'replayed')).toBe(true);
    expect((await team.put(url, { marks: [{ residentId: a.id, present: true, opKey: 'mark-a-000009' }] })).json().attendees).toBe(3);
    // A bad mark in a batch: nothing of the batch is applied.
    const broken = await team.put(url, {
      marks: [
        { residentId: a.id, present: false, opKey: 'mark-a-000002' },
        { residentId: '7f1c6a2e-0000-4000-8000-000000000000', present: true, opKey: 'mark-x-000001' },
      ],
    });
    expect([broken.statusCode, code(broken).details?.[0]?.field]).toEqual([400, 'marks.1.residentId']);
    expect((await team.get(`${base()}/sessions/${sessionId}`)).json().attendees).toBe(3);
    // Another team's member, and the focal point, may not mark.
    expect((await focal.put(url, batch)).statusCode).toBe(403);
  });

  it('computes coverage and the indicators from the records, in the recording transaction', async () => {
    expect((await admin.put(`${base()}/population`, { year: 2026, items: [{ villageId: w.aVillage.id, adults: 40 }] })).statusCode).toBe(200);
    const cov = (await admin.get(`${base()}/coverage?year=2026`)).json();
    const east = cov.villages.find((v: { villageId: string }) => v.villageId === w.aVillage.id);
    // Hà Văn Một, Hai and Bà attended the session covering the whole basic set.
    expect(east).toMatchObject({ adults: 40, trained: 3, ratio: 7.5, sessions: 1, activeTeam: true });
    const value = async (unitId: string, indicatorCode: string) =>
      (
        await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
          tx
            .select()
            .from(indicatorValue)
            .where(and(eq(indicatorValue.unitId, unitId), eq(indicatorValue.indicatorCode, indicatorCode), eq(indicatorValue.year, 2026))),
        )
      )[0];
    expect(await value(w.aVillage.id, 'XH.KNS_CO_BAN')).toMatchObject({ numerator: 3, denominator: 40, value: 7.5, sourceKey: 'derived:training.coverage' });
    expect(await value(w.aTeam.id, 'XH.BUOI_HUONG_DAN')).toMatchObject({ value: 1 });

    // A child attending does not count; evidence from the national platform completes a module.
    const child = (await team.post(`${base()}/residents`, person({ fullName: 'Hà Bé', birthYear: 2016, learnerGroup: 'pupils' }))).json() as R;
    const sessions = (await team.get(`${base()}/sessions?year=2026`)).json();
    await team.put(`${base()}/sessions/${sessions.items[0].id}/attendance`, { marks: [{ residentId: child.id, present: true, opKey: 'mark-child-0001' }] });
    const hoa = ((await team.get(`${base()}/residents?q=hoa`)).json().items as R[])[0]!;
    for (const m of ['KNS.THIET_BI', 'KNS.DVC_VNEID'])
      expect(
        (await team.post(`${base()}/residents/${hoa.id}/completions`, { moduleCode: m, certificateNo: `BDHVS-${m}`, completedOn: '2026-06-01' })).statusCode,
      ).toBe(200);
    expect((await admin.get(`${base()}/coverage?year=2026`)).json().villages.find((v: { villageId: string }) => v.villageId === w.aVillage.id).trained).toBe(3);
    const done = await team.post(`${base()}/residents/${hoa.id}/completions`, {
      moduleCode: 'KNS.AN_TOAN',
      certificateNo: 'BDHVS-3',
      completedOn: '2026-06-02',
    });
    expect(done.json().completedModules).toEqual(['KNS.AN_TOAN', 'KNS.DVC_VNEID', 'KNS.THIET_BI']);
    expect(await value(w.aVillage.id, 'XH.KNS_CO_BAN')).toMatchObject({ numerator: 4, denominator: 40 });

    // Help: per resident and as a day's count; level 2 only per resident.
    const help = (body: Record<string, unknown>) => team.post(`${base()}/help`, { teamId: w.aTeam.id, villageId: w.aVillage.id, date: '2026-06-03', ...body });
    expect((await help({ type: 'vneid_level2', residentId: hoa.id, opKey: 'help-op-00001' })).statusCode).toBe(201);
    expect((await help({ type: 'vneid_level2', residentId: hoa.id, opKey: 'help-op-00001' })).statusCode).toBe(201);
    expect((await help({ type: 'public_service_filing', count: 12 })).statusCode).toBe(201);
    const level2Count = await help({ type: 'vneid_level2', count: 5 });
    expect([level2Count.statusCode, code(level2Count).details?.[0]?.field]).toEqual([400, 'residentId']);
    expect(code(await help({ type: 'other' })).details?.[0]?.field).toBe('count');
    expect(await value(w.aTeam.id, 'XH.NGUOI_DAN_DUOC_HO_TRO')).toMatchObject({ value: 13 });
    expect(await value(w.aVillage.id, 'XH.VNEID_MUC_2')).toMatchObject({ numerator: 1, denominator: 40 });
    expect(await value(w.aVillage.id, 'XH.THON_CO_TO_CNSCD')).toMatchObject({ numerator: 1, denominator: 1 });

    // The basic set is a setting: with one module fewer, the coverage is recomputed.
    expect((await admin.put(`${base()}/settings`, { adultAge: 15, basicModules: ['KNS.THIET_BI'] })).statusCode).toBe(200);
    expect((await team.put(`${base()}/settings`, { adultAge: 15, basicModules: ['KNS.THIET_BI'] })).statusCode).toBe(403);
    expect(await value(w.aVillage.id, 'XH.KNS_CO_BAN')).toMatchObject({ numerator: 4 });
    // The province sees its communes side by side, from the roll-ups; another province's officer sees nothing.
    const prov = (await province.get(`/api/provinces/${w.p1.id}/training/coverage?year=2026`)).json();
    expect(prov.communes.find((c: { communeId: string }) => c.communeId === w.a.id)).toMatchObject({
      adults: 40,
      trained: 4,
      sessions: 1,
      helped: 13,
      vneidLevel2: 1,
    });
    expect(prov.totals).toMatchObject({ adults: 40, trained: 4, ratio: 10 });
    expect((await province.get(`/api/provinces/${w.p2.id}/training/coverage?year=2026`)).statusCode).toBe(404);
    expect((await admin.get(`/api/provinces/${w.p1.id}/training/coverage?year=2026`)).statusCode).toBe(403);
    const unknown = await admin.put(`${base()}/settings`, { adultAge: 15, basicModules: ['KNS.KHONG_CO'] });
    expect([unknown.statusCode, code(unknown).details?.[0]?.field]).toEqual([400, 'basicModules.0']);
    // A population cleared: the village has no share (not 0 %), and its indicator row goes.
    expect((await admin.put(`${base()}/population`, { year: 2026, items: [{ villageId: w.aVillage.id, adults: null }] })).statusCode).toBe(200);
    expect((await admin.get(`${base()}/coverage?year=2026`)).json().villages.find((v: { villageId: string }) => v.villageId === w.aVillage.id)).toMatchObject({
      adults: null,
      ratio: null,
    });
    expect(await value(w.aVillage.id, 'XH.KNS_CO_BAN')).toBeUndefined();
    await admin.put(`${base()}/population`, { year: 2026, items: [{ villageId: w.aVillage.id, adults: 40 }] });
  });

  it('the coverage kept in memory follows every write, including one committed by another instance', async () => {
    const east = async () =>
      (await admin.get(`${base()}/coverage?year=2026`)).json().villages.find((v: { villageId: string }) => v.villageId === w.aVillage.id) as {
        villageName: string;
        adults: number;
        trained: number;
      };
    const before = await east();
    expect(await east()).toEqual(before);
    // Kept per commune: a user holding roles in two communes reads the other commune's own figures, never this one's.
    const other = await twoCommunes.get(`${base(w.b.id)}/coverage?year=2026`);
    expect(other.statusCode).toBe(200);
    expect(other.json().villages.map((v: { villageId: string }) => v.villageId)).not.toContain(w.aVillage.id);
    const breakdown = async () => (await admin.get(`${base()}/coverage/breakdown?year=2026&villageId=${w.aVillage.id}`)).json();
    const b0 = await breakdown();
    // Written straight to the database (another instance): its announcement arrives at once on PGlite, a moment after on PostgreSQL.
    await t.database.system.execute(sql`update village_population set adults = 41 where village_id = ${w.aVillage.id} and year = 2026`);
    await expect.poll(async () => (await east()).adults, { timeout: 5000, interval: 50 }).toBe(41);
    await t.database.system.execute(sql`update unit set name = 'Thôn Đông Mới' where id = ${w.aVillage.id}`);
    await expect.poll(async () => (await east()).villageName, { timeout: 5000, interval: 50 }).toBe('Thôn Đông Mới');
    // A resident merged away by another instance: the breakdown counts one fewer.
    const [someone] = rowsOf<{ id: string; into: string }>(
      await t.database.system.execute(
        sql`select a.id, b.id as into from resident a join resident b on b.commune_id = a.commune_id and b.village_id = a.village_id and b.id <> a.id
             where a.commune_id = ${w.a.id} and a.village_id = ${w.aVillage.id} and a.merged_into_id is null and b.merged_into_id is null and a.birth_year < 2000
               and a.id in (select resident_id from attendance) limit 1`,
      ),
    );
    const residentsOf = (b: { modules: { total: number }[] }) => b.modules.reduce((n, m) => n + m.total, 0);
    await t.database.system.execute(sql`update resident set merged_into_id = ${someone!.into} where id = ${someone!.id}`);
    await expect.poll(async () => residentsOf(await breakdown()), { timeout: 5000, interval: 50 }).toBeLessThan(residentsOf(b0));
    await t.database.system.execute(sql`update resident set merged_into_id = null where id = ${someone!.id}`);
    await t.database.system.execute(sql`update unit set name = ${before.villageName} where id = ${w.aVillage.id}`);
    await t.database.system.execute(sql`update village_population set adults = ${before.adults} where village_id = ${w.aVillage.id} and year = 2026`);
    await expect.poll(async () => await east(), { timeout: 5000, interval: 50 }).toEqual(before);
  });

  it('prints the attendance sheet and the certificate with Vietnamese intact, and checks a code on the public page showing initials only', async () => {
    const sessions = (await team.get(`${base()}/sessions?year=2026`)).json();
    const sheet = await team.get(`${base()}/sessions/${sessions.items[0].id}/sheet.pdf`);
    expect([sheet.statusCode, sheet.headers['content-type']]).toEqual([200, 'application/pdf']);
    const sheetText = (await pdfText(new Uint8Array(sheet.rawPayload))).replace(/\s+/gu, ' ');
    expect(sheetText).toContain('DANH SÁCH ĐIỂM DANH');
    expect(sheetText).toContain('Nhà văn hóa thôn Đông');
    expect(sheetText).toContain('Hà Văn Một');
    expect(sheetText).toContain('Sử dụng ứng dụng VNeID và dịch vụ công trực tuyến');
    expect((await focal.get(`${base()}/sessions/${sessions.items[0].id}/sheet.pdf`)).statusCode).toBe(403);

    const hoa = ((await team.get(`${base()}/residents?q=hoa`)).json().items as R[])[0]!;
    const cert = await team.post(`${base()}/residents/${hoa.id}/certificates`, {});
    expect(cert.statusCode).toBe(200);
    const { code: certCode, verifyPath } = cert.json() as { code: string; verifyPath: string };
    expect(certCode).toMatch(/^[A-Z2-9]{10}$/u);
    // The same modules: the same certificate.
    expect((await team.post(`${base()}/residents/${hoa.id}/certificates`, {})).json().code).toBe(certCode);
    const pdf = await team.get(`${base()}/certificates/${certCode}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(new Uint8Array(pdf.rawPayload));
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ỦY BAN NHÂN DÂN XÃ GIA PHÚC', 'Đỗ Thị Hoa', 'An toàn trên môi trường số', certCode, verifyPath])
      expect(text).toContain(s);
    // The public page: no sign-in, initials, village and modules only.
    const anon = await t.app.inject({ method: 'GET', url: `/api/public/certificates/${certCode.toLowerCase()}` });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({
      code: certCode,
      initials: 'Đ. T. H.',
      villageName: 'Thôn Đông',
      communeName: 'Xã Gia Phúc',
      modules: expect.arrayContaining(['An toàn trên môi trường số: lừa đảo trực tuyến, bảo vệ dữ liệu cá nhân']),
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/u),
    });
    expect(anon.body).not.toContain('Hoa');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/certificates/KHONGCOMA99' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/certificates/%3Cscript%3E' })).statusCode).toBe(400);
    // A resident with nothing completed gets no certificate.
    const none = (await team.post(`${base()}/residents`, person({ fullName: 'Chưa Học Gì', birthYear: 1999 }))).json() as R;
    const refused = await team.post(`${base()}/residents/${none.id}/certificates`, {});
    expect([refused.statusCode, code(refused).details?.[0]?.field]).toEqual([400, 'residentId']);
  });

  it('syncs an offline queue once however often it is sent, and two members adding the same person offline make one resident', async () => {
    const sessions = (await team.get(`${base()}/sessions?year=2026`)).json();
    const sessionId = sessions.items[0].id as string;
    const before = (await team.get(`${base()}/sessions/${sessionId}`)).json().attendees as number;
    const newcomer = { villageId: w.aVillage.id, fullName: 'Lò Thị Ngoại Tuyến', birthYear: 1988, gender: 'female', learnerGroup: 'residents' };
    const queue = {
      ops: [
        { kind: 'resident', opKey: 'off-res-000001', resident: newcomer },
        { kind: 'mark', opKey: 'off-mark-00001', sessionId, residentOpKey: 'off-res-000001', present: true },
        { kind: 'mark', opKey: 'off-mark-00002', sessionId, residentId: '7f1c6a2e-0000-4000-8000-000000000000', present: true },
      ],
    };
    const first = (await team.post(`${base()}/sync`, queue)).json();
    expect(first.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'refused']);
    for (let i = 0; i < 3; i++)
      expect((await team.post(`${base()}/sync`, queue)).json().results.map((r: { status: string }) => r.status)).toEqual(['replayed', 'replayed', 'refused']);
    expect((await team.get(`${base()}/sessions/${sessionId}`)).json().attendees).toBe(before + 1);
    // A later batch names the resident added earlier by that operation's key alone (the queue went in batches).
    const later = (
      await team.post(`${base()}/sync`, {
        ops: [
          { kind: 'mark', opKey: 'off-mark-00003', sessionId, residentOpKey: 'off-res-000001', present: false },
          { kind: 'mark', opKey: 'off-mark-00004', sessionId, residentOpKey: 'off-res-000001', present: true },
          { kind: 'mark', opKey: 'off-mark-00005', sessionId, residentOpKey: 'off-res-unknown', present: true },
        ],
      })
    ).json();
    expect(later.results.map((r: { status: string; residentId: string | null }) => [r.status, r.residentId])).toEqual([
      ['applied', first.results[0].residentId],
      ['applied', first.results[0].residentId],
      ['refused', null],
    ]);
    expect((await team.get(`${base()}/sessions/${sessionId}`)).json().attendees).toBe(before + 1);
    // The admin, offline too, added the same person with another key: it resolves to the one there.
    const other = (
      await admin.post(`${base()}/sync`, {
        ops: [
          { kind: 'resident', opKey: 'off-res-admin01', resident: { ...newcomer, fullName: 'Lò Thị  Ngoại tuyến' } },
          { kind: 'mark', opKey: 'off-mark-admin1', sessionId, residentOpKey: 'off-res-admin01', present: true },
        ],
      })
    ).json();
    expect(other.results[0]).toMatchObject({ status: 'applied', residentId: first.results[0].residentId });
    expect((await team.get(`${base()}/sessions/${sessionId}`)).json().attendees).toBe(before + 1);
    const named = ((await admin.get(`${base()}/residents?q=ngoai%20tuyen`)).json().items as R[]).length;
    expect(named).toBe(1);
    // Another village's session is refused, nothing else.
    expect((await focal.post(`${base()}/sync`, queue)).statusCode).toBe(403);
  });

  it('sends a village roster compact enough for a phone: 500 residents well under 100 KB', async () => {
    const big = await makeUnit(t.database.db, w.a.id, { code: 'THON-500', name: 'Thôn Năm Trăm', kind: 'village' });
    await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx.insert(resident).values(
        Array.from({ length: 500 }, (_, i) => ({
          communeId: w.a.id,
          villageId: big.id,
          fullName: `Nguyễn Thị Phương Thảo ${i}`,
          nameKey: `nguyen thi phuong thao ${i}`,
          sortKey: `k${i}`,
          birthYear: 1950 + (i % 60),
          gender: i % 2 ? 'male' : 'female',
          learnerGroup: 'residents',
        })),
      ),
    );
    const res = await admin.get(`${base()}/villages/${big.id}/roster`);
    expect(res.statusCode).toBe(200);
    expect(res.json().residents).toHaveLength(500);
    expect(Buffer.byteLength(res.body)).toBeLessThan(100_000);
    expect((await team.get(`${base()}/villages/${big.id}/roster`)).statusCode).toBe(403);
  });
});
