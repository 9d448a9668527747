import { and, desc, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rolePermissions, whoFor, type ErrorDetail, type Who, type WorkflowDecl } from '@tds/contracts';
import type { Tx } from '../db/client';
import type { Actor, RequestMeta } from './actor';
import { writeAudit } from './audit';
import { auditEntry } from './audit.table';
import { can, seesCommune } from './authorize';
import { AppError } from './errors';
import { workflowNotifiers } from './extensions';

/**
 * The one runner of workflow transitions (declared in `packages/contracts/src/workflow.ts`), and the
 * abilities (`can`) computed from the same declarations.
 */

/** What every record that moves through states has. */
export interface StatefulRow {
  id: string;
  communeId: string;
  status: string;
  version: number;
}

/** Where the record sits, for the "who may" checks: its unit (path) and province. */
export interface Subject {
  unitPath?: string | null;
  provinceId?: string | null;
}

/** Does the actor hold `who` for a record of this commune and subject? */
export function holdsFor(actor: Actor, who: Who, communeId: string, subject: Subject): boolean {
  switch (who.scope) {
    case 'unit':
      return can(actor, who.permission, { communeId, unitPath: subject.unitPath ?? null });
    case 'own_unit':
      return actor.roles.some(
        (r) =>
          !!r.unitId &&
          r.communeId === communeId &&
          rolePermissions[r.role].includes(who.permission) &&
          !!subject.unitPath &&
          subject.unitPath.includes(`/${r.unitId}/`),
      );
    case 'commune':
      return can(actor, who.permission, { communeId });
    case 'province':
      return can(actor, who.permission, { communeId, provinceId: subject.provinceId ?? null });
  }
}

/** May the actor take this transition on this record now (state and who; guards aside)? */
export function mayTake<S extends string, T extends string>(
  actor: Actor,
  wf: WorkflowDecl<S, T>,
  transition: T,
  row: { communeId: string; status: string },
  subject: Subject,
): boolean {
  const who = whoFor(wf, transition, row.status as S);
  return !!who && holdsFor(actor, who, row.communeId, subject);
}

/** Every transition of the workflow, true where the actor may take it on this record now. */
export function abilitiesOf<S extends string, T extends string>(
  actor: Actor,
  wf: WorkflowDecl<S, T>,
  row: { communeId: string; status: string },
  subject: Subject,
): Record<T, boolean> {
  const out = {} as Record<T, boolean>;
  for (const t of Object.keys(wf.transitions) as T[]) out[t] = mayTake(actor, wf, t, row, subject);
  return out;
}

/** Would some role of the actor take the transition in some state the record could be in? (403 rather than 409.) */
function anyWho<S extends string, T extends string>(actor: Actor, wf: WorkflowDecl<S, T>, transition: T, communeId: string, subject: Subject): boolean {
  return wf.transitions[transition].who.some((w) => holdsFor(actor, w, communeId, subject));
}

/** One transition, as a module asks the runner to take it. */
export interface TransitionRun<S extends string, T extends string, R extends StatefulRow> {
  workflow: WorkflowDecl<S, T>;
  transition: T;
  /** The moment of the transition (the use-case's `now`): what it stamps, and its notices. */
  now: Date;
  /** The record, locked for update (null when a creating transition makes it), and its subject. */
  load: () => Promise<{ row: R | null; subject: Subject; communeId: string }>;
  /** The version the caller started from (guard `version`; 0 or omitted: the caller saw no record yet). */
  version?: number;
  /**
   * Was the record's current version made by this transition and this user? (A retry then writes
   * nothing.) Defaults to the record's last audit entry.
   */
  lastStep?: (row: R) => Promise<{ action: string; by: string | null } | null>;
  /** The problems that refuse it (guards `required`, `window`); empty when it may go ahead. */
  check?: (row: R | null) => Promise<ErrorDetail[]> | ErrorDetail[];
  /** Its own error for a refused guard (defaults to VALIDATION_FAILED with the first message). */
  refuse?: (problems: ErrorDetail[]) => AppError;
  /** The stale-version message of this kind of record. */
  staleMessage?: (row: R, version: number) => string;
  /** The table the record lives in, for the versioned update (id, commune_id, version, status). */
  table: PgTable & { id: PgColumn; communeId: PgColumn; version: PgColumn };
  /** The fields the transition sets on the record (status and version are the runner's). */
  set: (row: R | null) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Make the record (creating transitions from nothing). */
  insert?: (values: Record<string, unknown>) => Promise<R | null>;
  /** A copy in the record's version table (declarations with `writes.version`). */
  addVersion?: (row: R) => Promise<void>;
  /** The audit line (Vietnamese) and its detail; a redacted workflow keeps no detail. */
  audit: (
    before: R | null,
    after: R,
  ) => Promise<{ summary: string; before?: unknown; after?: unknown }> | { summary: string; before?: unknown; after?: unknown };
  /** What else the transition writes, in the same transaction (indicator values, targets). */
  effects?: (before: R | null, after: R) => Promise<void>;
  /** The in-app notice (title, link) for the declared audience. */
  notice?: (row: R) => Promise<{ title: string; body: string; link: string }> | { title: string; body: string; link: string };
}

