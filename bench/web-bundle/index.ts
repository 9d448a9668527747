/**
 * web-bundle: bytes of JavaScript (and CSS) the browser loads before the first page shows, i.e. the
 * entry script of apps/web/dist/index.html plus its `modulepreload` links (lazy chunks of the
 * feature pages are not counted), each gzipped with node:zlib at level 9.
 *
 *   npm run bench -- web-bundle
 *
 * It builds the web app first (`npm run build -w apps/web`), needs no database and no server.
 * Last stdout line:
 *   {"bench":"web-bundle","db":"pglite","initial_js_gzip":…,"initial_js_raw":…,"initial_css_gzip":…,
 *    "chunks":…,"limit_gzip":358400,"files":[{"file":"assets/index-….js","raw":…,"gzip":…},…]}
 * `chunks` is the number of initial JS files; `limit_gzip` is the goal (350 KB) for `initial_js_gzip`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { BenchError, dbKind, emit, progress, runMain } from '../_lib/common';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'apps/web/dist');
const LIMIT_GZIP = 350 * 1024;

interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

function build(): void {
  progress('building the web app (npm run build -w apps/web)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status !== 0) throw new BenchError(`the web build failed (exit ${r.status ?? r.signal})`);
}

/** The value of attribute `name` in one HTML tag, or null. */
function attr(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[2] ?? m[3] ?? m[4] ?? null) : null;
}

/** The initial JS (entry module scripts, then modulepreload links) and the stylesheets of index.html. */
function initialAssets(html: string): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css: string[] = [];
  const add = (list: string[], href: string | null) => {
    if (!href || /^(https?:)?\/\//i.test(href) || href.startsWith('data:')) return;
    if (!list.includes(href)) list.push(href);
  };
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (attr(tag, 'type') === 'module') add(js, attr(tag, 'src'));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('modulepreload')) add(js, attr(tag, 'href'));
    else if (rel.includes('stylesheet')) add(css, attr(tag, 'href'));
  }
  return { js, css };
}

function measure(href: string): FileSize {
  const rel = href.replace(/^\//, '').split(/[?#]/)[0]!;
  const full = path.join(dist, rel);
  if (!existsSync(full)) throw new BenchError(`index.html refers to ${href}, which is not in apps/web/dist`);
  const bytes = readFileSync(full);
  return { file: rel, raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
}

const sum = (files: readonly FileSize[], key: 'raw' | 'gzip') => files.reduce((n, f) => n + f[key], 0);

async function main() {
  build();
  const indexHtml = path.join(dist, 'index.html');
  if (!existsSync(indexHtml)) throw new BenchError('apps/web/dist/index.html is missing after the build');
  const { js, css } = initialAssets(readFileSync(indexHtml, 'utf8'));
  if (js.length === 0) throw new BenchError('index.html loads no module script');
  const jsFiles = js.map(measure);
  const cssFiles = css.map(measure);
  for (const f of [...jsFiles, ...cssFiles]) progress(`${f.file}: ${f.raw} B raw, ${f.gzip} B gzip`);
  const initialGzip = sum(jsFiles, 'gzip');
  progress(`initial JS: ${jsFiles.length} files, ${(initialGzip / 1024).toFixed(1)} KB gzip (limit ${LIMIT_GZIP / 1024} KB)`);
  emit({
    bench: 'web-bundle',
    db: dbKind(),
    initial_js_gzip: initialGzip,
    initial_js_raw: sum(jsFiles, 'raw'),
    initial_css_gzip: sum(cssFiles, 'gzip'),
    chunks: jsFiles.length,
    limit_gzip: LIMIT_GZIP,
    files: [...jsFiles, ...cssFiles],
  });
}

runMain(main);
