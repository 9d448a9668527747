// npm test: every test tier in one vitest run (unit, integration on the configured database,
// browser tests when /usr/bin/chromium exists), then one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const db = process.env.DATABASE_URL ? `PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')})` : 'PGlite (nhúng, trong bộ nhớ)';
console.log(`Chạy kiểm thử trên cơ sở dữ liệu: ${db}, Node ${process.version}`);
if (!existsSync('/usr/bin/chromium')) {
  console.log('\n*** CHÚ Ý / NOTICE: không có /usr/bin/chromium nên BỎ QUA kiểm thử trình duyệt (browser tests SKIPPED). ***\n');
}
const out = path.join(mkdtempSync(path.join(tmpdir(), 'tds-test-')), 'results.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: process.env });
let summary = '';
if (existsSync(out)) {
  const j = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  summary = `${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`;
}
console.log(summary || 'no test results');
process.exit(r.status ?? 1);
