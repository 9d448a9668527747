import { todoKinds, todayVn, type TodoList, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { todoSources } from '../../platform/extensions';
import type { TodoBatch, TodoItem, TodoSource } from '../../platform/module';

/** Within a group: the longest waiting (returned, to review) or the earliest due first. */
function pressing(a: TodoItem, b: TodoItem): number {
  const ka = a.since ?? a.dueDate ?? '9999-12-31';
  const kb = b.since ?? b.dueDate ?? '9999-12-31';
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.dueDate !== b.dueDate) return (a.dueDate ?? '9999-12-31') < (b.dueDate ?? '9999-12-31') ? -1 : 1;
  return a.title.localeCompare(b.title, 'vi') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * "Việc của tôi": what every module's to-do source finds for the signed-in user, in the groups of
 * `todoKinds`, each with its full count and its `limit` most pressing items. A user whose roles give
 * no work (or a commune where they have none) gets empty groups. `now` fixes "today" (Vietnam time).
 */
export async function listTodo(opts: {
  db: Db;
  actor: Actor;
  communeId?: string | undefined;
  limit: number;
  now?: Date;
  sources?: readonly TodoSource[];
}): Promise<TodoList> {
  const now = opts.now ?? clockNow();
  const batches: TodoBatch[] = [];
  // One after the other: each source is one transaction, and one connection is enough.
  for (const source of opts.sources ?? todoSources()) {
    batches.push(await source({ db: opts.db, actor: opts.actor, now, communeId: opts.communeId ?? null, limit: opts.limit }));
  }
  return {
    today: todayVn(now),
    groups: todoKinds.map((kind) => ({
      kind,
      total: batches.reduce((n, b) => n + (b.totals[kind] ?? 0), 0),
      items: batches
        .flatMap((b) => b.items.filter((i) => i.kind === kind))
        .sort(pressing)
        .slice(0, opts.limit),
    })),
  };
}
