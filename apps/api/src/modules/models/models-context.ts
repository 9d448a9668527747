import type { Permission } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertVisible, canInCommune } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';

/**
 * Run a use-case in the actor's scope: 404 for a commune the actor cannot see, 403 when no role of
 * the actor there holds the permission (unit roles count; their record-level rule comes after).
 */
export async function inModels<T>(opts: { db: Db; actor: Actor; communeId: string; permission: Permission }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertVisible(opts.actor, opts.communeId);
  if (!canInCommune(opts.actor, opts.permission, opts.communeId)) throw new AppError('FORBIDDEN');
  return inScope(opts.db, opts.actor.scope, fn);
}
