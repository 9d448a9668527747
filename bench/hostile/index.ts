/**
 * hostile: how the server answers while it reads the worst documents it accepts. The same server is
 * sampled (GET /readyz and a list of units, in turn, every 25 ms) first with nothing else running
 * (baseline), then while imports of the longest pasted text of the worst shape and of a .docx that
 * takes seconds to read run back to back. Ratios: during ÷ baseline, from the same run.
 *
 *   npm run bench -- hostile      (BENCH_SECONDS=10 per phase)
 */
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '@tds/api/src/config/env';
import { buildApp } from '@tds/api/src/app';
import { worstCaseText } from '@tds/api/src/modules/plans/fixtures/hostile';
import { parsePlanText } from '@tds/api/src/modules/plans/parser';
import { makeCommune, makeProvince, makeUnit, makeUser } from '@tds/api/src/testing/factories';
import { rawDocx } from '@tds/api/src/testing/zip';
import { freshDatabase } from '../_lib/database';
import { BenchError, dbKind, emit, envNumber, median, progress, round, runMain } from '../_lib/common';

const PASSWORD = 'MatKhau@2025';

interface Sample {
  status: number;
  ms: number;
}
interface PhaseResult {
  readyz: number[];
  list: number[];
  imports: (Sample & { kind: string })[];
  failures: string[];
}

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? 0;
};

function phase(data: Record<string, unknown>): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./client.mjs', import.meta.url), { workerData: data, execArgv: [] });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

async function main() {
  const seconds = envNumber('BENCH_SECONDS', 10);
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', DEMO_SEED: 'false' });
  const database = await freshDatabase();
  let close = async () => undefined as void;
  try {
    progress(`database: ${dbKind()}; ${config.PARSE_WORKERS} parse worker(s), time limit ${config.PARSE_TIMEOUT_MS} ms`);
    const province = await makeProvince(database.db, { code: 'HP', name: 'Tỉnh Thử Tải' });
    const commune = await makeCommune(database.db, { provinceId: province.id, code: 'HX', name: 'Xã Thử Tải' });
    for (let i = 0; i < 50; i++) await makeUnit(database.db, commune.id, { code: `DV-${i}`, name: `Đơn vị số ${i}`, kind: 'office' });
    await makeUser(database.db, { username: 'bench.admin', password: PASSWORD, roles: [{ role: 'commune_admin', communeId: commune.id }] });
    const { app, readiness } = await buildApp({ config, database });
    readiness.ready = true;
    close = () => app.close();
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.admin', password: PASSWORD }),
    });
    if (login.status !== 200) throw new BenchError(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('tds_session='));
    const headers = { cookie: cookie ?? '', 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const listUrl = `${address}/api/communes/${commune.id}/units?pageSize=50`;
    const importUrl = `${address}/api/communes/${commune.id}/plans/import`;

    const text = worstCaseText();
    const t0 = performance.now();
    parsePlanText(text);
    const inlineMs = performance.now() - t0;
    progress(`worst-case text: ${text.length} characters, parsed in ${round(inlineMs)} ms on this thread`);
    const boundary = 'benchboundary';
    const docx = rawDocx(['KẾ HOẠCH', ...Array.from({ length: 100_000 }, (_, i) => `Đoạn ${i} ${randomBytes(12).toString('hex')}`)]);
    const docxBody = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dai.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      docx,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imports = [
      { name: 'text', type: 'application/json', body: JSON.stringify({ text }) },
      { name: 'docx', type: `multipart/form-data; boundary=${boundary}`, body: new Uint8Array(docxBody) },
    ];
    // Each import alone (after a warm-up of the routes and the parse worker, which loads at its first
    // job): the time a user waits for it when the server has nothing else to do.
    const alone = async (kind: (typeof imports)[number]) => {
      const t1 = performance.now();
      const res = await fetch(importUrl, { method: 'POST', headers: { ...headers, 'content-type': kind.type }, body: kind.body });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - t1 };
    };
    for (const kind of imports) progress(`warm-up import (${kind.name}): ${(await alone(kind)).status}`);
    const textAlone: Sample[] = [];
    for (let i = 0; i < 3; i++) textAlone.push(await alone(imports[0]!));
    const docxAlone = await alone(imports[1]!);
    if (textAlone.some((x) => x.status !== 200)) throw new BenchError(`worst-case text import answered ${textAlone.map((x) => x.status).join(', ')}`);
    progress(`alone: text import ${round(median(textAlone.map((x) => x.ms)))} ms, .docx ${round(docxAlone.ms)} ms (${docxAlone.status})`);

    progress(`baseline: ${seconds} s with no import running`);
    const base = await phase({ address, headers, listUrl, importUrl, seconds });
    progress(`during: ${seconds} s with imports of the worst-case text and of a ${round(docx.length / 1024 / 1024, 1)} MB .docx back to back`);
    const during = await phase({ address, headers, listUrl, importUrl, seconds, imports });
    const failures = [...base.failures, ...during.failures];
    if (failures.length) throw new BenchError(`requests failed: ${failures.slice(0, 5).join(', ')}`);
    const textRuns = during.imports.filter((i) => i.kind === 'text');
    if (textRuns.some((x) => x.status !== 200))
      throw new BenchError(`worst-case text import answered ${[...new Set(textRuns.map((x) => x.status))].join(', ')}`);

    const r = {
      readyz_p99_ms_during_parse: round(p99(during.readyz), 1),
      readyz_p99_ms_baseline: round(p99(base.readyz), 1),
      list_p99_ms_during_parse: round(p99(during.list), 1),
      list_p99_ms_baseline: round(p99(base.list), 1),
    };
    emit({
      bench: 'hostile',
      db: dbKind(),
      ...r,
      readyz_p99_ratio: round(r.readyz_p99_ms_during_parse / Math.max(0.1, r.readyz_p99_ms_baseline), 2),
      list_p99_ratio: round(r.list_p99_ms_during_parse / Math.max(0.1, r.list_p99_ms_baseline), 2),
      readyz_max_ms_during_parse: round(Math.max(...during.readyz), 1),
      list_max_ms_during_parse: round(Math.max(...during.list), 1),
      parse_ms: round(median(textAlone.map((x) => x.ms))),
      parse_inline_ms: round(inlineMs),
      docx_ms: round(docxAlone.ms),
      docx_status: docxAlone.status,
      text_chars: text.length,
      docx_bytes: docx.length,
      imports_during: during.imports.length,
      samples_baseline: base.readyz.length,
      samples_during: during.readyz.length,
      parse_workers: config.PARSE_WORKERS,
      seconds,
    });
  } finally {
    await close();
    await database.close();
  }
}

runMain(main);
