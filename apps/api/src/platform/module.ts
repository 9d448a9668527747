import type { ErrorCode, NoticeAudience, Permission, Role, TodoItemDto, TodoKind } from '@tds/contracts';
import type { Config } from '../config/env';
import type { Database, Db, Tx } from '../db/client';
import type { Actor } from './actor';
import type { App, Deps } from './http';
import type { WorkerTask } from './worker-pool';

/** Where operator commands write progress (stderr in the CLI, nowhere in tests). */
export type Log = (message: string) => void;

/** An expected failure of an operator command, with a message for the operator (Vietnamese); printed without a stack. */
export class CliError extends Error {
  override name = 'CliError';
}

/** A command of `npm run cli -- <name> ...` that a module adds. */
export interface CliCommand {
  name: string;
  /** Lines for the usage text, e.g. "notify run   Lập nhắc hạn ...". */
  usage: string[];
  /** Whether the command opens the database (plan parse does not). */
  needsDatabase: boolean;
  run(args: string[], ctx: { open: () => Promise<Database>; config: Config; log: Log }): Promise<void>;
}

/** Background work a module runs every so often in the server (one instance at a time: the job takes a lease). */
export interface Job {
  name: string;
  /** Seconds between runs from the configuration; 0 = off. */
  intervalSeconds(config: Config): number;
  /** Starts the job; resolves to a stopper. */
  start(ctx: { db: Db; config: Config; log: { info(msg: string): void; error(obj: unknown, msg: string): void } }): { stop(): Promise<void> };
}

/**
 * Another module's figures for the indicators: registered by the module that computes them, read by
 * the indicators module (the derived-value providers).
 */
export interface DerivedRow {
  unitId: string;
  indicatorCode: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}
export interface DerivedValueProvider {
  key: string;
  indicatorCodes: string[];
  compute(tx: Tx, communeId: string, year: number, period: number): Promise<DerivedRow[]>;
}

/**
 * Who answers due items (a report, a registration...): of these ids, those answered at all, or with
 * `submitted`, only those answered by something submitted (reminders stop then). A published plan
 * keeps the due items someone answered.
 */
export type DueItemUse = (tx: Tx, communeId: string, dueItemIds: readonly string[], opts: { submitted?: boolean }) => Promise<ReadonlySet<string>>;

/** One item of "Việc của tôi": something the signed-in user has to do in a module (`todoItem` in contracts). */
export type TodoItem = TodoItemDto;
/**
 * What one source found for the user: at most `limit` items of each kind, the most pressing first
 * (due soon and overdue by due date, returned and to review by how long they have waited), and how
 * many of each kind there are in all.
 */
export interface TodoBatch {
  items: TodoItem[];
  totals: Partial<Record<TodoKind, number>>;
}
/**
 * A module's share of "Việc của tôi". `now` is the instant "today" is taken from (Vietnam time);
 * `communeId` keeps one commune's items; queries run under the actor's scope (row-level security).
 */
export type TodoSource = (ctx: { db: Db; actor: Actor; now: Date; communeId: string | null; limit: number }) => Promise<TodoBatch>;

/** The fixtures of a module's routes for the authorization matrix: lazily loaded, by the matrix test only. */
export type MatrixFixtures = () => Promise<readonly unknown[]>;

/**
 * A module's public face: what it adds to the system. `app.ts`, the schema, the authorization
 * matrix, the job runner and the CLI iterate the list of manifests in `modules/index.ts`.
 */
export interface ModuleManifest {
  name: string;
  /** Registers the module's routes. */
  routes?: (app: App, deps: Deps) => Promise<void> | void;
  /** Drizzle tables the module owns (written only by it). */
  tables?: Record<string, unknown>;
  /** Permissions and error codes the module introduced (declared in contracts, claimed here). */
  permissions?: readonly Permission[];
  errorCodes?: readonly ErrorCode[];
  /** Roles the module's routes serve (documentation for the matrix). */
  roles?: readonly Role[];
  /** The module's authorization-matrix fixtures (a lazy import of `<m>.matrix.ts`). */
  matrix?: MatrixFixtures;
  providers?: readonly DerivedValueProvider[];
  dueItemUses?: readonly DueItemUse[];
  jobs?: readonly Job[];
  cli?: readonly CliCommand[];
  /** Loaders the parse workers run when they start (document readers), so no job pays for them. */
  workerPreload?: readonly WorkerTask<undefined, unknown>[];
  todo?: readonly TodoSource[];
  /** Tells the people a workflow transition concerns (the notify module). */
  notifiers?: readonly WorkflowNotifier[];
  /** Runs in the publishing transaction when a plan of a commune is published or re-published (must be idempotent). */
  onPlanPublished?: PlanPublishedHook;
}

/** A plan was published (or re-published): what a module derives from it (the commune's own due items). */
export type PlanPublishedHook = (tx: Tx, event: { communeId: string; planId: string; now: Date }) => Promise<void>;

/**
 * A workflow transition's notice to its audience: the record's unit, the reviewers of its commune,
 * the commune itself (its commune-wide writers), or the officers of its province.
 */
export interface WorkflowNotice {
  communeId: string;
  /** The commune's province (audience `province`). */
  provinceId: string | null;
  audience: NoticeAudience;
  /** Also by e-mail, where the commune and the server allow it. */
  mail: boolean;
  /** The record's unit path (audience `unit`: the unit roles whose subtree holds it). */
  unitPath: string | null;
  /** The actor, who needs no notice of their own act. */
  skipUserId: string;
  /** Unique per event (record and version), so a notice is written once. */
  key: string;
  title: string;
  body: string;
  link: string;
  /** The moment of the transition: a mail is due to go from then. */
  now: Date;
}
export type WorkflowNotifier = (tx: Tx, notice: WorkflowNotice) => Promise<void>;
