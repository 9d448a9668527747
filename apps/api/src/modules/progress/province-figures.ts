import type { Actor } from '../../platform/actor';
import { feedCache } from '../../platform/change-feed';

/**
 * The province's pages of figures (its league table, its roll-up over years) kept in memory. They
 * are the same for every officer allowed to read the province (the permission is checked before the
 * cache is asked) and change only when a roll-up, a target, the catalogue, a commune or the province
 * changes: those announce 'figures:*' or 'commune:*' on the change feed, and everything here is
 * dropped. Without a live feed every request reads.
 */
const pages = feedCache<unknown>((kind) => (kind === 'figures' || kind === 'commune' ? '*' : null), 2_000);

/**
 * The page named by `parts` for the province, read by `read` when it is not kept. A system-wide
 * actor sees every commune's own indicators too, so it keeps its own copy.
 */
export function provinceFigures<T>(db: Parameters<typeof pages>[0], actor: Actor, parts: readonly (string | number)[], read: () => Promise<T>): Promise<T> {
  const key = [actor.scope.all ? 'all' : 'province', ...parts].join('|');
  return pages(db, key, read) as Promise<T>;
}
