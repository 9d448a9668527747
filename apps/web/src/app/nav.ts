import type { MenuEntry } from '../lib/feature';

/**
 * The menu entry of a page: the one whose path is the longest prefix of the page's, in whole
 * segments (/training/residents/… is the residents entry, /training/sessions the training one).
 */
export function activeEntry(pathname: string, nav: readonly Pick<MenuEntry, 'key' | 'path'>[]): string {
  let best: Pick<MenuEntry, 'key' | 'path'> | undefined;
  for (const n of nav)
    if (n.path !== '/' && (pathname === n.path || pathname.startsWith(`${n.path}/`)) && (!best || n.path.length > best.path.length)) best = n;
  return best?.key ?? 'home';
}
