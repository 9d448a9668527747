import type { Permission } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertVisible, canInCommune } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';

/**
 * 404 for a commune the actor cannot see; 403 when no role of the actor there holds the permission
 * (a unit role counts: the record-level rule is then checked against the record's unit).
 */
export function authorizeCommune(actor: Actor, communeId: string, permission: Permission) {
  assertVisible(actor, communeId);
  if (!canInCommune(actor, permission, communeId)) throw new AppError('FORBIDDEN');
}

/** Run a use-case in the actor's scope after the commune-level check. */
export async function inCommune<T>(opts: { db: Db; actor: Actor; communeId: string; permission: Permission }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  authorizeCommune(opts.actor, opts.communeId, opts.permission);
  return inScope(opts.db, opts.actor.scope, fn);
}
