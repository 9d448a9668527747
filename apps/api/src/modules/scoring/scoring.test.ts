import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDto, CouncilScoreDto, RankingDto, ResultDto, RubricDto, RubricInput, ScoringFileDto } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeUser } from '../../testing/factories';
import { publishTemplatePlan } from '../../testing/kits/reports';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { auditEntry } from '../../platform/audit.table';
import { unzipEntry } from '../documents';
import { indicatorValue } from '../indicators';
import { storeFile } from '../files';
import { appUser } from '../users';
import { rubricCriterion, scoringEvidenceFile } from './scoring.table';

const B = 'scoringboundary';
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

const meetings = [
  { min: 4, points: 20 },
  { min: 3, points: 15 },
  { min: 2, points: 10 },
  { min: 1, points: 5 },
  { min: 0, points: 0 },
];

describe(`unit scoring: rubric, self-assessment, sealed council scores, frozen results (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let focal: Client;
  let council: Client;
  let chair: Client;
  let insider: Client;
  let twoCommunes: Client;
  let viewer: Client;
  let cAdmin: Client;
  let sys: Client;
  let rubric: RubricDto;
  const base = (c = w.a.id) => `/api/communes/${c}/scoring`;
  const crit = (i: number) => rubric.criteria[i]!.id;

  const input = (over: Partial<RubricInput> = {}): RubricInput => ({
    planId: null,
    groupName: 'Đối với các cơ quan, đơn vị',
    title: 'Bảng tiêu chí chấm điểm thi đua năm 2026',
    year: 2026,
    unitIds: [w.aSchool.id, w.aOffice.id],
    aggregation: 'mean',
    classes: [
      { label: 'Hoàn thành xuất sắc nhiệm vụ', min: 90 },
      { label: 'Hoàn thành tốt nhiệm vụ', min: 70 },
      { label: 'Hoàn thành nhiệm vụ', min: 50 },
      { label: 'Không hoàn thành nhiệm vụ', min: 0 },
    ],
    criteria: [
      {
        title: 'Số cuộc họp chuyên đề về chuyển đổi số trong năm',
        section: 'main',
        method: 'bands',
        maxPoints: 20,
        bands: meetings,
        evidenceRequired: true,
        evidenceHint: 'Biên bản các cuộc họp',
      },
      { title: 'Tổ chức phong trào thi đua đổi mới sáng tạo', section: 'main', method: 'judgement', maxPoints: 30, evidenceRequired: false },
      {
        title: 'Tỷ lệ cán bộ hoàn thành khóa học kỹ năng số cơ bản',
        section: 'main',
        method: 'formula',
        maxPoints: 50,
        indicatorCode: 'CQ.CBCC_HOAN_THANH_KHOA_HOC',
        factor: 0.5,
        evidenceRequired: false,
      },
      { title: 'Có sáng kiến được công nhận', section: 'bonus', method: 'judgement', maxPoints: 5, evidenceRequired: false },
      { title: 'Chậm báo cáo', section: 'penalty', method: 'judgement', maxPoints: 5, evidenceRequired: false },
    ],
    source: null,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'error' });
    w = await buildWorld(t.database.db);
    // A council member who works at the school (a conflict of interest with it), and one who also administers commune B.
    const member2 = await makeUser(t.database.db, {
      username: 'a.council2',
      fullName: 'Trần Văn Hội',
      password: PASSWORD,
      communeId: w.a.id,
      roles: [{ role: 'council_member', communeId: w.a.id }],
    });
    await inScope(t.database.db, SYSTEM_SCOPE, (tx) => tx.update(appUser).set({ personId: w.aPerson.id }).where(eq(appUser.id, member2.id)));
    await makeUser(t.database.db, {
      username: 'ab.council',
      password: PASSWORD,
      roles: [
        { role: 'council_member', communeId: w.a.id },
        { role: 'commune_admin', communeId: w.b.id },
      ],
    });
    [admin, focal, council, chair, insider, twoCommunes, viewer, cAdmin, sys] = (await Promise.all(
      ['a.admin', 'a.focal', 'a.council', 'a.chair', 'a.council2', 'ab.council', 'a.viewer', 'c.admin', 'sysadmin'].map((u) => loginAs(t, u, PASSWORD)),
    )) as [Client, Client, Client, Client, Client, Client, Client, Client, Client];
    // The school's accepted figure of the formula's indicator (80 %).
    await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx.insert(indicatorValue).values({
        communeId: w.a.id,
        unitId: w.aSchool.id,
        indicatorCode: 'CQ.CBCC_HOAN_THANH_KHOA_HOC',
        year: 2026,
        period: 0,
        sourceKey: 'report:test',
        value: 80,
      }),
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it("proposes a rubric from a plan's participant group: its criteria as written, 100 points shared, the group's units", async () => {
    const planId = await publishTemplatePlan(admin, w.a.id);
    const res = await admin.get(`${base()}/rubric-draft?planId=${planId}&group=0&year=2026`);
    expect(res.statusCode).toBe(200);
    const d = res.json() as RubricInput;
    expect(d.criteria.length).toBeGreaterThan(0);
    expect(d.criteria.reduce((s, c) => s + c.maxPoints, 0)).toBe(100);
    expect(d.planId).toBe(planId);
    expect((await council.get(`${base()}/rubric-draft?planId=${planId}&group=0&year=2026`)).statusCode).toBe(403);
    expect((await admin.get(`${base()}/rubric-draft?planId=${planId}&group=99&year=2026`)).statusCode).toBe(400);
    // Saved as proposed: a valid rubric.
    const saved = await admin.post(`${base()}/rubrics`, { ...d, unitIds: d.unitIds.length ? d.unitIds : [w.aSchool.id] });
    expect(saved.statusCode).toBe(201);
  });

  it('refuses a formula over an indicator a scored unit does not report, bands above the maximum, and units of another commune', async () => {
    const formula = input({
      criteria: [
        {
          title: 'Họp Ban chỉ đạo',
          section: 'main',
          method: 'formula',
          maxPoints: 20,
          indicatorCode: 'CQ.HOP_BAN_CHI_DAO',
          factor: 5,
          evidenceRequired: false,
        },
      ],
    });
    const r1 = await admin.post(`${base()}/rubrics`, formula);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'criteria.0.indicatorCode', message: expect.stringContaining('Trường Tiểu học') })]),
    );
    const r2 = await admin.post(
      `${base()}/rubrics`,
      input({ criteria: [{ title: 'Họp', section: 'main', method: 'bands', maxPoints: 10, bands: meetings, evidenceRequired: false }] }),
    );
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details[0]).toMatchObject({ field: 'criteria.0.bands.0.points', message: expect.stringContaining('vượt điểm tối đa 10') });
    const r3 = await admin.post(`${base()}/rubrics`, input({ unitIds: [w.cOffice.id] }));
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.details[0].field).toBe('unitIds.0');
    expect((await admin.post(`${base()}/rubrics`, { ...input(), title: 'x'.repeat(301) })).json().error.details[0].field).toBe('title');
  });

  it('lets only the office build a rubric; a draft is invisible to others, and to other communes', async () => {
    const res = await admin.post(`${base()}/rubrics`, input());
    expect(res.statusCode).toBe(201);
    rubric = res.json() as RubricDto;
    expect(rubric.maxTotal).toBe(105);
    expect(rubric.criteria.map((c) => c.auto)).toEqual([false, false, true, false, false]);
    expect(rubric.can).toMatchObject({ edit: true, open: true, close: false, publish: false });
    expect((await council.post(`${base()}/rubrics`, input())).statusCode).toBe(403);
    expect((await focal.get(`${base()}/rubrics/${rubric.id}`)).statusCode).toBe(404);
    expect((await cAdmin.get(`${base()}/rubrics/${rubric.id}`)).statusCode).toBe(404);
    expect((await cAdmin.get(`${base(w.a.id)}/rubrics`)).statusCode).toBe(404);
    expect((await viewer.get(`${base()}/rubrics`)).json().items.find((r: { id: string }) => r.id === rubric.id)).toBeUndefined();
    // Edited while a draft; a stale version is refused.
    const edited = await admin.put(`${base()}/rubrics/${rubric.id}`, {
      ...input({ criteria: rubric.criteria.map(({ order: _o, auto: _a, ...c }) => c) }),
      version: rubric.version,
    });
    expect(edited.statusCode).toBe(200);
    expect((await admin.put(`${base()}/rubrics/${rubric.id}`, { ...input(), version: rubric.version })).statusCode).toBe(409);
    rubric = edited.json() as RubricDto;
    const opened = await admin.post(`${base()}/rubrics/${rubric.id}/open`, { version: rubric.version });
    expect(opened.statusCode).toBe(200);
    rubric = opened.json() as RubricDto;
    expect(rubric.status).toBe('open');
    expect((await admin.put(`${base()}/rubrics/${rubric.id}`, { ...input(), version: rubric.version })).statusCode).toBe(409);
    expect((await focal.get(`${base()}/rubrics/${rubric.id}`)).json().mine).toEqual({ assessUnitIds: [w.aSchool.id], councilMember: false });
    expect((await council.get(`${base()}/rubrics/${rubric.id}`)).json().mine).toEqual({ assessUnitIds: [], councilMember: true });
  });

  it("the school self-assesses with evidence; missing evidence, points above the maximum and another unit's assessment are refused", async () => {
    const url = `${base()}/rubrics/${rubric.id}/assessments/${w.aSchool.id}`;
    const over = await focal.put(url, { version: 0, items: { [crit(1)]: { points: 31, evidence: [] } } });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({ field: `items.${crit(1)}.points`, message: expect.stringContaining('vượt điểm tối đa 30') });
    const auto = await focal.put(url, { version: 0, items: { [crit(2)]: { points: 50, evidence: [] } } });
    expect(auto.statusCode).toBe(400);
    expect(auto.json().error.details[0].message).toContain('tự động');
    const saved = await focal.put(url, { version: 0, items: { [crit(0)]: { value: 3, evidence: [] }, [crit(1)]: { points: 25, evidence: [] } } });
    expect(saved.statusCode).toBe(200);
    const a = saved.json() as AssessmentDto;
    expect(a.items[2]).toMatchObject({ autoValue: 80, autoPoints: 40 });
    expect(a.claimed).toBe(15 + 25 + 40);
    const noEvidence = await focal.post(`${url}/submit`, { version: a.version });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.details[0]).toMatchObject({ field: `items.${crit(0)}.evidence`, message: expect.stringContaining('Biên bản các cuộc họp') });
    const withEvidence = await focal.put(url, {
      version: a.version,
      items: {
        [crit(0)]: {
          value: 3,
          evidence: [{ kind: 'document', number: '12/BB-TH', date: '2026-03-05', summary: 'Biên bản họp chuyên đề chuyển đổi số quý I' }],
        },
        [crit(1)]: { points: 25, evidence: [] },
      },
    });
    expect(withEvidence.statusCode).toBe(200);
    const submitted = await focal.post(`${url}/submit`, { version: (withEvidence.json() as AssessmentDto).version });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().can).toEqual({ save: false, submit: false, return: false });
    // Another unit's self-assessment: the school's focal point may not write it; the viewer may not read it.
    expect((await focal.put(`${base()}/rubrics/${rubric.id}/assessments/${w.aOffice.id}`, { version: 0, items: {} })).statusCode).toBe(403);
    expect((await viewer.get(url)).statusCode).toBe(403);
    expect((await council.get(url)).json().items[0].evidence[0].label).toBe('Văn bản số 12/BB-TH ngày 05/03/2026: Biên bản họp chuyên đề chuyển đổi số quý I');
    expect((await cAdmin.get(url)).statusCode).toBe(404);
  });

  it('evidence files: uploaded by the unit while it may edit, cited for its own rubric and unit only, counted as evidence, read by the council', async () => {
    // A rubric of its own, so that the figures of the main one stay as they are.
    const made = await admin.post(`${base()}/rubrics`, input({ title: 'Bảng tiêu chí có minh chứng là tệp' }));
    expect(made.statusCode, made.body).toBe(201);
    const opened = await admin.post(`${base()}/rubrics/${made.json().id}/open`, { version: made.json().version });
    const r2 = opened.json() as RubricDto;
    const c0 = r2.criteria[0]!.id;
    const c1 = r2.criteria[1]!.id;
    const url = `${base()}/rubrics/${r2.id}/assessments/${w.aSchool.id}`;
    const up = (who: Client, name: string, content: Buffer, at = url) => {
      const [body, headers] = multipart(name, content);
      return who.request('POST', `${at}/files`, body, headers);
    };

    const ok = await up(focal, 'Biên bản họp chuyên đề.pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    const file = ok.json() as ScoringFileDto;
    expect(file).toMatchObject({ name: 'Biên bản họp chuyên đề.pdf', mime: 'application/pdf', size: PDF.length });
    // Its first bytes decide, not its name; within the size limit; of the kinds allowed.
    const fake = await up(focal, 'bien-ban.pdf', Buffer.from('MZ\x90\x00 not a pdf at all'));
    expect([fake.statusCode, fake.json().error.code, fake.json().error.details[0].field]).toEqual([415, 'UNSUPPORTED_FILE_TYPE', 'file']);
    expect(fake.json().error.message).toContain('không phải tệp .pdf hợp lệ');
    expect((await up(focal, 'bao-cao.docx', Buffer.from('PK\x03\x04 a bare zip'))).statusCode).toBe(415);
    expect((await up(focal, 'script.exe', PDF)).statusCode).toBe(415);
    expect((await up(focal, 'rong.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    const tooBig = await up(focal, 'lon.pdf', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]));
    expect([tooBig.statusCode, tooBig.json().error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    // Only the unit's own roles: not the council, the viewer, the office, a system administrator, another unit's; another commune sees nothing.
    const cFocal = await makeUser(t.database.db, {
      username: 'c.focal',
      password: PASSWORD,
      communeId: w.c.id,
      roles: [{ role: 'unit_focal_point', communeId: w.c.id, unitId: w.cOffice.id }],
    });
    expect(cFocal.id).toBeTruthy();
    const cf = await loginAs(t, 'c.focal', PASSWORD);
    for (const who of [council, viewer, admin, sys]) expect((await up(who, 'x.pdf', PDF)).statusCode).toBe(403);
    expect((await up(focal, 'x.pdf', PDF, `${base()}/rubrics/${r2.id}/assessments/${w.aOffice.id}`)).statusCode).toBe(403);
    expect((await up(cf, 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await up(cAdmin, 'x.pdf', PDF)).statusCode).toBe(403); // holds no self-assessment anywhere

    // Files that are not this unit's for this rubric: the office's, the school's for another rubric, another commune's, none at all.
    const cRubric = await cAdmin.post(`${base(w.c.id)}/rubrics`, { ...input(), unitIds: [w.cOffice.id] });
    expect(cRubric.statusCode, cRubric.body).toBe(201);
    const plant = (communeId: string, rubricId: string, unitId: string) =>
      inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
        const id = await storeFile(tx, {
          communeId,
          name: 'khac.pdf',
          fallbackName: 'khac.pdf',
          mime: 'application/pdf',
          content: PDF,
          purpose: 'scoring_evidence',
          createdBy: null,
        });
        await tx.insert(scoringEvidenceFile).values({ communeId, id, rubricId, unitId, name: 'khac.pdf', mime: 'application/pdf', size: PDF.length });
        return id;
      });
    const strangers = [
      await plant(w.a.id, r2.id, w.aOffice.id),
      await plant(w.a.id, rubric.id, w.aSchool.id),
      await plant(w.c.id, cRubric.json().id, w.cOffice.id),
      '00000000-0000-4000-8000-000000000000',
    ];
    for (const fileId of strangers) {
      const res = await focal.put(url, { version: 0, items: { [c1]: { points: 20, evidence: [{ kind: 'file', fileId }] } } });
      expect(res.statusCode, fileId).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({
        field: `items.${c1}.evidence.0`,
        message: expect.stringMatching(/^Tiêu chí thứ 2: tệp minh chứng không tồn tại/u),
      });
    }
    expect((await council.get(`${url}/files/${strangers[0]}`)).statusCode).toBe(404);

    // Cited by the criterion that requires evidence: the file alone is enough to submit.
    const saved = await focal.put(url, {
      version: 0,
      items: { [c0]: { value: 4, evidence: [{ kind: 'file', fileId: file.id, name: 'tên gõ tay' }] }, [c1]: { points: 20, evidence: [] } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const a = saved.json() as AssessmentDto;
    expect(a.items[0]!.evidence).toEqual([
      { kind: 'file', fileId: file.id, name: 'Biên bản họp chuyên đề.pdf', label: 'Tệp đính kèm: Biên bản họp chuyên đề.pdf' },
    ]);
    const submitted = await focal.post(`${url}/submit`, { version: a.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Submitted: its files no longer change.
    const late = await up(focal, 'muon.pdf', PDF);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await focal.request('DELETE', `${url}/files/${file.id}`)).statusCode).toBe(409);

    // Read by whoever reads the self-assessment: the council, the office, the unit; not the viewer, nor another commune.
    const got = await council.get(`${url}/files/${file.id}`);
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n");
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await admin.get(`${url}/files/${file.id}`)).statusCode).toBe(200);
    expect((await focal.get(`${url}/files/${file.id}`)).statusCode).toBe(200);
    expect((await viewer.get(`${url}/files/${file.id}`)).statusCode).toBe(403);
    expect((await cAdmin.get(`${url}/files/${file.id}`)).statusCode).toBe(404);
    expect((await council.get(`${base()}/rubrics/${r2.id}/assessments/${w.aOffice.id}/files/${file.id}`)).statusCode).toBe(404);

    // Returned: the unit removes the file; the citation left behind is refused on the next save and shown as gone.
    const returned = await admin.post(`${url}/return`, { version: (submitted.json() as AssessmentDto).version, comment: 'Bổ sung biên bản có chữ ký.' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await council.request('DELETE', `${url}/files/${file.id}`)).statusCode).toBe(403);
    expect((await focal.request('DELETE', `${url}/files/${file.id}`)).statusCode).toBe(204);
    expect((await focal.request('DELETE', `${url}/files/${file.id}`)).statusCode).toBe(404);
    expect((await council.get(`${url}/files/${file.id}`)).statusCode).toBe(404);
    const shown = (await focal.get(url)).json() as AssessmentDto;
    expect(shown.items[0]!.evidence[0]).toEqual({ kind: 'file', fileId: file.id, label: 'Tệp đính kèm (không còn tìm thấy)' });
    const stale = await focal.put(url, {
      version: shown.version,
      items: { [c0]: { value: 4, evidence: [{ kind: 'file', fileId: file.id }] }, [c1]: { points: 20, evidence: [] } },
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.details[0]).toMatchObject({ field: `items.${c0}.evidence.0`, message: expect.stringContaining('tệp minh chứng không tồn tại') });
  });

  it('council members score alone and sealed; own unit excluded; a second submission refused; a retry answered the same', async () => {
    const school = `${base()}/rubrics/${rubric.id}/scores/${w.aSchool.id}`;
    const office = `${base()}/rubrics/${rubric.id}/scores/${w.aOffice.id}`;
    // The member who works at the school cannot score it, but may declare it.
    const own = await insider.put(school, { version: 0, items: { [crit(1)]: { points: 30 } } });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('SCORE_CONFLICT');
    expect((await insider.get(school)).json()).toMatchObject({ ownUnit: true, can: { save: false, submit: false, recuse: true } });
    // A system administrator is not a council member; the school's focal point neither; another commune sees nothing.
    expect((await sys.put(school, { version: 0, items: {} })).statusCode).toBe(403);
    expect((await focal.put(school, { version: 0, items: {} })).statusCode).toBe(403);
    expect((await cAdmin.put(school, { version: 0, items: {} })).statusCode).toBe(403); // holds no scoring anywhere
    // Above a criterion's maximum.
    const over = await council.put(school, { version: 0, items: { [crit(3)]: { points: 6 } } });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0].field).toBe(`items.${crit(3)}.points`);

    const s1 = await council.put(school, {
      version: 0,
      items: { [crit(0)]: { value: 4 }, [crit(1)]: { points: 28 }, [crit(3)]: { points: 5 }, [crit(4)]: { points: 2 } },
    });
    expect(s1.statusCode).toBe(200);
    const incomplete = await chair.put(school, { version: 0, items: { [crit(0)]: { value: 3 } } });
    expect((await chair.post(`${school}/submit`, { version: incomplete.json().version })).statusCode).toBe(400);
    await chair.put(school, {
      version: incomplete.json().version,
      items: { [crit(0)]: { value: 3 }, [crit(1)]: { points: 26 }, [crit(3)]: { points: 3 }, [crit(4)]: { points: 0 } },
    });
    const sub1 = await council.post(`${school}/submit`, { version: (s1.json() as CouncilScoreDto).version });
    expect(sub1.statusCode).toBe(200);
    expect(sub1.json()).toMatchObject({ status: 'submitted', total: 20 + 28 + 5 - 2 });
    // The same request again (a retry): the same answer, nothing written; a second submission: refused.
    const retry = await council.post(`${school}/submit`, { version: (s1.json() as CouncilScoreDto).version });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().version).toBe(sub1.json().version);
    const again = await council.post(`${school}/submit`, { version: sub1.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('chỉ nộp một lần');
    // Sealed: one of two expected members submitted; nobody (the admin included) sees any member's score.
    const sealed = (await admin.get(`${base()}/rubrics/${rubric.id}/progress`)).json();
    const sch = sealed.units.find((u: { unitId: string }) => u.unitId === w.aSchool.id);
    expect(sch).toMatchObject({ expected: 3, submitted: 1, revealed: false, members: null, assessmentStatus: 'submitted' });
    // The member working at the school declares it too (already excluded: still three expected).
    expect((await insider.post(`${school}/recuse`, { reason: 'Tôi công tác tại trường' })).statusCode).toBe(200);
    const chairsOwn = (await chair.get(school)).json() as CouncilScoreDto;
    expect(chairsOwn.total).toBe(15 + 26 + 3);
    const chairSubmit = await chair.post(`${school}/submit`, { version: chairsOwn.version });
    expect(chairSubmit.statusCode).toBe(200);
    // The member of two communes scores the school too (their council role in A).
    // (Not for the test's figures: declared as a conflict to keep them.)
    expect((await twoCommunes.post(`${school}/recuse`, { reason: 'Có người thân công tác tại trường' })).statusCode).toBe(200);
    const revealed = (await admin.get(`${base()}/rubrics/${rubric.id}/progress`)).json();
    const sch2 = revealed.units.find((u: { unitId: string }) => u.unitId === w.aSchool.id);
    expect(sch2).toMatchObject({ expected: 2, submitted: 2, recused: 2, revealed: true });
    expect(
      sch2.members
        .filter((m: { status: string }) => m.status === 'submitted')
        .map((m: { total: number }) => m.total)
        .sort(),
    ).toEqual([44, 51]);
    expect((await viewer.get(`${base()}/rubrics/${rubric.id}/progress`)).json().units[0].members).toBeNull();

    // Two members submitting the office at the same moment: both counted.
    const items = (v: number) => ({ [crit(0)]: { value: v }, [crit(1)]: { points: 20 }, [crit(3)]: { points: 0 }, [crit(4)]: { points: 0 } });
    const drafts = await Promise.all([
      council.put(office, { version: 0, items: items(2) }),
      chair.put(office, { version: 0, items: items(2) }),
      insider.put(office, { version: 0, items: items(1) }),
    ]);
    const subs = await Promise.all([council, chair, insider].map((c, i) => c.post(`${office}/submit`, { version: drafts[i]!.json().version })));
    expect(subs.map((s) => s.statusCode)).toEqual([200, 200, 200]);
    await twoCommunes.put(office, { version: 0, items: items(2) });
    const off = (await admin.get(`${base()}/rubrics/${rubric.id}/progress`)).json().units.find((u: { unitId: string }) => u.unitId === w.aOffice.id);
    expect(off).toMatchObject({ expected: 4, submitted: 3, revealed: false, members: null });
    await twoCommunes.post(`${office}/recuse`, { reason: 'Người thân là lãnh đạo phòng' });

    // The audit keeps that a member submitted, never the scores.
    const audits = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.entityType, 'council_score'), eq(auditEntry.action, 'submit'))),
    );
    expect(audits.length).toBe(5);
    for (const a of audits) {
      expect(a.before).toBeNull();
      expect(a.after).toBeNull();
    }
  });

  it('in two communes: the council role of A scores there, not in B, where the same user is the admin', async () => {
    const bRubric = await twoCommunes.post(`${base(w.b.id)}/rubrics`, { ...input(), unitIds: [w.bOffice.id] });
    expect(bRubric.statusCode).toBe(201);
    const id = (bRubric.json() as RubricDto).id;
    await twoCommunes.post(`${base(w.b.id)}/rubrics/${id}/open`, { version: 1 });
    expect((await twoCommunes.put(`${base(w.b.id)}/rubrics/${id}/scores/${w.bOffice.id}`, { version: 0, items: {} })).statusCode).toBe(403);
    expect((await twoCommunes.post(`${base()}/rubrics`, input())).statusCode).toBe(403);
  });

  it('closes: results frozen (mean of the council, automatic points, bonus and penalty), ranked, classified, then published', async () => {
    expect((await viewer.post(`${base()}/rubrics/${rubric.id}/close`, { version: rubric.version })).statusCode).toBe(403);
    const closed = await admin.post(`${base()}/rubrics/${rubric.id}/close`, { version: rubric.version });
    expect(closed.statusCode).toBe(200);
    rubric = closed.json() as RubricDto;
    const late = await council.put(`${base()}/rubrics/${rubric.id}/scores/${w.aSchool.id}`, { version: 0, items: {} });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('SCORING_CLOSED');
    expect((await focal.put(`${base()}/rubrics/${rubric.id}/assessments/${w.aSchool.id}`, { version: 3, items: {} })).json().error.code).toBe('SCORING_CLOSED');

    const ranking = (await admin.get(`${base()}/rubrics/${rubric.id}/ranking`)).json() as RankingDto;
    // School: (20+15)/2 + (28+26)/2 + 80 x 0.5 + (5+3)/2 - (2+0)/2 = 17.5 + 27 + 40 + 4 - 1.
    // Office: (10+10+5)/3 + 20 + 0 (no accepted figure) = 28.33.
    expect(ranking.rows).toEqual([
      { unitId: w.aSchool.id, unitName: 'Trường Tiểu học', total: 87.5, classLabel: 'Hoàn thành tốt nhiệm vụ', rank: 1 },
      { unitId: w.aOffice.id, unitName: 'Phòng Văn hóa - Xã hội', total: 28.33, classLabel: 'Không hoàn thành nhiệm vụ', rank: 2 },
    ]);
    // Not published yet: the commune's other users see no ranking.
    expect((await viewer.get(`${base()}/rubrics/${rubric.id}/ranking`)).json().rows).toEqual([]);
    expect((await focal.get(`${base()}/rubrics/${rubric.id}/results/${w.aSchool.id}`)).statusCode).toBe(409);

    const published = await admin.post(`${base()}/rubrics/${rubric.id}/publish`, { version: rubric.version });
    expect(published.statusCode).toBe(200);
    rubric = published.json() as RubricDto;
    expect((await viewer.get(`${base()}/rubrics/${rubric.id}/ranking`)).json().rows).toHaveLength(2);
    const sheet = (await focal.get(`${base()}/rubrics/${rubric.id}/results/${w.aSchool.id}`)).json() as ResultDto;
    expect(sheet.criteria.map((c) => [c.points, c.basis])).toEqual([
      [17.5, 'council'],
      [27, 'council'],
      [40, 'auto'],
      [4, 'council'],
      [1, 'council'],
    ]);
    expect(sheet.criteria[0]!.evidence[0]!.label).toContain('12/BB-TH');
    expect((await cAdmin.get(`${base()}/rubrics/${rubric.id}/ranking`)).statusCode).toBe(404);
  });

  it('past results stay as scored: a later change of the criteria or the figures does not move them', async () => {
    await inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
      await tx
        .update(rubricCriterion)
        .set({ maxPoints: 100, title: 'Đã sửa' })
        .where(eq(rubricCriterion.id, crit(1)));
      await tx.update(indicatorValue).set({ value: 10 }).where(eq(indicatorValue.unitId, w.aSchool.id));
    });
    const ranking = (await viewer.get(`${base()}/rubrics/${rubric.id}/ranking`)).json() as RankingDto;
    expect(ranking.rows.map((r) => r.total)).toEqual([87.5, 28.33]);
    const sheet = (await viewer.get(`${base()}/rubrics/${rubric.id}/results/${w.aSchool.id}`)).json() as ResultDto;
    expect(sheet.criteria[1]).toMatchObject({ title: 'Tổ chức phong trào thi đua đổi mới sáng tạo', maxPoints: 30 });
    expect((await admin.post(`${base()}/rubrics/${rubric.id}/close`, { version: rubric.version })).json().error.code).toBe('SCORING_CLOSED');
  });

  it('exports the scoresheet as .xlsx and as a Word annex (Decree 30), and the province ranks its communes', async () => {
    const x = await viewer.get(`${base()}/rubrics/${rubric.id}/scoresheet.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const rank = wb.getWorksheet('Xếp hạng')!;
    expect(rank.getRow(5).values).toEqual([undefined, 1, 'Trường Tiểu học', 17.5, 27, 40, 4, 1, 87.5, 'Hoàn thành tốt nhiệm vụ']);
    const ev = wb.getWorksheet('Điểm và minh chứng')!;
    expect(String(ev.getRow(2).getCell(7).value)).toContain('12/BB-TH');
    const d = await viewer.get(`${base()}/rubrics/${rubric.id}/scoresheet.docx`);
    expect(d.statusCode).toBe(200);
    const xml = unzipEntry(d.rawPayload, 'word/document.xml')!;
    expect(xml).toContain('PHỤ LỤC');
    expect(xml).toContain('Trường Tiểu học');
    expect(xml).toContain('Hoàn thành tốt nhiệm vụ');

    // A rubric nobody scored a unit of (no self-assessment, no council score): the unit is listed, not classed nor ranked.
    const other = await admin.post(
      `${base()}/rubrics`,
      input({ groupName: 'Đối với các thôn', title: 'Chấm điểm các thôn năm 2026', unitIds: [w.aOffice.id] }),
    );
    expect(other.statusCode, other.body).toBe(201);
    let o = other.json() as RubricDto;
    for (const step of ['open', 'close', 'publish']) {
      const r = await admin.post(`${base()}/rubrics/${o.id}/${step}`, { version: o.version });
      expect(r.statusCode, `${step}: ${r.body}`).toBe(200);
      o = r.json() as RubricDto;
    }
    const unscored = (await viewer.get(`${base()}/rubrics/${o.id}/ranking`)).json() as RankingDto;
    expect(unscored.rows).toEqual([{ unitId: w.aOffice.id, unitName: 'Phòng Văn hóa - Xã hội', total: 0, classLabel: '', rank: null }]);
    const ox = new ExcelJS.Workbook();
    await ox.xlsx.load((await viewer.get(`${base()}/rubrics/${o.id}/scoresheet.xlsx`)).rawPayload as unknown as ArrayBuffer);
    const oRow = ox.getWorksheet('Xếp hạng')!.getRow(5).values as unknown[];
    expect([oRow[1], oRow[2], oRow.at(-1)]).toEqual(['—', 'Phòng Văn hóa - Xã hội', 'Chưa chấm điểm']);

    // The league counts the units that were scored: the unscored one changes neither the count nor the average.
    const p = await loginAs(t, 'province1', PASSWORD);
    const league = await p.get(`/api/provinces/${w.p1.id}/scoring/league?year=2026`);
    expect(league.statusCode).toBe(200);
    const rows = league.json().rows as { communeId: string; units: number; average: number; rank: number }[];
    expect(rows.find((r) => r.communeId === w.a.id)).toMatchObject({ units: 2, average: 57.92, rank: 1 });
    expect((await cAdmin.get(`/api/provinces/${w.p1.id}/scoring/league?year=2026`)).statusCode).toBe(404);
  });

  it('a province template is copied by its communes only', async () => {
    const p = await loginAs(t, 'province1', PASSWORD);
    const tpl = await p.post(`/api/provinces/${w.p1.id}/scoring/templates`, {
      name: 'Bộ chỉ số đánh giá chuyển đổi số cấp xã năm 2026',
      year: 2026,
      legalBasis: 'Quyết định số 12/QĐ-UBND của UBND tỉnh',
      groups: [
        {
          name: 'Chính quyền số',
          criteria: [{ title: 'Họp Ban chỉ đạo', section: 'main', method: 'bands', maxPoints: 20, bands: meetings, evidenceRequired: true }],
        },
      ],
    });
    expect(tpl.statusCode, tpl.body).toBe(201);
    expect((await admin.get(`${base()}/templates`)).json().items.map((x: { name: string }) => x.name)).toContain(
      'Bộ chỉ số đánh giá chuyển đổi số cấp xã năm 2026',
    );
    expect((await cAdmin.get(`${base(w.c.id)}/templates`)).json().items).toEqual([]);
    expect((await admin.post(`/api/provinces/${w.p1.id}/scoring/templates`, {})).statusCode).toBe(403);
    expect((await cAdmin.get(`/api/provinces/${w.p1.id}/scoring/templates`)).statusCode).toBe(403); // holds no template rights
    const p2 = await makeUser(t.database.db, {
      username: 'p2.officer',
      password: PASSWORD,
      provinceId: w.p2.id,
      roles: [{ role: 'province_officer', provinceId: w.p2.id }],
    });
    expect(p2.id).toBeTruthy();
    expect((await (await loginAs(t, 'p2.officer', PASSWORD)).get(`/api/provinces/${w.p1.id}/scoring/templates`)).statusCode).toBe(404);
  });

  it('hostile input: control characters, a huge body, unknown fields', async () => {
    const ctl = await admin.post(`${base()}/rubrics`, { ...input(), title: 'Bảng\u0000tiêu chí' });
    expect([400]).toContain(ctl.statusCode);
    const huge = await admin.request('POST', `${base()}/rubrics`, JSON.stringify({ ...input(), title: 'x'.repeat(3_000_000) }), {
      'content-type': 'application/json',
    });
    expect(huge.statusCode).toBe(413);
    const extra = await admin.post(`${base()}/rubrics`, { ...input(), hacked: true });
    expect(extra.statusCode).toBe(400);
  });
});
