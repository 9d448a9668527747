import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishTemplatePlan, dueItemId, openReportVia } from '../testing/kits/reports';
import { worstCaseText } from '../modules/plans/fixtures/hostile';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../testing/harness';
import { buildWorld, PASSWORD, type World } from '../testing/world';
import { buildZip, manyEntries, rawDocx, zipBomb } from '../testing/zip';
import { storedFile } from '../modules/files/files.table';
import { inScope, SYSTEM_SCOPE } from './tenancy';

const MB = 1024 * 1024;
const LIMIT = 10 * MB;

/** A multipart body of one part (field `file` unless told otherwise). */
function multipart(name: string, content: Buffer, field = 'file'): { body: Buffer; head: Buffer; tail: Buffer; headers: Record<string, string> } {
  const b = `----tds${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${b}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), head, tail, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

const PDF = Buffer.from('%PDF-1.4\n');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** `size` bytes that start like a file of the name's type. */
const fileOf = (name: string, size: number) => {
  const magic = name.endsWith('.pdf') ? PDF : /\.(docx|xlsx|odt)$/u.test(name) ? ZIP : Buffer.from('KẾ HOẠCH\n');
  return Buffer.concat([magic, Buffer.alloc(size - magic.length, 0x61)]);
};

describe(`uploads on every upload route (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let focal: Client;
  let reportId = '';
  let address = '';
  let cookie = '';
  let csrf = '';

  /** The three upload routes, with who uploads and the file names each takes. */
  const routes = () => [
    { name: 'plan import', url: `/api/communes/${w.a.id}/plans/import`, client: admin, names: ['kh.txt', 'kh.md', 'kh.docx', 'kh.pdf'] },
    { name: 'report file', url: `/api/communes/${w.a.id}/reports/${reportId}/file`, client: focal, names: ['kh.pdf', 'kh.docx', 'kh.odt'] },
    { name: 'unit import', url: `/api/communes/${w.a.id}/units/import?dryRun=false`, client: admin, names: ['don-vi.xlsx'] },
  ];
  const storedFiles = async () => {
    const [row] = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(storedFile));
    return Number(row!.n);
  };
  const reportVersion = async () => (await focal.get(`/api/communes/${w.a.id}/reports/${reportId}`)).json().version as number;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
    focal = await loginAs(t, 'a.focal', PASSWORD);
    const planId = await publishTemplatePlan(admin, w.a.id);
    reportId = (await openReportVia(focal, w.a.id, await dueItemId(t.database.db, planId, w.aSchool.id, { kind: 'unit_plan' }))).id;
    // The parse worker loads its readers at its first job: load it before anything is timed.
    expect((await admin.post(`/api/communes/${w.a.id}/plans/import`, { text: 'KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Mục đích' })).statusCode).toBe(200);
    address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'a.focal', password: PASSWORD }),
    });
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('tds_session='))!;
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  }, 120_000);
  afterAll(async () => t?.close());

  it('refuse a file over MAX_UPLOAD_BYTES with 413 PAYLOAD_TOO_LARGE and store nothing', async () => {
    const before = [await storedFiles(), await reportVersion()];
    for (const r of routes()) {
      for (const size of [LIMIT + 1, LIMIT + 512 * 1024, 2 * LIMIT, 4 * LIMIT]) {
        const m = multipart(r.names[0]!, fileOf(r.names[0]!, size));
        const res = await r.client.request('POST', r.url, m.body, m.headers);
        expect([r.name, size, res.statusCode, res.json().error.code, res.json().error.details?.[0]?.field]).toEqual([
          r.name,
          size,
          413,
          'PAYLOAD_TOO_LARGE',
          'file',
        ]);
      }
    }
    expect([await storedFiles(), await reportVersion()]).toEqual(before);
  }, 120_000);

  it('refuse a file cut exactly at the limit by a chunk boundary (the multipart reader then ends the stream without an error)', async () => {
    // The body arrives in two writes: the part's head and exactly LIMIT bytes of the file, then the rest.
    // The reader hands over the LIMIT bytes, then meets the next chunk past the limit: it marks the
    // file truncated without giving it any more data, so only the `truncated` flag tells.
    const before = [await storedFiles(), await reportVersion()];
    for (const extra of [1, 1000, 3 * MB]) {
      const m = multipart('ke-hoach.pdf', fileOf('ke-hoach.pdf', LIMIT + extra));
      const first = Buffer.concat([m.head, m.body.subarray(m.head.length, m.head.length + LIMIT)]);
      const rest = m.body.subarray(first.length);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${address}/api/communes/${w.a.id}/reports/${reportId}/file`,
          {
            method: 'POST',
            headers: { ...m.headers, cookie, 'x-csrf-token': csrf, 'content-length': String(m.body.length) },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.write(first, () => setTimeout(() => req.end(rest), 150));
      });
      expect([extra, status]).toEqual([extra, 413]);
    }
    expect([await storedFiles(), await reportVersion()]).toEqual(before);
  }, 60_000);

  it('answer a multipart body without a boundary or cut off mid-way with 400 naming the field, and a body that is not multipart with 415', async () => {
    for (const r of routes()) {
      const m = multipart(r.names[0]!, fileOf(r.names[0]!, 5000));
      const cases: [string, Buffer | string, Record<string, string>][] = [
        ['no boundary', m.body, { 'content-type': 'multipart/form-data' }],
        ['cut off', m.body.subarray(0, m.head.length + 2000), m.headers],
        ['cut in the head', m.body.subarray(0, 30), m.headers],
        ['garbage', 'này không phải multipart', m.headers],
      ];
      for (const [what, body, headers] of cases) {
        const res = await r.client.request('POST', r.url, body, headers);
        expect([r.name, what, res.statusCode, res.json().error.details?.[0]?.field]).toEqual([r.name, what, 400, 'file']);
        expect(res.json().error.message).toMatch(/[ạảãáàệộ]/u);
      }
      // The plan import also takes JSON { text }: plain text is a body without that field.
      const text = await r.client.request('POST', r.url, 'KẾ HOẠCH', { 'content-type': 'text/plain' });
      const want = r.name === 'plan import' ? [400, 'VALIDATION_FAILED', 'text'] : [415, 'UNSUPPORTED_FILE_TYPE', 'file'];
      expect([r.name, text.statusCode, text.json().error.code, text.json().error.details?.[0]?.field]).toEqual([r.name, ...want]);
    }
    for (const r of routes().slice(1)) {
      const json = await r.client.post(r.url, { file: 'x' });
      expect([r.name, json.statusCode, json.json().error.details?.[0]?.field]).toEqual([r.name, 415, 'file']);
    }
  }, 60_000);

  /**
   * Upload, and check the answer: never 500, never slower than 2 s, every 400 names its field. A
   * slow answer is asked once more (the machine is shared; a document that is slow to read stays slow).
   */
  const hostile = async (r: ReturnType<typeof routes>[number], name: string, content: Buffer) => {
    const m = multipart(name, content);
    const once = async () => {
      const t0 = performance.now();
      const res = await r.client.request('POST', r.url, m.body, m.headers);
      const ms = performance.now() - t0;
      const error = res.statusCode >= 400 ? (res.json() as { error: { code: string; details?: { field?: string }[] } }).error : null;
      const label = `${r.name} ${name} (${content.length} bytes) -> ${res.statusCode} ${error?.code ?? ''} in ${Math.round(ms)} ms`;
      expect(res.statusCode, label).not.toBe(500);
      if (res.statusCode === 400)
        expect(
          error?.details?.some((d) => d.field),
          label,
        ).toBe(true);
      return { status: res.statusCode, code: error?.code, ms, label };
    };
    let got = await once();
    if (got.ms >= 2000) got = await once();
    expect(got.ms, got.label).toBeLessThan(2000);
    return { status: got.status, code: got.code };
  };

  it('answer hand-built hostile files quickly with a coded 4xx', async () => {
    const [plan, report, units] = routes();
    const bomb = zipBomb(100);
    const xlsxBomb = zipBomb(100, 'xl/worksheets/sheet1.xml');
    const entries = manyEntries(100_000);
    const docx = rawDocx(['KẾ HOẠCH', 'Triển khai phong trào thi đua', 'I. MỤC ĐÍCH, YÊU CẦU', '- Nâng cao nhận thức.']);
    const truncated = docx.subarray(0, Math.floor(docx.length * 0.6));
    const pdfGarbage = Buffer.concat([PDF, randomBytes(200_000)]);
    const txt11 = Buffer.alloc(11 * MB, 'kế hoạch ');
    const expectations: [NonNullable<typeof plan>, string, Buffer, number, string][] = [
      [plan!, 'bom.docx', bomb, 413, 'FILE_TOO_COMPLEX'],
      [plan!, 'nhieu-tep.docx', entries, 413, 'FILE_TOO_COMPLEX'],
      [plan!, 'cut.docx', truncated, 400, 'FILE_UNREADABLE'],
      [plan!, 'rac.pdf', pdfGarbage, 400, 'FILE_UNREADABLE'],
      [plan!, 'lon.txt', txt11, 413, 'PAYLOAD_TOO_LARGE'],
      [plan!, 'ngau-nhien.docx', randomBytes(50_000), 415, 'UNSUPPORTED_FILE_TYPE'],
      [plan!, 'ngau-nhien.pdf', randomBytes(50_000), 415, 'UNSUPPORTED_FILE_TYPE'],
      [units!, 'bom.xlsx', xlsxBomb, 413, 'FILE_TOO_COMPLEX'],
      [units!, 'nhieu-tep.xlsx', entries, 413, 'FILE_TOO_COMPLEX'],
      [units!, 'cut.xlsx', truncated, 415, 'UNSUPPORTED_FILE_TYPE'],
      [units!, 'ngau-nhien.xlsx', randomBytes(50_000), 415, 'UNSUPPORTED_FILE_TYPE'],
      [report!, 'lon.pdf', Buffer.concat([PDF, Buffer.alloc(11 * MB)]), 413, 'PAYLOAD_TOO_LARGE'],
      [report!, 'ngau-nhien.pdf', randomBytes(50_000), 415, 'UNSUPPORTED_FILE_TYPE'],
    ];
    for (const [r, name, content, status, code] of expectations) {
      expect([r.name, name, await hostile(r, name, content)]).toEqual([r.name, name, { status, code }]);
    }
    // The longest text a user may paste, of the shape that took over ten seconds to parse.
    const text = worstCaseText();
    const paste = async () => {
      const t0 = performance.now();
      return { status: (await admin.post(plan!.url, { text })).statusCode, ms: performance.now() - t0 };
    };
    let pasted = await paste();
    if (pasted.ms >= 2000) pasted = await paste();
    expect(pasted.status).toBe(200);
    expect(pasted.ms).toBeLessThan(2000);
  }, 120_000);

  it('answer random files on every route with no 500, under 2 s, and a 400 that names its field', async () => {
    const all = routes();
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 20_000 }).map((b) => Buffer.from(b)),
      fc.uint8Array({ maxLength: 20_000 }).map((b) => Buffer.concat([ZIP, Buffer.from(b)])),
      fc.uint8Array({ maxLength: 20_000 }).map((b) => Buffer.concat([PDF, Buffer.from(b)])),
      fc.string({ maxLength: 5000 }).map((s) => Buffer.from(`KẾ HOẠCH\n${s}`)),
      fc.nat({ max: 5 }).map((k) => buildZip([{ name: 'word/document.xml', data: randomBytes(2000 * (k + 1)) }])),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: all.length - 1 }),
        fc.constantFrom('a.docx', 'a.pdf', 'a.xlsx', 'a.txt', 'a.md', 'a.odt', 'a.doc', 'a'),
        bytes,
        async (k, name, content) => {
          await hostile(all[k]!, name, content);
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);
});
