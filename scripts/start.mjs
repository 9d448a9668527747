// npm start: build the web app when it is not built yet, then run the server (migrations and
// demo data happen at start). Node 20, nothing else needed.
//
// WEB_DIST (as the server reads it, apps/web/dist by default) names the folder of the built web
// app: it is built there when it has no index.html yet.
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dist = process.env.WEB_DIST ? path.resolve(root, process.env.WEB_DIST) : path.join(root, 'apps/web/dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.log('Đang build giao diện web (lần đầu)...');
  const args = ['run', 'build', '-w', 'apps/web', ...(process.env.WEB_DIST ? ['--', '--outDir', dist, '--emptyOutDir'] : [])];
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/main.ts')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
