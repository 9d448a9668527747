import { and, between, eq, gte, isNull, or } from 'drizzle-orm';
import { REMINDER_OFFSET_MAX, REMINDER_OFFSET_MIN, addDays, todayVn } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { unit } from '../org';
import { dueItem } from '../plans';
import { dueItemUses } from '../../platform/extensions';
import { appUser, roleAssignment } from '../users';
import type { NotifyContext, Recipient } from './channels';
import { notification, outboxMessage } from './notify.table';
import { reminderKey, reminderMessageId, reminderText } from './reminder-text';
import { loadSettings, type StoredSettings } from './settings-store';

/** A reminder whose day passed more than this many days ago is skipped (no flood after downtime). */
export const CATCH_UP_DAYS = 2;
const INSERT_CHUNK = 500;

/** New rows written by one planning run (existing reminders are never written again). */
export interface PlanCounts {
  notifications: number;
  messages: number;
}

interface OpenItem {
  id: string;
  kind: string;
  title: string;
  dueDate: string;
  unitName: string;
  unitPath: string;
}

interface Staff extends Recipient {
  /** The unit of the role (focal points); null for commune-wide roles. */
  unitId?: string | null;
}

/**
 * The offset to remind of now: of those whose reminder day (due date + offset) is today or at most
 * CATCH_UP_DAYS before, the latest. An earlier one missed during downtime is superseded, so a unit
 * never gets two reminders of one item at once; null when none is due.
 */
export function offsetDue(dueDate: string, offsets: readonly number[], today: string): number | null {
  const oldest = addDays(today, -CATCH_UP_DAYS);
  const due = offsets.filter((o) => {
    const day = addDays(dueDate, o);
    return day <= today && day >= oldest;
  });
  return due.length ? Math.max(...due) : null;
}

/** Due items of the commune with a reminder day in the window and nothing submitted for them yet. */
async function openItems(tx: Tx, communeId: string, offsets: readonly number[], today: string): Promise<OpenItem[]> {
  const from = addDays(today, -Math.max(...offsets) - CATCH_UP_DAYS);
  const to = addDays(today, -Math.min(...offsets));
  const items = await tx
    .select({ id: dueItem.id, kind: dueItem.kind, title: dueItem.title, dueDate: dueItem.dueDate, unitName: unit.name, unitPath: unit.path })
    .from(dueItem)
    .innerJoin(unit, and(eq(unit.communeId, dueItem.communeId), eq(unit.id, dueItem.unitId)))
    .where(and(eq(dueItem.communeId, communeId), between(dueItem.dueDate, from, to), or(isNull(unit.activeTo), gte(unit.activeTo, today))));
  // Nothing submitted for them yet: asked of the modules that answer due items.
  const ids = items.map((i) => i.id);
  const answered = new Set<string>();
  for (const use of dueItemUses()) for (const id of await use(tx, communeId, ids, { submitted: true })) answered.add(id);
  return items.filter((i) => !answered.has(i.id));
}

/** Enabled users holding `role` in the commune. */
async function staffWithRole(tx: Tx, communeId: string, role: 'unit_focal_point' | 'commune_admin'): Promise<Staff[]> {
  return tx
    .selectDistinct({ userId: appUser.id, fullName: appUser.fullName, email: appUser.email, unitId: roleAssignment.unitId })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .where(and(eq(roleAssignment.communeId, communeId), eq(roleAssignment.role, role), eq(appUser.disabled, false)));
}

/** Focal points of the unit or an ancestor, and the commune admins, as the settings ask; each user once. */
function recipientsOf(item: OpenItem, focal: Staff[], admins: Staff[], s: StoredSettings): Staff[] {
  const out = new Map<string, Staff>();
  if (s.notifyFocalPoints) for (const f of focal) if (!f.unitId || item.unitPath.includes(`/${f.unitId}/`)) out.set(f.userId, f);
  if (s.notifyAdmins) for (const a of admins) if (!out.has(a.userId)) out.set(a.userId, a);
  return [...out.values()];
}

type NotificationRow = typeof notification.$inferInsert;
type OutboxRow = typeof outboxMessage.$inferInsert;

