import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Output chunks as the bundle hook sees them (the fields this plugin reads). */
export interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}
export interface AssetInfo {
  type: 'asset';
  fileName: string;
}

/**
 * The files a device keeps for offline use: the entry with everything it loads, and each lazy
 * page matching `pages` with what it loads in turn (its chunks and their CSS), plus the public
 * files named in `extra`. Other pages are cached when first opened.
 */
export function precacheList(bundle: Record<string, ChunkInfo | AssetInfo>, pages: RegExp, extra: readonly string[]): string[] {
  const chunks = new Map<string, ChunkInfo>();
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const out = new Set<string>();
  const visit = (name: string) => {
    const c = chunks.get(name);
    if (!c || out.has(`/${c.fileName}`)) return;
    out.add(`/${c.fileName}`);
    for (const css of c.viteMetadata?.importedCss ?? []) out.add(`/${css}`);
    for (const dep of c.imports) visit(dep);
  };
  for (const c of chunks.values()) {
    const id = c.facadeModuleId?.split(path.sep).join('/') ?? '';
    if (c.isEntry || pages.test(id)) visit(c.fileName);
  }
  return [...[...out].sort(), ...extra];
}

/**
 * Builds /sw.js from pwa/sw-template.js at `vite build`: the precache list of this build and a
 * version that changes whenever the list does (so a new release replaces the old cache).
 */
export function serviceWorker(opts: { pages: RegExp; extra: readonly string[] }): Plugin {
  const template = readFileSync(path.join(import.meta.dirname, 'sw-template.js'), 'utf8');
  return {
    name: 'tds-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const list = precacheList(bundle as unknown as Record<string, ChunkInfo | AssetInfo>, opts.pages, opts.extra);
      const version = createHash('sha256').update(JSON.stringify(list)).update(template).digest('hex').slice(0, 12);
      const source = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__PRECACHE__', JSON.stringify(list));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
