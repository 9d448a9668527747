import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertVisible, authorize } from '../../platform/authorize';
import { feedCache } from '../../platform/change-feed';
import { inScope } from '../../platform/tenancy';

/**
 * A commune's coverage and its breakdowns kept in memory. They are aggregates, the same for every
 * reader of the commune (checked in memory before the cache is asked), and change only when a
 * record they count is written (the training tables announce 'training:<commune id>', migration
 * 0029) or a village or team is renamed, merged or added ('unit:<commune id>'). Either drops the
 * commune's pages; a national skill module's change drops all. Without a live change feed every
 * request reads.
 */
const pages = feedCache<unknown>((kind, key) => (kind === 'training' || kind === 'unit' ? (key === '*' ? '*' : `${key}|`) : null), 2_000);

/** One page of a commune's aggregates: the reader allowed (404, 403), then from memory or read in the reader's scope. */
export async function communePage<T>(opts: { db: Db; actor: Actor; communeId: string }, key: string, read: (tx: Tx) => Promise<T>): Promise<T> {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  authorize(actor, 'training.read', { communeId });
  return pages(db, `${communeId}|${key}`, () => inScope(db, actor.scope, read)) as Promise<T>;
}