/** The in-app notification and outbox rows of one due item for its recipients and offsets. */
function rowsFor(communeId: string, item: OpenItem, offset: number, people: Staff[], s: StoredSettings, now: Date, ctx: NotifyContext) {
  const today = todayVn(now);
  const notifications: NotificationRow[] = [];
  const messages: OutboxRow[] = [];
  for (const p of people) {
    const text = reminderText({
      recipientName: p.fullName,
      unitName: item.unitName,
      kind: item.kind,
      title: item.title,
      dueDate: item.dueDate,
      today,
      baseUrl: ctx.baseUrl,
    });
    for (const name of s.channels) {
      const dedupeKey = reminderKey(item.id, p.userId, offset, name);
      if (name === 'in_app') {
        notifications.push({ communeId, userId: p.userId, dedupeKey, title: text.title, body: text.summary, link: text.link });
        continue;
      }
      const address = ctx.channels.get(name)?.addressOf(p);
      if (!address) continue;
      messages.push({
        communeId,
        dedupeKey,
        channel: name,
        recipientUserId: p.userId,
        toAddress: address,
        subject: text.subject,
        body: text.body,
        messageId: reminderMessageId(dedupeKey, ctx.messageDomain),
        nextAttemptAt: now,
        meta: { dueItemId: item.id, offset, kind: 'reminder' },
      });
    }
  }
  return { notifications, messages };
}

/**
 * Insert in chunks, skipping rows whose dedupe key exists (also when another instance wrote it just
 * now). Rows go in key order, so two instances planning at once take the index locks in the same
 * order and never deadlock.
 */
async function insertNew(tx: Tx, table: typeof notification | typeof outboxMessage, rows: (NotificationRow | OutboxRow)[]): Promise<number> {
  rows.sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  let n = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK) as OutboxRow[];
    n += (
      await tx
        .insert(table as typeof outboxMessage)
        .values(chunk)
        .onConflictDoNothing()
        .returning({ id: table.id })
    ).length;
  }
  return n;
}

/** Plan one commune's reminders due at `now` (its Vietnam date) inside the caller's transaction. */
export async function planCommuneReminders(tx: Tx, communeId: string, now: Date, ctx: NotifyContext): Promise<PlanCounts> {
  const today = todayVn(now);
  const s = await loadSettings(tx, communeId);
  const offsets = [...new Set(s.offsets)];
  if (!s.enabled || offsets.length === 0 || s.channels.length === 0) return { notifications: 0, messages: 0 };
  const items = await openItems(tx, communeId, offsets, today);
  if (items.length === 0) return { notifications: 0, messages: 0 };
  const focal = await staffWithRole(tx, communeId, 'unit_focal_point');
  const admins = await staffWithRole(tx, communeId, 'commune_admin');
  const notifications: NotificationRow[] = [];
  const messages: OutboxRow[] = [];
  for (const item of items) {
    const offset = offsetDue(item.dueDate, offsets, today);
    if (offset === null) continue;
    const rows = rowsFor(communeId, item, offset, recipientsOf(item, focal, admins, s), s, now, ctx);
    notifications.push(...rows.notifications);
    messages.push(...rows.messages);
  }
  return { notifications: await insertNew(tx, notification, notifications), messages: await insertNew(tx, outboxMessage, messages) };
}

/** Communes with any due item close enough to today for some offset to hit. */
async function candidateCommunes(db: Db, today: string): Promise<string[]> {
  const rows = await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectDistinct({ id: dueItem.communeId })
      .from(dueItem)
      .where(between(dueItem.dueDate, addDays(today, -REMINDER_OFFSET_MAX - CATCH_UP_DAYS), addDays(today, -REMINDER_OFFSET_MIN))),
  );
  return rows.map((r) => r.id);
}

/**
 * Plan the reminders due at `now` (Vietnam date): for every commune (or the one given), each open
 * due item, recipient, due offset and channel gets one in-app notification or outbox message,
 * unique by its dedupe key. Each commune is planned in its own transaction.
 */
export async function planReminders(db: Db, now: Date, ctx: NotifyContext, opts: { communeId?: string } = {}): Promise<PlanCounts> {
  const communes = opts.communeId ? [opts.communeId] : await candidateCommunes(db, todayVn(now));
  const total: PlanCounts = { notifications: 0, messages: 0 };
  for (const communeId of communes) {
    const c = await inScope(db, SYSTEM_SCOPE, (tx) => planCommuneReminders(tx, communeId, now, ctx));
    total.notifications += c.notifications;
    total.messages += c.messages;
  }
  return total;
}
