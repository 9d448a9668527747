import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_PHOTO_LIMIT, type Model, type ModelPage, type PublicModelList } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makePerson, makePlan, makeUser } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { buildPlanTemplate } from '../plans';
import { makeJpeg, makePng } from '../../testing/kits/images';
import { unzipEntry } from '../documents';
import { publishedModels } from '.';

const B = 'modelsboundary';
function multipart(filename: string, content: Buffer): [Buffer, Record<string, string>] {
  return [
    Buffer.concat([
      Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${B}--\r\n`),
    ]),
    { 'content-type': `multipart/form-data; boundary=${B}` },
  ];
}
type Err = { error: { code: string; message: string; details?: { field?: string; message: string }[] } };
const err = (res: { json(): unknown }) => (res.json() as Err).error;

describe(`Điển hình tiên tiến: models, photos, publishing, the public list, the yearly exports (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let chair: Client;
  let focal: Client;
  let viewer: Client;
  let cAdmin: Client;
  let twoCommunes: Client;
  let anonymous: TestApp['app'];
  let teacher: string;
  let planId: string;
  let contentText: string;
  let school: Model;
  let person: Model;
  const base = (c = w.a.id) => `/api/communes/${c}/models`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    anonymous = t.app;
    teacher = (await makePerson(t.database.db, w.a.id, { unitId: w.aSchool.id, fullName: 'Vũ Thị Thanh Hương', gender: 'female', birthYear: 1988 })).id;
    const doc = buildPlanTemplate({ communeName: 'Xã Gia Phúc', provinceName: 'Tỉnh Một', year: 2026 });
    planId = (await makePlan(t.database.db, w.a.id, { doc })).id;
    contentText = doc.contents[0]!.text;
    await makeUser(t.database.db, {
      username: 'two.models',
      password: PASSWORD,
      roles: [
        { role: 'unit_focal_point', communeId: w.a.id, unitId: w.aSchool.id },
        { role: 'commune_admin', communeId: w.c.id },
      ],
    });
    const [c1, c2, c3, c4, c5, c6] = await Promise.all(
      ['a.admin', 'a.chair', 'a.focal', 'a.viewer', 'c.admin', 'two.models'].map((u) => loginAs(t, u, PASSWORD)),
    );
    [admin, chair, focal, viewer, cAdmin, twoCommunes] = [c1!, c2!, c3!, c4!, c5!, c6!];
  }, 120_000);
  afterAll(async () => t?.close());

  it('records a collective model of the unit (its focal point) tied to the plan content, and an individual one', async () => {
    const res = await focal.post(base(), {
      kind: 'collective',
      title: 'Lớp học "Bình dân học vụ số" cho phụ huynh',
      unitId: w.aSchool.id,
      story: 'Mỗi tối thứ Năm, giáo viên nhà trường hướng dẫn phụ huynh cài VNeID và nộp hồ sơ trực tuyến.',
      planId,
      contentOrder: 1,
      from: '2026-01-05',
      to: '2026-06-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    school = res.json() as Model;
    expect(school).toMatchObject({
      unitName: 'Trường Tiểu học',
      movementContent: contentText,
      year: 2026,
      status: 'draft',
      can: { update: true, publish: false, unpublish: false, delete: true, addPhoto: true },
    });
    const ind = await admin.post(base(), {
      kind: 'individual',
      title: 'Cô giáo "một chạm" hỗ trợ người cao tuổi',
      personId: teacher,
      story: 'Cô Hương đã hướng dẫn hơn 200 người cao tuổi dùng điện thoại thông minh.',
      movementContent: 'Phổ cập kỹ năng số cho người dân',
      year: 2026,
    });
    expect(ind.statusCode, ind.body).toBe(201);
    person = ind.json() as Model;
    expect(person).toMatchObject({ kind: 'individual', personName: 'Vũ Thị Thanh Hương', unitId: w.aSchool.id, can: { publish: true } });
  });

  it('a retried create (again, or at the same moment) with the same key records the model once', async () => {
    const body = { kind: 'collective', title: 'Mô hình gửi lại khi mạng chập chờn', unitId: w.aSchool.id, opKey: 'retry-model-0001' };
    const [x, y] = await Promise.all([focal.post(base(), body), focal.post(base(), body)]);
    const z = await focal.post(base(), body);
    expect([x.statusCode, y.statusCode, z.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([x.json().id, y.json().id, z.json().id]).size).toBe(1);
    const other = await admin.post(base(), body);
    expect([other.statusCode, other.json().error.details?.[0]?.field]).toEqual([409, 'opKey']);
    expect((await focal.request('DELETE', `${base()}/${x.json().id}`)).statusCode).toBe(204);
  });

  it('refuses other units (403), other roles (403), other communes (404), and bad input naming the field', async () => {
    const body = { kind: 'collective', title: 'Mô hình', unitId: w.aOffice.id };
    expect((await focal.post(base(), body)).statusCode).toBe(403);
    expect((await viewer.post(base(), body)).statusCode).toBe(403);
    expect((await chair.post(base(), body)).statusCode).toBe(403);
    expect((await cAdmin.get(`${base()}/${school.id}`)).statusCode).toBe(404);
    expect((await cAdmin.post(base(), body)).statusCode).toBe(404);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'collective', title: '' }, 'title'],
      [{ kind: 'collective', title: 'Mô hình' }, 'unitId'],
      [{ kind: 'individual', title: 'Mô hình' }, 'personId'],
      [{ kind: 'individual', title: 'Mô hình', personId: w.cPerson.id }, 'personId'],
      [{ kind: 'group', title: 'Mô hình', unitId: w.aSchool.id }, 'kind'],
      [{ kind: 'collective', title: 'Mô hình', unitId: w.aSchool.id, from: '2026-05-01', to: '2026-01-01' }, 'to'],
      [{ kind: 'collective', title: 'Mô hình', unitId: w.aSchool.id, planId }, 'contentOrder'],
      [{ kind: 'collective', title: 'Mô hình', unitId: w.aSchool.id, planId, contentOrder: 999 }, 'contentOrder'],
      [{ kind: 'collective', title: 'Mô hình', unitId: w.aSchool.id, planId: '00000000-0000-4000-8000-000000000000', contentOrder: 1 }, 'planId'],
      [{ kind: 'collective', title: 'Mô\u0007hình', unitId: w.aSchool.id }, 'title'],
      [{ kind: 'collective', title: 'Mô hình', unitId: w.aSchool.id, story: 'x'.repeat(20_001) }, 'story'],
    ];
    for (const [b, field] of cases) {
      const res = await admin.post(base(), b);
      expect([res.statusCode, err(res).details?.[0]?.field, JSON.stringify(b).slice(0, 80)]).toEqual([400, field, JSON.stringify(b).slice(0, 80)]);
    }
    expect((await admin.post(base(), { kind: 'collective', title: 'x', unitId: w.aSchool.id, story: 'x'.repeat(2_000_000) })).statusCode).toBe(413);
    // A user of two communes: A only in their unit, C as its admin.
    expect((await twoCommunes.post(base(), body)).statusCode).toBe(403);
    expect((await twoCommunes.post(base(w.c.id), { ...body, unitId: w.cOffice.id })).statusCode).toBe(201);
    expect((await twoCommunes.post(base(w.c.id), { kind: 'individual', title: 'x', personId: teacher })).statusCode).toBe(400);
  });

  it('takes photos by their bytes up to the limit, and gives them back to readers only', async () => {
    const up = (who: Client, id: string, name: string, content: Buffer) => {
      const [body, headers] = multipart(name, content);
      return who.request('POST', `${base()}/${id}/photos?caption=L%E1%BB%9Bp%20h%E1%BB%8Dc`, body, headers);
    };
    const ok = await up(focal, school.id, 'IMG_1.jpg', makeJpeg(1600, 1200));
    expect(ok.statusCode, ok.body).toBe(201);
    const photo = (ok.json() as Model).photos[0]!;
    expect(photo).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1200, caption: 'Lớp học' });
    expect((await up(focal, school.id, 'x.jpg', Buffer.from('GIF89a not a photo'))).statusCode).toBe(415);
    expect((await up(focal, school.id, 'big.png', makePng(5000, 10))).statusCode).toBe(400);
    expect((await up(viewer, school.id, 'a.png', makePng(3, 2))).statusCode).toBe(403);
    for (let i = 1; i < MODEL_PHOTO_LIMIT; i++) expect((await up(focal, school.id, `p${i}.png`, makePng(3, 2))).statusCode).toBe(201);
    const over = await up(focal, school.id, 'over.png', makePng(3, 2));
    expect([over.statusCode, err(over).code]).toEqual([409, 'PHOTO_LIMIT']);
    const got = await viewer.get(`${base()}/${school.id}/photos/${photo.id}`);
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect((await cAdmin.get(`${base()}/${school.id}/photos/${photo.id}`)).statusCode).toBe(404);
    const last = ((await focal.get(`${base()}/${school.id}`)).json() as Model).photos.at(-1)!;
    expect((await focal.request('DELETE', `${base()}/${school.id}/photos/${last.id}`)).statusCode).toBe(200);
  });

  it('publishes with model.publish only; a published model is locked until taken back; the public sees published ones only', async () => {
    expect((await focal.post(`${base()}/${school.id}/publish`, { version: school.version })).statusCode).toBe(403);
    expect((await chair.post(`${base()}/${school.id}/publish`, { version: school.version })).statusCode).toBe(403);
    expect((await cAdmin.post(`${base()}/${school.id}/publish`, { version: school.version })).statusCode).toBe(404);
    const stale = await admin.post(`${base()}/${school.id}/publish`, { version: school.version + 5 });
    expect([stale.statusCode, err(stale).code]).toEqual([409, 'STALE_VERSION']);
    const pub = await admin.post(`${base()}/${school.id}/publish`, { version: school.version });
    expect(pub.statusCode, pub.body).toBe(200);
    const published = pub.json() as Model;
    expect(published).toMatchObject({
      status: 'published',
      version: school.version + 1,
      can: { update: false, publish: false, unpublish: true, delete: false },
    });
    expect(published.publishedAt).toBeTruthy();
    // A retry of the same step writes nothing and answers the same.
    const again = await admin.post(`${base()}/${school.id}/publish`, { version: school.version });
    expect([again.statusCode, again.json().version]).toEqual([200, published.version]);
    const locked = await focal.patch(`${base()}/${school.id}`, { version: published.version, title: 'Sửa sau khi công bố' });
    expect([locked.statusCode, err(locked).code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await focal.request('DELETE', `${base()}/${school.id}`)).statusCode).toBe(409);
    expect((await viewer.request('DELETE', `${base()}/${school.id}`)).statusCode).toBe(403);
    // Without a story: refused naming it.
    const bare = (await admin.post(base(), { kind: 'collective', title: 'Chưa có câu chuyện', unitId: w.aOffice.id })).json() as Model;
    const noStory = await admin.post(`${base()}/${bare.id}/publish`, { version: bare.version });
    expect([noStory.statusCode, err(noStory).details?.[0]?.field]).toEqual([400, 'story']);

    const pubList = await anonymous.inject({ method: 'GET', url: `/api/public/communes/${w.a.id}/models?year=2026` });
    expect(pubList.statusCode).toBe(200);
    const list = pubList.json() as PublicModelList;
    expect(list.communeName).toBe('Xã Gia Phúc');
    expect(list.items.map((m) => m.title)).toEqual(['Lớp học "Bình dân học vụ số" cho phụ huynh']);
    const m = list.items[0]!;
    expect(Object.keys(m).sort()).toEqual([
      'from',
      'holderName',
      'id',
      'kind',
      'movementContent',
      'photos',
      'publishedAt',
      'story',
      'title',
      'to',
      'unitName',
      'year',
    ]);
    expect(m.photos.length).toBe(MODEL_PHOTO_LIMIT - 1);
    const img = await anonymous.inject({ method: 'GET', url: m.photos[0]!.url });
    expect([img.statusCode, img.headers['content-type']]).toEqual([200, 'image/jpeg']);
    // The photo of an unpublished model is not public.
    const draftPhoto = await admin.request('POST', `${base()}/${person.id}/photos`, ...multipart('a.png', makePng(3, 2)));
    const dp = (draftPhoto.json() as Model).photos[0]!;
    expect((await anonymous.inject({ method: 'GET', url: `/api/public/communes/${w.a.id}/models/${person.id}/photos/${dp.id}` })).statusCode).toBe(404);
    expect((await anonymous.inject({ method: 'GET', url: `/api/public/communes/${w.c.id}/models/${school.id}/photos/${m.photos[0]!.id}` })).statusCode).toBe(
      404,
    );
    expect((await anonymous.inject({ method: 'GET', url: `/api/public/communes/00000000-0000-4000-8000-000000000000/models` })).statusCode).toBe(404);

    // The individual: published, the public sees the person's name and nothing else of them.
    const ip = await admin.post(`${base()}/${person.id}/publish`, { version: person.version });
    expect(ip.statusCode, ip.body).toBe(200);
    const all = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => publishedModels(tx, w.a.id, 2026));
    const ind = all.find((x) => x.kind === 'individual')!;
    expect(ind.holderName).toBe('Vũ Thị Thanh Hương');
    expect(JSON.stringify(ind)).not.toContain('1988');
    expect(await inScope(t.database.db, SYSTEM_SCOPE, (tx) => publishedModels(tx, w.a.id, 2025))).toEqual([]);

    // Taken back: editable again, gone from the portal.
    const back = await admin.post(`${base()}/${person.id}/unpublish`, { version: (ip.json() as Model).version });
    expect([back.statusCode, back.json().status]).toEqual([200, 'draft']);
    const after = (await anonymous.inject({ method: 'GET', url: `/api/public/communes/${w.a.id}/models` })).json() as PublicModelList;
    expect(after.items.map((x) => x.kind)).toEqual(['collective']);
  });

  it('lists, filters and searches without diacritics', async () => {
    const q = async (qs: string) => ((await viewer.get(`${base()}?${qs}`)).json() as ModelPage).items.map((m) => m.title);
    expect(await q('q=binh%20dan%20hoc%20vu')).toEqual(['Lớp học "Bình dân học vụ số" cho phụ huynh']);
    expect(await q('q=thanh%20huong')).toEqual(['Cô giáo "một chạm" hỗ trợ người cao tuổi']);
    expect(await q('status=published')).toEqual(['Lớp học "Bình dân học vụ số" cho phụ huynh']);
    expect(await q(`personId=${teacher}`)).toEqual(['Cô giáo "một chạm" hỗ trợ người cao tuổi']);
    expect((await q(`unitId=${w.aSchool.id}`)).length).toBe(2);
    expect(await q('year=2025')).toEqual([]);
    const page = (await viewer.get(base())).json() as ModelPage;
    expect(page.can).toEqual({ create: false, export: false });
    expect(((await admin.get(base())).json() as ModelPage).can).toEqual({ create: true, export: true });
  });

  it('exports the yearly list as .xlsx and as a Word annex (model.publish)', async () => {
    expect((await viewer.get(`${base()}/export.xlsx?year=2026`)).statusCode).toBe(403);
    expect((await admin.get(`${base()}/export.xlsx`)).statusCode).toBe(400);
    const x = await admin.get(`${base()}/export.xlsx?year=2026`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((r) => texts.push((r.values as unknown[]).map(String).join(' | ')));
    expect(texts.join('\n')).toContain('Vũ Thị Thanh Hương (Trường Tiểu học)');
    expect(texts.join('\n')).toContain('05/01/2026 - 30/06/2026');
    const d = await admin.get(`${base()}/export.docx?year=2026`);
    expect([d.statusCode, d.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    const xml = unzipEntry(d.rawPayload, 'word/document.xml') ?? '';
    expect(xml).toContain('PHỤ LỤC');
    expect(xml).toContain('Cô giáo');
  });
});
