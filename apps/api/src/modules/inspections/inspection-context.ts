import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { authorizeIn } from './inspections.policy';

/** What every use-case of the module takes. */
export interface UseCase {
  db: Db;
  actor: Actor;
  communeId: string;
}

/**
 * One request of the module: the commune visible (404), the permission held somewhere in the commune
 * (403; the record-level rule is the workflow's or the policy's), then the work in one scoped transaction.
 */
export async function inInspections<T>(
  opts: UseCase & { permission: 'inspection.read' | 'inspection.manage' | 'inspection.record' | 'inspection.answer' },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  authorizeIn(opts.actor, opts.permission, opts.communeId);
  return inScope(opts.db, opts.actor.scope, fn);
}
