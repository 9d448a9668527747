import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldLabelsEn, fieldLabelsVi, unitKindLabelsVi, type PlanDoc } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../testing/harness';
import { buildWorld, PASSWORD, type World } from '../testing/world';

const NO_ID = '00000000-0000-4000-8000-000000000000';

const doc = (groups: PlanDoc['participantGroups']): PlanDoc => ({
  issuer: { name: 'UBND xã Gia Phúc', parent: null },
  number: null,
  date: null,
  place: null,
  title: 'Kế hoạch thi đua',
  movements: [],
  legalBases: [],
  contents: [],
  participantGroups: groups,
  awardForms: [],
  occasions: [],
  dossier: [],
  phases: [],
  milestones: [],
  deadlines: [],
  responsibilities: [],
  recipients: [],
  signer: { name: null, title: null, capacity: null },
});

/** A 400 from a request schema: the message names the field in words, once; no path, type name or raw enum value. */
describe(`validation messages name the field by its Vietnamese label (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const errorOf = async (method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown) => {
    const res = await admin.request(method, url, body);
    expect([url, res.statusCode]).toEqual([url, 400]);
    const e = res.json().error as { code: string; message: string; details: { field: string; label?: string; message: string }[] };
    expect(e.code).toBe('VALIDATION_FAILED');
    // Never a path, a type name, an operator or a raw list of values.
    expect(e.message).not.toMatch(/\.\d|\[\d|string|number|mong đợi|[<>]=|"\w+"\|/u);
    return e;
  };

  it('lists the allowed unit kinds by their labels', async () => {
    const e = await errorOf('POST', `/api/communes/${w.a.id}/units`, { code: 'X1', name: 'Tổ mới', kind: 'nope', parentId: null });
    expect(e.message).toBe(`Loại: Chọn một trong: ${Object.values(unitKindLabelsVi).join(', ')}.`);
    expect(e.message).not.toMatch(/office|school/u);
    expect(e.details[0]).toMatchObject({ field: 'kind', label: 'Loại' });
  });

  it('names an empty field once', async () => {
    const e = await errorOf('POST', `/api/communes/${w.a.id}/units`, { code: 'X1', name: '', kind: 'office', parentId: null });
    expect(e.message).toBe('Tên: Không được để trống.');
    const p = await errorOf('POST', `/api/communes/${w.a.id}/people`, { fullName: 'Nguyễn Văn Bình', unitId: w.aSchool.id, birthYear: 'x' });
    expect(p.message.match(/Năm sinh/gu)).toHaveLength(1);
  });

  it('reads nested positions in words', async () => {
    const reg = await errorOf('PUT', `/api/communes/${w.a.id}/plans/${NO_ID}/registrations/${w.aSchool.id}`, {
      commitments: 'Cam kết',
      indicators: [
        {
          code: 'CQ.HS_TRUC_TUYEN',
          targets: [
            { year: 2026, value: 1 },
            { year: 2027, value: 'nhiều' },
          ],
        },
      ],
    });
    expect(reg.message).toBe('Chỉ tiêu thứ 1 – Mục tiêu thứ 2 – Giá trị chỉ tiêu phải là số.');
    expect(reg.details[0]).toMatchObject({ field: 'indicators.0.targets.1.value', label: 'Chỉ tiêu thứ 1 – Mục tiêu thứ 2 – Giá trị' });

    const commitments = await errorOf('PUT', `/api/communes/${w.a.id}/plans/${NO_ID}/registrations/${w.aSchool.id}`, { commitments: 12 });
    expect(commitments.message).toBe('Nội dung cam kết: Phải là chữ.');

    const plan = await errorOf('PATCH', `/api/communes/${w.a.id}/plans/${NO_ID}`, {
      version: 1,
      doc: doc([
        { name: 'Các trường học', criteria: [], kinds: ['school'] },
        { name: 'Các thôn', criteria: [], unitIds: ['khong-phai-ma'] },
      ]),
    });
    expect(plan.message).toBe('Nhóm đối tượng thứ 2 – Đơn vị được chọn thứ 1: Mã định danh không hợp lệ.');

    const kinds = await errorOf('PATCH', `/api/communes/${w.a.id}/plans/${NO_ID}`, {
      version: 1,
      doc: doc([{ name: 'Các trường học', criteria: [], kinds: ['schools' as 'school'] }]),
    });
    expect(kinds.message).toContain('Nhóm đối tượng thứ 1 – Loại đơn vị thứ 1: Chọn một trong: Cơ quan (phòng, ban),');
  });

  it('labels the details of a use-case error too', async () => {
    const res = await admin.request('PUT', `/api/communes/${w.a.id}/reminder-settings`, {
      offsets: [1, 1],
      channels: ['in_app'],
      notifyFocalPoints: true,
      notifyAdmins: true,
      enabled: true,
      version: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Mốc nhắc: /u);
    expect(res.json().error.details[0]).toMatchObject({ field: 'offsets', label: 'Mốc nhắc' });
  });
});

describe('fields named by the server', () => {
  it('have a Vietnamese and an English label (every `field:` a use-case writes)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) return f === 'testing' ? [] : files(p);
        return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
      });
    const named = new Set<string>();
    for (const f of files(join(import.meta.dirname, '..')))
      for (const m of readFileSync(f, 'utf8').matchAll(/\bfield: [`']([a-z][A-Za-z]*)/gu)) named.add(m[1]!);
    expect(named.size).toBeGreaterThan(30);
    expect([...named].filter((k) => !fieldLabelsVi[k] || !fieldLabelsEn[k])).toEqual([]);
  });
});
