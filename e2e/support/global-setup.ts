import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserAvailable, browserRequired, skipNotice } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDir = path.join(root, 'apps/web');
const indexHtml = path.join(webDir, 'dist/index.html');

/** Newest modification time under a folder (source files only; small trees). */
function newest(dir: string): number {
  let max = 0;
  if (!existsSync(dir)) return max;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** Why the web app must be (re)built, or null when dist is there and newer than its sources. */
function buildReason(): string | null {
  if (!existsSync(indexHtml)) return 'apps/web/dist/index.html không có';
  if (process.env.TDS_E2E_SKIP_BUILD === '1') return null;
  const built = statSync(indexHtml).mtimeMs;
  const sources = Math.max(
    newest(path.join(webDir, 'src')),
    newest(path.join(root, 'packages/contracts/src')),
    statSync(path.join(webDir, 'index.html')).mtimeMs,
  );
  return sources > built ? 'mã nguồn web mới hơn bản build' : null;
}

/** Once per run: announce a skip, or make sure the built web app the server serves is there and current. */
export default function setup(): void {
  if (!browserAvailable()) {
    if (browserRequired()) return; // the specs fail with a clear message
    console.log(`\n${skipNotice()}\n`);
    return;
  }
  const reason = buildReason();
  if (!reason) return;
  console.log(`[e2e] build apps/web (${reason}): npm run build -w apps/web`);
  const started = Date.now();
  // A production build, as users get it: vitest sets NODE_ENV=test, which would make vite bundle React's development build.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(indexHtml)) {
    throw new Error(`npm run build -w apps/web thất bại (mã ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  console.log(`[e2e] built apps/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
