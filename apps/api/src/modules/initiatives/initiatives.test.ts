import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Initiative, InitiativePage } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makePerson, makeUnit, makeUser } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { countRecognizedInitiatives, initiativeSummary } from '.';

const B = 'initboundary';
function multipart(filename: string, content: Buffer): [Buffer, Record<string, string>] {
  return [
    Buffer.concat([
      Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${B}--\r\n`),
    ]),
    { 'content-type': `multipart/form-data; boundary=${B}` },
  ];
}
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\n%%EOF\n');
type Err = { error: { code: string; message: string; details?: { field?: string; message: string }[] } };
const err = (res: { json(): unknown }) => (res.json() as Err).error;

describe(`Sáng kiến: register, authors, recognitions, attachments, search, export (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let chair: Client;
  let focal: Client;
  let viewer: Client;
  let council: Client;
  let team: Client;
  let cAdmin: Client;
  let twoCommunes: Client;
  let teacher: string;
  let nurse: string;
  let aClinic: string;
  let main: Initiative;
  const base = (c = w.a.id) => `/api/communes/${c}/initiatives`;
  const input = (over: Record<string, unknown> = {}) => ({
    title: 'Ứng dụng mã QR tra cứu thủ tục hành chính',
    unitId: w.aSchool.id,
    domain: 'digital_transformation',
    description: 'Dán mã QR tại bộ phận một cửa để người dân tra cứu hồ sơ.',
    firstAppliedOn: '2025-03-15',
    scope: 'commune',
    authors: [{ personId: teacher }, { personId: nurse }],
    effects: [{ kind: 'time_saved', text: 'Giảm thời gian chờ của người dân', amount: 1200 }],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    aClinic = (await makeUnit(t.database.db, w.a.id, { code: 'TYT', name: 'Trạm Y tế xã', kind: 'public_service' })).id;
    teacher = (await makePerson(t.database.db, w.a.id, { unitId: w.aSchool.id, fullName: 'Phạm Thị Hồng Nhung', gender: 'female', birthYear: 1985 })).id;
    nurse = (await makePerson(t.database.db, w.a.id, { unitId: aClinic, fullName: 'Đặng Quốc Việt', gender: 'male', birthYear: 1979 })).id;
    // A user with roles in two communes: focal point of A's school, commune admin of C.
    await makeUser(t.database.db, {
      username: 'two.communes',
      password: PASSWORD,
      roles: [
        { role: 'unit_focal_point', communeId: w.a.id, unitId: w.aSchool.id },
        { role: 'commune_admin', communeId: w.c.id },
      ],
    });
    const [c1, c2, c3, c4, c5, c6, c7, c8] = await Promise.all(
      ['a.admin', 'a.chair', 'a.focal', 'a.viewer', 'a.council', 'a.team', 'c.admin', 'two.communes'].map((u) => loginAs(t, u, PASSWORD)),
    );
    [admin, chair, focal, viewer, council, team, cAdmin, twoCommunes] = [c1!, c2!, c3!, c4!, c5!, c6!, c7!, c8!];
  }, 120_000);
  afterAll(async () => t?.close());

  it('registers an initiative of two authors of two units (the focal point, for their own unit)', async () => {
    const res = await focal.post(base(), input());
    expect(res.statusCode, res.body).toBe(201);
    main = res.json() as Initiative;
    expect(main).toMatchObject({
      title: 'Ứng dụng mã QR tra cứu thủ tục hành chính',
      unitName: 'Trường Tiểu học',
      year: 2025,
      recognizedLevel: null,
      recognitionCount: 0,
      can: { edit: true, delete: true, recognize: false, attach: true },
    });
    expect(main.authors.map((a) => [a.fullName, a.unitName])).toEqual([
      ['Phạm Thị Hồng Nhung', 'Trường Tiểu học'],
      ['Đặng Quốc Việt', 'Trạm Y tế xã'],
    ]);
    // An author typed by name (not on the list) with a workplace.
    const typed = await admin.post(
      base(),
      input({
        title: 'Sổ tay chuyển đổi số cho hội viên',
        unitId: aClinic,
        domain: 'health',
        authors: [{ fullName: 'Lê  Thị   Mai', workplace: 'Hội Phụ nữ' }],
        firstAppliedOn: null,
      }),
    );
    expect(typed.statusCode, typed.body).toBe(201);
    expect(typed.json().authors).toEqual([{ personId: null, fullName: 'Lê Thị Mai', unitName: 'Hội Phụ nữ', workplace: 'Hội Phụ nữ' }]);
  });

  it('a retried create (again, or at the same moment) with the same key registers once; another user cannot take the key', async () => {
    const body = input({ title: 'Sáng kiến gửi lại khi mạng chập chờn', opKey: 'retry-initiative-0001' });
    const [x, y] = await Promise.all([focal.post(base(), body), focal.post(base(), body)]);
    const z = await focal.post(base(), body);
    expect([x.statusCode, y.statusCode, z.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([x.json().id, y.json().id, z.json().id]).size).toBe(1);
    const found = await admin.get(`${base()}?q=${encodeURIComponent('gui lai khi mang')}`);
    expect((found.json() as InitiativePage).total).toBe(1);
    const other = await admin.post(base(), body);
    expect([other.statusCode, other.json().error.details?.[0]?.field]).toEqual([409, 'opKey']);
    expect((await focal.post(base(), { ...body, opKey: 'bad key!' })).json().error.details[0].field).toBe('opKey');
    expect((await focal.request('DELETE', `${base()}/${x.json().id}`)).statusCode).toBe(204);
  });

  it('refuses a unit role outside its unit (403), other roles (403), and another commune (404)', async () => {
    expect((await focal.post(base(), input({ unitId: aClinic }))).statusCode).toBe(403);
    expect((await viewer.post(base(), input())).statusCode).toBe(403);
    expect((await team.post(base(), input())).statusCode).toBe(403);
    expect((await council.post(base(), input())).statusCode).toBe(403);
    expect((await cAdmin.get(`${base()}/${main.id}`)).statusCode).toBe(404);
    expect((await cAdmin.get(base())).statusCode).toBe(404);
    // The same id asked through commune C's path: not there.
    expect((await cAdmin.get(`${base(w.c.id)}/${main.id}`)).statusCode).toBe(404);
    // Reading is for everyone of the commune.
    expect((await viewer.get(`${base()}/${main.id}`)).statusCode).toBe(200);
  });

  it('a user of two communes: writes A only in their unit, C everywhere, and never mixes them', async () => {
    expect((await twoCommunes.post(base(), input({ title: 'Sáng kiến của trường' }))).statusCode).toBe(201);
    expect((await twoCommunes.post(base(), input({ unitId: aClinic }))).statusCode).toBe(403);
    const inC = await twoCommunes.post(base(w.c.id), input({ unitId: w.cOffice.id, authors: [{ personId: w.cPerson.id }] }));
    expect(inC.statusCode, inC.body).toBe(201);
    // A person of A as an author of C's initiative: refused naming the author.
    const mixed = await twoCommunes.post(base(w.c.id), input({ unitId: w.cOffice.id, authors: [{ personId: w.cPerson.id }, { personId: teacher }] }));
    expect(mixed.statusCode).toBe(400);
    expect(err(mixed).details?.[0]?.field).toBe('authors.1.personId');
    expect(err(mixed).message).toContain('Tác giả thứ 2');
    // C's unit in A's path: not a unit of A.
    const wrongUnit = await admin.post(base(), input({ unitId: w.cOffice.id }));
    expect([wrongUnit.statusCode, err(wrongUnit).details?.[0]?.field]).toEqual([400, 'unitId']);
    // Lists stay per commune.
    const listC = (await twoCommunes.get(base(w.c.id))).json() as InitiativePage;
    expect(listC.items.every((i) => i.communeId === w.c.id)).toBe(true);
  });

  it('refuses bad input with Vietnamese messages naming the field', async () => {
    const noTitle = await admin.post(base(), input({ title: '   ' }));
    expect(noTitle.statusCode).toBe(400);
    expect(err(noTitle).details?.[0]?.field).toBe('title');
    const noUnit = await admin.post(base(), { ...input(), unitId: undefined });
    expect([noUnit.statusCode, err(noUnit).details?.[0]?.field]).toEqual([400, 'unitId']);
    const badDomain = await admin.post(base(), input({ domain: 'space' }));
    expect(badDomain.statusCode).toBe(400);
    expect(err(badDomain).message).toContain('Chuyển đổi số');
    const noAuthors = await admin.post(base(), input({ authors: [] }));
    expect([noAuthors.statusCode, err(noAuthors).details?.[0]?.field]).toEqual([400, 'authors']);
    const control = await admin.post(base(), input({ title: 'Sáng\u0000kiến' }));
    expect([control.statusCode, err(control).details?.[0]?.field]).toEqual([400, 'title']);
    const long = await admin.post(base(), input({ description: 'x'.repeat(10_001) }));
    expect([long.statusCode, err(long).details?.[0]?.field]).toEqual([400, 'description']);
    const huge = await admin.post(base(), input({ description: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
    const twice = await admin.post(base(), input({ authors: [{ personId: teacher }, { personId: teacher }] }));
    expect([twice.statusCode, err(twice).details?.[0]?.field]).toEqual([400, 'authors.1.personId']);
    const unknown = await admin.post(base(), input({ authors: [{ personId: '00000000-0000-4000-8000-000000000000' }] }));
    expect([unknown.statusCode, err(unknown).details?.[0]?.field]).toEqual([400, 'authors.0.personId']);
    const nobody = await admin.post(base(), input({ authors: [{ fullName: ' ' }] }));
    expect(nobody.statusCode).toBe(400);
  });

  it('records recognitions (admin, chairman only), refusing a date before first applied and a repeated number', async () => {
    const rec = { kind: 'decision', number: '15/QĐ-UBND', date: '2025-12-10', body: 'UBND xã Gia Phúc', level: 'commune' };
    expect((await focal.post(`${base()}/${main.id}/recognitions`, rec)).statusCode).toBe(403);
    expect((await council.post(`${base()}/${main.id}/recognitions`, rec)).statusCode).toBe(403);
    expect((await cAdmin.post(`${base()}/${main.id}/recognitions`, rec)).statusCode).toBe(404);
    const early = await chair.post(`${base()}/${main.id}/recognitions`, { ...rec, date: '2025-03-14' });
    expect([early.statusCode, err(early).details?.[0]?.field]).toEqual([400, 'date']);
    expect(err(early).message).toContain('15/03/2025');
    const ok = await chair.post(`${base()}/${main.id}/recognitions`, rec);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ recognizedLevel: 'commune', recognitionCount: 1, can: { delete: false } });
    const again = await admin.post(`${base()}/${main.id}/recognitions`, { ...rec, number: ' 15/qđ-ubnd ' });
    expect([again.statusCode, err(again).details?.[0]?.field]).toEqual([409, 'number']);
    const prov = await admin.post(`${base()}/${main.id}/recognitions`, {
      kind: 'confirmation',
      number: '102/GXN-SKHCN',
      date: '2026-02-01',
      body: 'Sở Khoa học và Công nghệ',
      level: 'province',
    });
    expect(prov.json()).toMatchObject({ recognizedLevel: 'province', recognitionCount: 2 });
    // The date first applied may not move past a recognition any more.
    const moved = await focal.patch(`${base()}/${main.id}`, { version: main.version, firstAppliedOn: '2026-01-01' });
    expect([moved.statusCode, err(moved).details?.[0]?.field]).toEqual([400, 'firstAppliedOn']);
    // Recognised: no longer deleted.
    expect((await focal.request('DELETE', `${base()}/${main.id}`)).statusCode).toBe(409);
  });

  it('finds by title, author or unit without diacritics, and filters by year, unit, person, field and recognition', async () => {
    const q = async (qs: string) => ((await viewer.get(`${base()}?${qs}`)).json() as InitiativePage).items.map((i) => i.title);
    expect(await q('q=ma%20qr%20tra%20cuu')).toEqual(['Ứng dụng mã QR tra cứu thủ tục hành chính']);
    expect(await q('q=dang%20quoc%20viet')).toContain('Ứng dụng mã QR tra cứu thủ tục hành chính');
    expect(await q('q=TRAM%20Y%20TE')).toEqual(['Sổ tay chuyển đổi số cho hội viên']);
    expect((await q(`personId=${nurse}`)).sort()).toEqual(['Sáng kiến của trường', 'Ứng dụng mã QR tra cứu thủ tục hành chính']);
    expect(await q(`unitId=${aClinic}`)).toEqual(['Sổ tay chuyển đổi số cho hội viên']);
    expect(await q('recognized=true')).toEqual(['Ứng dụng mã QR tra cứu thủ tục hành chính']);
    expect(await q('recognized=false')).not.toContain('Ứng dụng mã QR tra cứu thủ tục hành chính');
    expect(await q('domain=health')).toEqual(['Sổ tay chuyển đổi số cho hội viên']);
    expect(await q('year=2024')).toEqual([]);
    const page = (await viewer.get(`${base()}?pageSize=1&page=2`)).json() as InitiativePage;
    expect([page.items.length, page.total >= 3]).toEqual([1, true]);
    expect((await viewer.get(`${base()}?recognized=maybe`)).statusCode).toBe(400);
  });

  it('edits with the version, refuses a stale one, moves authors', async () => {
    const cur = (await focal.get(`${base()}/${main.id}`)).json() as Initiative;
    const res = await focal.patch(`${base()}/${main.id}`, { version: cur.version, authors: [{ personId: nurse }], scope: 'province' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: cur.version + 1, scope: 'province', authors: [{ fullName: 'Đặng Quốc Việt' }] });
    const stale = await focal.patch(`${base()}/${main.id}`, { version: cur.version, title: 'Cũ' });
    expect([stale.statusCode, err(stale).code]).toEqual([409, 'STALE_VERSION']);
    expect((await focal.patch(`${base()}/${main.id}`, { version: cur.version + 1, unitId: aClinic })).statusCode).toBe(403);
  });

  it('attaches files by their magic bytes, within the limits, and gives them back', async () => {
    const up = (who: Client, name: string, content: Buffer) => {
      const [body, headers] = multipart(name, content);
      return who.request('POST', `${base()}/${main.id}/files`, body, headers);
    };
    const ok = await up(focal, 'Quyết định công nhận.pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    const file = (ok.json() as Initiative).files[0]!;
    expect(file).toMatchObject({ name: 'Quyết định công nhận.pdf', mime: 'application/pdf', size: PDF.length });
    const fake = await up(focal, 'virus.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect([fake.statusCode, err(fake).details?.[0]?.field]).toEqual([415, 'file']);
    expect((await up(focal, 'script.exe', PDF)).statusCode).toBe(415);
    expect((await up(focal, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await up(viewer, 'x.pdf', PDF)).statusCode).toBe(403);
    const tooBig = await up(focal, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]));
    expect(tooBig.statusCode).toBe(413);
    const got = await viewer.get(`${base()}/${main.id}/files/${file.id}`);
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await cAdmin.get(`${base()}/${main.id}/files/${file.id}`)).statusCode).toBe(404);
    const del = await focal.request('DELETE', `${base()}/${main.id}/files/${file.id}`);
    expect([del.statusCode, (del.json() as Initiative).files.length]).toEqual([200, 0]);
  });

  it('exports the register as .xlsx with the recognitions', async () => {
    const res = await viewer.get(`${base()}/export.xlsx?year=2025`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Tên sáng kiến, giải pháp');
    const texts: string[] = [];
    ws.eachRow((r) => texts.push(r.values ? (r.values as unknown[]).map(String).join(' | ') : ''));
    const qr = texts.find((x) => x.includes('mã QR'))!;
    expect(qr).toContain('15/QĐ-UBND');
    expect(qr).toContain('10/12/2025');
    expect(qr).toContain('Sở Khoa học và Công nghệ');
  });

  it('counts recognised initiatives for the commendation rules, by person, unit, period and level', async () => {
    const count = (q: Parameters<typeof countRecognizedInitiatives>[2]) =>
      inScope(t.database.db, SYSTEM_SCOPE, (tx) => countRecognizedInitiatives(tx, w.a.id, q));
    expect(await count({ personId: nurse })).toBe(1);
    expect(await count({ personId: teacher })).toBe(0); // moved off the authors above
    expect(await count({ unitId: w.aSchool.id })).toBe(1);
    expect(await count({ unitId: aClinic })).toBe(0);
    expect(await count({ fromDate: '2026-01-01', toDate: '2026-12-31' })).toBe(1);
    expect(await count({ fromDate: '2025-01-01', toDate: '2025-12-31', minLevel: 'province' })).toBe(0);
    expect(await count({ minLevel: 'national' })).toBe(0);
    const s = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => initiativeSummary(tx, w.a.id, main.id));
    expect(s?.recognitions.map((r) => [r.number, r.level])).toEqual([
      ['15/QĐ-UBND', 'commune'],
      ['102/GXN-SKHCN', 'province'],
    ]);
    expect(await inScope(t.database.db, SYSTEM_SCOPE, (tx) => initiativeSummary(tx, w.c.id, main.id))).toBeNull();
  });

  it('removes a recognition recorded by mistake, then the initiative', async () => {
    const cur = (await admin.get(`${base()}/${main.id}`)).json() as Initiative;
    expect(cur.can).toMatchObject({ recognize: true });
    for (const r of cur.recognitions) {
      expect((await focal.request('DELETE', `${base()}/${main.id}/recognitions/${r.id}`)).statusCode).toBe(403);
      expect((await admin.request('DELETE', `${base()}/${main.id}/recognitions/${r.id}`)).statusCode).toBe(200);
    }
    expect((await admin.request('DELETE', `${base()}/${main.id}/recognitions/${cur.recognitions[0]!.id}`)).statusCode).toBe(404);
    expect((await focal.request('DELETE', `${base()}/${main.id}`)).statusCode).toBe(204);
    expect((await viewer.get(`${base()}/${main.id}`)).statusCode).toBe(404);
  });
});
