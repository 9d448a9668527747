import fs from 'node:fs';
import path from 'node:path';
import { resolveSession } from '../../platform/session';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/security';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { confirmReviews } from '../../testing/kits/reports';
import { unzipEntry } from '../documents/docx-xml';
import { getPlanTemplate } from './get-plan-template';

const seed = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const SEED_002 = '002_11f87cc7687ac78a.txt';
const SEED_003 = '003_52b1619693e432af.txt';

function multipart(name: string, content: Buffer | string, type = 'application/octet-stream'): [Buffer, Record<string, string>] {
  const b = 'planboundary';
  const body = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return [body, { 'content-type': `multipart/form-data; boundary=${b}` }];
}

describe(`plans (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  const plans = () => `/api/communes/${w.a.id}/plans`;
  const dueCount = async (planId: string) =>
    rowsOf<{ n: number }>(await t.database.system.execute(sql`select count(*)::int as n from due_item where plan_id = ${planId}`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
  });
  afterAll(async () => t?.close());

  it("fills the template with Vietnam's year: on 31/12 at 18:00 UTC it is already next year there", async () => {
    const actor = (await resolveSession(t.database.db, admin.token, 60))!;
    const onceDeadline = async (now: Date) => {
      const doc = await getPlanTemplate({ db: t.database.db, actor, communeId: w.a.id, now });
      return doc.deadlines.find((d) => d.recurrence === 'once')?.year;
    };
    expect(await onceDeadline(new Date('2026-12-31T16:59:00Z'))).toBe(2026);
    expect(await onceDeadline(new Date('2026-12-31T18:00:00Z'))).toBe(2027);
  });

  it('starts from the national template, edits it into new versions, and keeps the old ones', async () => {
    const doc = (await admin.get(`/api/plan-template?communeId=${w.a.id}`)).json();
    expect(doc.contents).toHaveLength(8);
    expect(doc.awardForms.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['GIAY_KHEN_CT_UBND_XA', 'HUAN_CHUONG_LAO_DONG']));
    expect(doc.title).toContain('xã Gia Phúc');
    const created = await admin.post(plans(), { doc, source: 'template' });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ status: 'draft', version: 1, conflicts: [] });
    const edited = await admin.patch(`${plans()}/${p.id}`, { doc: { ...doc, number: '27/KH-UBND' }, version: 1, note: 'Thêm số' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, number: '27/KH-UBND' });
    expect((await admin.patch(`${plans()}/${p.id}`, { doc, version: 1 })).statusCode).toBe(409);
    const versions = (await admin.get(`${plans()}/${p.id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await admin.get(`${plans()}/${p.id}/versions/1`)).json().doc.number).toBeNull();
  });

  it('imports a plan from pasted text and from a file, proposing fields with their source spans', async () => {
    const res = await admin.post(`${plans()}/import`, { text: seed(SEED_002) });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.plan.deadlines[0]).toMatchObject({ day: 5, month: 12, recurrence: 'yearly', qualifier: 'before' });
    const span = r.sources['plan.signer.name'];
    expect(r.text.slice(span.start, span.end)).toBe(r.plan.signer.name);
    const [body, headers] = multipart('ke-hoach.txt', seed(SEED_002), 'text/plain');
    const file = await admin.request('POST', `${plans()}/import`, body, headers);
    expect(file.statusCode).toBe(200);
    expect(file.json().plan.contents).toHaveLength(r.plan.contents.length);
  });

  it('answers files it cannot read, and text that is no plan, with a clear 4xx', async () => {
    const doc = await admin.request(
      'POST',
      `${plans()}/import`,
      ...multipart('cu.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
    );
    expect(doc.statusCode).toBe(415);
    expect(doc.json().error.message).toMatch(/docx/u);
    const empty = await admin.request('POST', `${plans()}/import`, ...multipart('rong.txt', ''));
    expect(empty.statusCode).toBe(400);
    const fake = await admin.request('POST', `${plans()}/import`, ...multipart('gia.pdf', 'không phải PDF'));
    expect(fake.statusCode).toBe(415);
    const junk = await admin.post(`${plans()}/import`, { text: 'Hôm nay trời đẹp, chúng tôi đi chơi công viên.' });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('NOT_A_PLAN');
    expect((await admin.post(`${plans()}/import`, { text: '' })).statusCode).toBe(400);
  });

  it('publishing asks to settle conflicts, shows the calendar change, then creates due items', async () => {
    const parsed = (await admin.post(`${plans()}/import`, { text: seed(SEED_003) })).json();
    const p = (await admin.post(plans(), { doc: confirmReviews({ ...parsed.plan, date: '2025-09-15' }), source: 'import' })).json();
    expect(p.conflicts.length).toBeGreaterThanOrEqual(1);
    const refused = await admin.post(`${plans()}/${p.id}/publish`, { version: p.version, dryRun: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PLAN_CONFLICTS');
    const resolutions = Object.fromEntries(p.conflicts.map((c: { key: string; options: { value: string }[] }) => [c.key, c.options[0]!.value]));
    const preview = await admin.post(`${plans()}/${p.id}/publish`, { version: p.version, dryRun: true, resolutions });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().added.length).toBeGreaterThan(0);
    expect(await dueCount(p.id)).toBe(0);
    const done = await admin.post(`${plans()}/${p.id}/publish`, { version: p.version, resolutions });
    expect(done.statusCode).toBe(200);
    expect(done.json().plan.status).toBe('published');
    expect(await dueCount(p.id)).toBeGreaterThan(0);
  });

  it('turns "trước ngày 05/12 hằng năm" into items due by the end of 04/12 for every participating unit, 2025-2030', async () => {
    const parsed = (await admin.post(`${plans()}/import`, { text: seed(SEED_002) })).json();
    const p = (await admin.post(plans(), { doc: confirmReviews(parsed.plan), source: 'import' })).json();
    const done = await admin.post(`${plans()}/${p.id}/publish`, { version: p.version, resolutions: {} });
    expect(done.statusCode).toBe(200);
    const cal = (await admin.get(`/api/communes/${w.a.id}/calendar?from=2026-01-01&to=2026-12-31&planId=${p.id}`)).json();
    const due = cal.entries.filter((e: { kind: string }) => e.kind === 'due');
    expect(due.map((e: { date: string }) => e.date)).toContain('2026-12-04');
    const dec = due.find((e: { date: string }) => e.date === '2026-12-04');
    expect(dec.lateAfter).toBe('2026-12-04T17:00:00.000Z');
    expect(dec.units).toBeGreaterThanOrEqual(2);
    const years = rowsOf<{ y: number }>(await t.database.system.execute(sql`select distinct year as y from due_item where plan_id = ${p.id} order by 1`)).map(
      (r) => r.y,
    );
    expect(years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(cal.entries.some((e: { kind: string }) => e.kind === 'phase')).toBe(true);

    // Re-publishing after a change shows what will change before it happens; a retry changes nothing.
    const doc = confirmReviews({
      ...parsed.plan,
      deadlines: parsed.plan.deadlines.map((d: { day: number }) => ({ ...d, day: 10, text: 'trước ngày 10/12 hằng năm' })),
    });
    const v2 = (await admin.patch(`${plans()}/${p.id}`, { doc, version: p.version })).json();
    const preview = (await admin.post(`${plans()}/${p.id}/publish`, { version: v2.version, dryRun: true })).json();
    expect(preview.removed.some((x: { dueDate: string }) => x.dueDate === '2026-12-04')).toBe(true);
    expect(preview.added.some((x: { dueDate: string }) => x.dueDate === '2026-12-09')).toBe(true);
    const before = await dueCount(p.id);
    await admin.post(`${plans()}/${p.id}/publish`, { version: v2.version });
    expect(await dueCount(p.id)).toBe(before);
    const again = (await admin.post(`${plans()}/${p.id}/publish`, { version: v2.version, dryRun: true })).json();
    expect([again.added.length, again.removed.length]).toEqual([0, 0]);
  });

  it('prints the plan and its decision as Word files in the Decree 30 layout, and as HTML', async () => {
    const doc = (await admin.get(`/api/plan-template?communeId=${w.a.id}`)).json();
    const p = (await admin.post(plans(), { doc: { ...doc, number: '27/KH-UBND', date: '2025-08-21' }, source: 'template' })).json();
    const docx = await admin.get(`${plans()}/${p.id}/document.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toBe(
      `attachment; filename="Ke-hoach-27-KH-UBND.docx"; filename*=UTF-8''${encodeURIComponent('Kế hoạch 27-KH-UBND.docx')}`,
    );
    const xml = unzipEntry(docx.rawPayload, 'word/document.xml')!;
    expect(xml).toContain('KẾ HOẠCH');
    expect(xml).toContain('27/KH-UBND');
    const draft = unzipEntry((await admin.get(`${plans()}/${p.id}/document.docx?draft=true`)).rawPayload, 'word/document.xml')!;
    expect(draft).not.toContain('27/KH-UBND');
    const decision = unzipEntry((await admin.get(`${plans()}/${p.id}/decision.docx`)).rawPayload, 'word/document.xml')!;
    expect(decision).toContain('QUYẾT ĐỊNH');
    const html = await admin.get(`${plans()}/${p.id}/document.html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('units attach their own plans to the commune plan, and the lineage shows', async () => {
    const doc = (await admin.get(`/api/plan-template?communeId=${w.a.id}`)).json();
    const parent = (await admin.post(plans(), { doc, source: 'template' })).json();
    const focal = await loginAs(t, 'a.focal', PASSWORD);
    const child = await focal.post(plans(), {
      doc: { ...doc, title: 'Kế hoạch của Trường Tiểu học' },
      source: 'blank',
      ownerUnitId: w.aSchool.id,
      parentPlanId: parent.id,
    });
    expect(child.statusCode).toBe(201);
    expect(child.json().parent).toMatchObject({ kind: 'commune', id: parent.id });
    expect((await admin.get(`${plans()}/${parent.id}`)).json().children.map((c: { id: string }) => c.id)).toEqual([child.json().id]);
    expect((await focal.post(plans(), { doc, source: 'blank', ownerUnitId: w.aOffice.id })).statusCode).toBe(403);
    expect((await focal.post(`${plans()}/${parent.id}/publish`, { version: 1 })).statusCode).toBe(403);
    // What each may do is said on the plan and the list, and matches what the server allows.
    expect((await focal.get(`${plans()}/${parent.id}`)).json().can).toEqual({ edit: false, publish: false });
    expect((await focal.patch(`${plans()}/${parent.id}`, { doc, version: 1 })).statusCode).toBe(403);
    expect((await focal.get(`${plans()}/${child.json().id}`)).json().can).toEqual({ edit: true, publish: false });
    expect((await admin.get(`${plans()}/${parent.id}`)).json().can).toEqual({ edit: true, publish: true });
    expect((await focal.get(plans())).json().can).toEqual({ createCommunePlan: false, createUnitPlan: true, pickOwnerUnit: true });
    expect((await admin.get(plans())).json().can).toEqual({ createCommunePlan: true, createUnitPlan: false, pickOwnerUnit: true });
    expect((await focal.post(`${plans()}/import`, { text: 'KẾ HOẠCH' })).statusCode).toBe(403);
  });

  it('another commune sees none of it; a viewer cannot write', async () => {
    const list = (await admin.get(plans())).json();
    const id = list.items[0].id;
    const b = await loginAs(t, 'b.admin', PASSWORD);
    expect((await b.get(`${plans()}/${id}`)).statusCode).toBe(404);
    expect((await b.get(`/api/communes/${w.b.id}/plans/${id}`)).statusCode).toBe(404);
    expect((await b.get(`${plans()}/${id}/document.docx`)).statusCode).toBe(404);
    const viewer = await loginAs(t, 'a.viewer', PASSWORD);
    expect((await viewer.get(plans())).statusCode).toBe(200);
    // A viewer may start no plan, so is offered no owner unit to choose.
    expect((await viewer.get(plans())).json().can).toEqual({ createCommunePlan: false, createUnitPlan: false, pickOwnerUnit: false });
    expect((await viewer.post(plans(), { doc: {}, source: 'blank' })).statusCode).toBe(403);
  });
});

describe(`province plans and cascade (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
  });
  afterAll(async () => t?.close());

  it('the province enters its plans; its communes see them and link to them, another province does not', async () => {
    const prov = await loginAs(t, 'province1', PASSWORD);
    const created = await prov.post('/api/province-plans', {
      provinceId: w.p1.id,
      title: 'Kế hoạch 150/KH-UBND của Tỉnh Một',
      number: '150/KH-UBND',
      date: '2025-06-16',
    });
    expect(created.statusCode).toBe(201);
    const a = await loginAs(t, 'a.admin', PASSWORD);
    const b = await loginAs(t, 'b.admin', PASSWORD);
    expect((await b.get(`/api/province-plans?provinceId=${w.p1.id}`)).json().items.map((p: { id: string }) => p.id)).toEqual([created.json().id]);
    const c = await loginAs(t, 'c.admin', PASSWORD);
    expect((await c.get(`/api/province-plans?provinceId=${w.p1.id}`)).statusCode).toBe(404);
    const doc = (await a.get(`/api/plan-template?communeId=${w.a.id}`)).json();
    const plan = await a.post(`/api/communes/${w.a.id}/plans`, { doc, source: 'template', provincePlanId: created.json().id });
    expect(plan.json().parent).toMatchObject({ kind: 'province', id: created.json().id, title: 'Kế hoạch 150/KH-UBND của Tỉnh Một' });
    // Row-level security: under commune C's session an unfiltered select shows nothing of province 1,
    // and under commune A's a commune can neither add to nor change its province's plans.
    const { inScope } = await import('../../platform/tenancy');
    const scopeOf = async (client: typeof a) => (await resolveSession(t.database.db, client.token, 60))!.scope;
    const rows = await inScope(t.database.db, await scopeOf(c), (tx) => tx.execute(sql`select province_id from province_plan`));
    expect(rowsOf(rows)).toHaveLength(0);
    const changed = await inScope(t.database.db, await scopeOf(a), (tx) => tx.execute(sql`update province_plan set title = 'đổi' returning id`));
    expect(rowsOf(changed)).toHaveLength(0);
    await expect(
      inScope(t.database.db, await scopeOf(a), (tx) => tx.execute(sql`insert into province_plan (province_id, title) values (${w.p1.id}, 'chen')`)),
    ).rejects.toThrow();
    // The province corrects it; a plan that a commune plan names cannot be deleted, an unused one can.
    const fixed = await prov.request('PATCH', `/api/province-plans/${created.json().id}`, {
      title: 'Kế hoạch 150/KH-UBND (sửa)',
      number: '150/KH-UBND',
      date: '2025-06-16',
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().title).toBe('Kế hoạch 150/KH-UBND (sửa)');
    const inUse = await prov.request('DELETE', `/api/province-plans/${created.json().id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('IN_USE');
    const spare = (await prov.post('/api/province-plans', { provinceId: w.p1.id, title: 'Nhập nhầm' })).json();
    expect((await prov.request('DELETE', `/api/province-plans/${spare.id}`)).statusCode).toBe(200);
    expect((await prov.get(`/api/province-plans?provinceId=${w.p1.id}`)).json().items).toHaveLength(1);
  });

  it("commune users may not create, change or delete province plans; another province's are hidden", async () => {
    const prov = await loginAs(t, 'province1', PASSWORD);
    const id = (await prov.post('/api/province-plans', { provinceId: w.p1.id, title: 'Kế hoạch khác' })).json().id;
    const a = await loginAs(t, 'a.admin', PASSWORD);
    const created = await a.post('/api/province-plans', { provinceId: w.p1.id, title: 'X' });
    expect(created.statusCode).toBe(403);
    expect((await a.request('PATCH', `/api/province-plans/${id}`, { title: 'đổi' })).statusCode).toBe(403);
    expect((await a.request('DELETE', `/api/province-plans/${id}`)).statusCode).toBe(403);
    const c = await loginAs(t, 'c.admin', PASSWORD);
    expect((await c.post('/api/province-plans', { provinceId: w.p1.id, title: 'X' })).statusCode).toBe(403);
    expect((await c.request('PATCH', `/api/province-plans/${id}`, { title: 'đổi' })).statusCode).toBe(403);
    const sys = await loginAs(t, 'sysadmin', PASSWORD);
    expect((await sys.request('PATCH', `/api/province-plans/${id}`, { title: 'Sửa bởi quản trị' })).statusCode).toBe(200);
  });
});

describe(`award catalogue (${testDbKind()})`, () => {
  it('keeps forms and titles apart with stable codes that the template and the parser use', async () => {
    const t = await createTestApp();
    try {
      await buildWorld(t.database.db);
      const c = await loginAs(t, 'a.viewer', PASSWORD);
      const items = (await c.get('/api/award-kinds')).json().items as { code: string; kind: string }[];
      const forms = items.filter((i) => i.kind === 'form').map((i) => i.code);
      expect(items.filter((i) => i.kind === 'title').map((i) => i.code)).toEqual(expect.arrayContaining(['LAO_DONG_TIEN_TIEN', 'CHIEN_SI_THI_DUA_CO_SO']));
      const { AWARD_FORM_CATALOGUE } = await import('./parser');
      const { buildPlanTemplate } = await import('./plan-template');
      const template = buildPlanTemplate({ communeName: 'Xã A', provinceName: 'Tỉnh B', year: 2025 });
      for (const code of [...AWARD_FORM_CATALOGUE.map((a) => a.code), ...template.awardForms.map((a) => a.code!)]) expect(forms).toContain(code);
    } finally {
      await t.close();
    }
  });
});