export interface TransitionResult<R> {
  row: R;
  /** True when this was a retry of a transition already taken: nothing was written. */
  replayed: boolean;
}

/**
 * Run one transition in the caller's transaction: lock (the loader's FOR UPDATE), authorise (404 for
 * an invisible commune, 403 for a visible but forbidden record), check the version (409, nothing
 * written), the state and the guards, write the record's next version, its version row, the audit
 * entry and the notification. A retry of a transition already taken (same record, same version,
 * same target state, same user) returns the record as it is and writes nothing.
 */
export async function runTransition<S extends string, T extends string, R extends StatefulRow>(
  tx: Tx,
  actor: Actor,
  meta: RequestMeta,
  run: TransitionRun<S, T, R>,
): Promise<TransitionResult<R>> {
  const wf = run.workflow;
  const decl = wf.transitions[run.transition];
  const { row: cur, subject, communeId } = await run.load();
  if (!seesCommune(actor, communeId)) throw new AppError('NOT_FOUND');
  const state = (cur?.status ?? wf.initial) as S;
  const who = whoFor(wf, run.transition, state);
  if (!anyWho(actor, wf, run.transition, communeId, subject)) throw new AppError('FORBIDDEN');
  if (cur && decl.guards.includes('version') && cur.version !== (run.version ?? 0)) {
    if (await isReplay(tx, run, cur, actor)) return { row: cur, replayed: true };
    throw new AppError('STALE_VERSION', run.staleMessage?.(cur, run.version ?? 0), [{ field: 'version', message: 'Phiên bản đã cũ.' }]);
  }
  if (!who) {
    const locked = wf.lockedIn;
    if (locked && locked.states.includes(state) && !locked.except.includes(run.transition)) throw new AppError(locked.code);
    throw new AppError('INVALID_TRANSITION', decl.outOfTurn);
  }
  if (!holdsFor(actor, who, communeId, subject)) throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này với hồ sơ ở trạng thái hiện tại.');
  if (run.check) {
    const problems = await run.check(cur);
    if (problems.length) throw run.refuse?.(problems) ?? new AppError('VALIDATION_FAILED', problems[0]!.message, problems);
  }
  const values = { ...(await run.set(cur)), status: decl.to ?? state };
  let row: R | null;
  if (cur) {
    const t = run.table;
    const updated = await tx
      .update(t)
      .set({ ...values, version: cur.version + 1 } as never)
      .where(and(eq(t.communeId, cur.communeId), eq(t.id, cur.id), eq(t.version, cur.version)))
      .returning();
    row = (updated as unknown as R[])[0] ?? null;
  } else {
    if (!run.insert) throw new AppError('NOT_FOUND');
    row = await run.insert({ ...values, version: 1 });
  }
  if (!row) throw new AppError('STALE_VERSION', cur ? run.staleMessage?.(cur, cur.version) : undefined);
  if (decl.writes.version) await run.addVersion?.(row);
  const line = await run.audit(cur, row);
  const redacted = decl.writes.audit === 'redacted';
  await writeAudit(tx, actor, meta, {
    action: run.transition,
    entityType: wf.entity,
    entityId: row.id,
    communeId: row.communeId,
    summary: line.summary,
    before: redacted ? null : (line.before ?? (cur ? { status: cur.status, version: cur.version } : null)),
    after: redacted ? null : (line.after ?? { status: row.status, version: row.version }),
  });
  await run.effects?.(cur, row);
  if (decl.writes.notify && run.notice) {
    const notice = await run.notice(row);
    for (const n of workflowNotifiers())
      await n(tx, {
        communeId: row.communeId,
        provinceId: subject.provinceId ?? null,
        audience: decl.writes.notify,
        mail: decl.writes.mail ?? false,
        unitPath: subject.unitPath ?? null,
        skipUserId: actor.userId,
        key: `${wf.entity}:${row.id}:${row.version}`,
        now: run.now,
        ...notice,
      });
  }
  return { row, replayed: false };
}

/** A retry: the record is one version past the caller's, in the transition's target state, made by this transition and user. */
async function isReplay<S extends string, T extends string, R extends StatefulRow>(
  tx: Tx,
  run: TransitionRun<S, T, R>,
  cur: R,
  actor: Actor,
): Promise<boolean> {
  const decl = run.workflow.transitions[run.transition];
  if (decl.to === null || cur.version !== (run.version ?? 0) + 1 || cur.status !== decl.to) return false;
  const last = run.lastStep ? await run.lastStep(cur) : await lastAudited(tx, run.workflow.entity, cur);
  return !!last && last.action === run.transition && last.by === actor.userId;
}

/** The last audited act on a record: its transition and who took it. */
async function lastAudited(tx: Tx, entity: string, row: StatefulRow): Promise<{ action: string; by: string | null } | null> {
  const [e] = await tx
    .select({ action: auditEntry.action, by: auditEntry.actorId })
    .from(auditEntry)
    .where(and(eq(auditEntry.communeId, row.communeId), eq(auditEntry.entityType, entity), eq(auditEntry.entityId, row.id)))
    .orderBy(desc(auditEntry.id))
    .limit(1);
  return e ?? null;
}
