// npm test: every test tier (unit, integration on the configured database, browser tests when
// /usr/bin/chromium exists), then one closing line "N passed, N failed, N skipped" and the wall time.
//
// With no arguments: contracts, api and web first, on both cores; then the browser tests, one file at
// a time (one browser, one server) in a vitest process of their own, with the machine to themselves
// (run alongside the others they were faster by about 100 s, but their timing-sensitive steps failed
// now and then under the load). With arguments (`npm test -- apps/api/src/modules/plans`) it is one
// vitest run of exactly those.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const db = process.env.DATABASE_URL ? `PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')})` : 'PGlite (nhúng, trong bộ nhớ)';
console.log(`Chạy kiểm thử trên cơ sở dữ liệu: ${db}, Node ${process.version}`);
const browser = existsSync('/usr/bin/chromium');
if (!browser) {
  console.log('\n*** CHÚ Ý / NOTICE: không có /usr/bin/chromium nên BỎ QUA kiểm thử trình duyệt (browser tests SKIPPED). ***\n');
}
const outDir = mkdtempSync(path.join(tmpdir(), 'tds-test-'));
const started = Date.now();

/** One vitest run; its JSON report goes to `name`.json; resolves to its exit code. */
function vitest(name, args) {
  const out = path.join(outDir, `${name}.json`);
  const child = spawn('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args], {
    cwd: root,
    env: process.env,
    stdio: 'inherit',
  });
  const done = new Promise((resolve) => {
    child.on('error', (err) => {
      console.error(`vitest (${name}): ${err.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
  return { out, done };
}

const passed = process.argv.slice(2);
const runs = [];
if (passed.length > 0 || !browser) {
  runs.push(vitest('results', passed));
} else {
  const others = vitest('results', ['--project', 'contracts', '--project', 'api', '--project', 'web']);
  runs.push(others);
  await others.done;
  console.log('\n=== kiểm thử trình duyệt / browser tests ===\n');
  runs.push(vitest('results-e2e', ['--project', 'e2e']));
}
const codes = await Promise.all(runs.map((r) => r.done));

const totals = { passed: 0, failed: 0, skipped: 0 };
let reports = 0;
for (const r of runs) {
  if (!existsSync(r.out)) continue;
  const j = JSON.parse(readFileSync(r.out, 'utf8'));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += j.numFailedTests ?? 0;
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  reports++;
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nThời gian chạy / wall time: ${seconds} s`);
console.log(reports === runs.length ? `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped` : 'no test results');
process.exit(codes.every((c) => c === 0) && reports === runs.length ? 0 : 1);
