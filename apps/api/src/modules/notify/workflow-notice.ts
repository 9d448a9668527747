import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/security';
import { rolePermissions, roleScopeLevel, roles, type Permission } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { WorkflowNotice } from '../../platform/module';
import { appUser, roleAssignment } from '../users';
import { createHash } from 'node:crypto';
import type { NotifyContext } from './channels';
import { notification, outboxMessage } from './notify.table';
import { loadSettings } from './settings-store';

const holding = (p: Permission, level: 'province' | 'commune' | 'unit') => roles.filter((r) => roleScopeLevel[r] === level && rolePermissions[r].includes(p));

/**
 * The server's mail context (channels, links, Message-ID domain), set when the notify module's routes
 * are registered: a workflow notice runs inside a use-case's transaction, which knows no configuration.
 */
let mailContext: NotifyContext | null = null;
/** Use `ctx` for workflow mail until the returned release is called (an app's close). */
export function useWorkflowMail(ctx: NotifyContext): () => void {
  mailContext = ctx;
  return () => {
    if (mailContext === ctx) mailContext = null;
  };
}

/**
 * Who a notice goes to: the commune's reviewers, the record's own unit roles, the commune itself
 * (its commune-wide writers: the commune admins), or the officers of the commune's province.
 */
async function recipients(tx: Tx, n: WorkflowNotice): Promise<string[]> {
  const enabled = and(ne(roleAssignment.userId, n.skipUserId), eq(appUser.disabled, false));
  const base = and(eq(roleAssignment.communeId, n.communeId), enabled);
  const select = (where: ReturnType<typeof and>) =>
    tx
      .selectDistinct({ userId: roleAssignment.userId, unitId: roleAssignment.unitId })
      .from(roleAssignment)
      .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
      .where(where);
  switch (n.audience) {
    case 'reviewers':
      return unique(await select(and(base, isNull(roleAssignment.unitId), inArray(roleAssignment.role, holding('report.review', 'commune')))));
    case 'commune':
      return unique(await select(and(base, isNull(roleAssignment.unitId), inArray(roleAssignment.role, holding('report.write', 'commune')))));
    case 'province': {
      // The province's users are not the commune's to see: a definer function lists them (migration 0015).
      const rows = rowsOf<{ user_id: string }>(
        await tx.execute(
          sql`select user_id from tds_province_reviewers(${n.communeId}::uuid, ${`{${holding('commune_report.review', 'province').join(',')}}`}::text[])`,
        ),
      );
      return [...new Set(rows.map((r) => r.user_id))].filter((id) => id !== n.skipUserId);
    }
    case 'unit': {
      const rows = await select(and(base, isNotNull(roleAssignment.unitId), inArray(roleAssignment.role, holding('report.write', 'unit'))));
      return unique(rows.filter((r) => !!n.unitPath && n.unitPath.includes(`/${r.unitId}/`)));
    }
  }
}
const unique = (rows: { userId: string }[]) => [...new Set(rows.map((r) => r.userId))];

/**
 * The in-app notice of a workflow transition: to the reviewers of the commune (a report submitted),
 * to the record's own unit roles (returned, accepted, reopened), to the commune's admins (its report
 * to the province returned or accepted), or to the province's officers (a commune report submitted).
 * Written once per event.
 */
export async function notifyTransition(tx: Tx, n: WorkflowNotice): Promise<void> {
  const users = await recipients(tx, n);
  if (!users.length) return;
  if (n.mail) await mailTransition(tx, n, users);
  await tx
    .insert(notification)
    .values(
      users.map((userId) => ({
        communeId: n.communeId,
        userId,
        dedupeKey: `${n.key}:${userId}`,
        title: n.title,
        body: n.body,
        link: n.link,
      })),
    )
    .onConflictDoNothing();
}

/**
 * The same notice by e-mail, queued in the outbox in the transition's transaction (the outbox sender
 * delivers it, with retries) to each recipient with an address, when the commune's reminder channels
 * include e-mail and the server has an e-mail channel. Written once per event and recipient.
 */
async function mailTransition(tx: Tx, n: WorkflowNotice, users: string[]): Promise<void> {
  const ctx = mailContext;
  const channel = ctx?.channels.get('email');
  if (!ctx || !channel) return;
  if (!(await loadSettings(tx, n.communeId)).channels.includes('email')) return;
  const people = await tx.select({ userId: appUser.id, fullName: appUser.fullName, email: appUser.email }).from(appUser).where(inArray(appUser.id, users));
  const link = `${ctx.baseUrl}${n.link}`;
  const messages = people.flatMap((p) => {
    const toAddress = channel.addressOf(p);
    if (!toAddress) return [];
    const dedupeKey = `${n.key}:${p.userId}:email`;
    return [
      {
        communeId: n.communeId,
        dedupeKey,
        channel: 'email',
        recipientUserId: p.userId,
        toAddress,
        subject: n.title,
        body: `Kính gửi ${p.fullName},\n\n${n.body}\n\nMở trên Thi Đua Số: ${link}\n`,
        messageId: `<workflow.${createHash('sha1').update(dedupeKey).digest('hex')}@${ctx.messageDomain}>`,
        nextAttemptAt: n.now,
        meta: { kind: 'workflow', key: n.key },
      },
    ];
  });
  if (messages.length) await tx.insert(outboxMessage).values(messages).onConflictDoNothing();
}
