// npm run bench -- <name> [args]: run bench/<name>/index.ts (or bench/<name>.ts) with tsx.
// Every bench runs against DATABASE_URL when set (else the embedded database), prints progress to
// stderr and, as its last stdout line, one JSON object with its figures (see bench/README.md).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');

/** Bench names: folders with an index.ts, and top-level .ts files that are not declarations. */
function available() {
  const names = [];
  for (const entry of readdirSync(benchDir)) {
    if (entry === 'node_modules' || entry.startsWith('.') || entry.startsWith('_')) continue;
    const full = path.join(benchDir, entry);
    if (statSync(full).isDirectory()) {
      if (existsSync(path.join(full, 'index.ts'))) names.push(entry);
    } else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) {
      names.push(entry.slice(0, -3));
    }
  }
  return names.sort();
}

function resolve(name) {
  if (!name || !/^[a-z0-9][a-z0-9._-]*$/iu.test(name)) return null;
  for (const candidate of [path.join(benchDir, name, 'index.ts'), path.join(benchDir, `${name}.ts`)]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const [name, ...args] = process.argv.slice(2);
const file = resolve(name);
if (!file) {
  const list = available();
  console.error(name ? `Unknown bench "${name}".` : 'Usage: npm run bench -- <name> [args]');
  console.error(`Available benches:\n${list.map((n) => `  ${n}`).join('\n') || '  (none)'}`);
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
