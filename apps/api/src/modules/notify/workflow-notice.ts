import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { rolePermissions, roleScopeLevel, roles, type Permission } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { WorkflowNotice } from '../../platform/module';
import { appUser, roleAssignment } from '../users';
import { notification } from './notify.table';

const holding = (p: Permission, level: 'commune' | 'unit') => roles.filter((r) => roleScopeLevel[r] === level && rolePermissions[r].includes(p));

/**
 * The in-app notice of a workflow transition: to the reviewers of the commune (a report submitted),
 * or to the record's own unit roles (returned, accepted, reopened). Written once per event.
 */
export async function notifyTransition(tx: Tx, n: WorkflowNotice): Promise<void> {
  const base = and(eq(roleAssignment.communeId, n.communeId), ne(roleAssignment.userId, n.skipUserId), eq(appUser.disabled, false));
  const rows =
    n.audience === 'reviewers'
      ? await tx
          .selectDistinct({ userId: roleAssignment.userId, unitId: roleAssignment.unitId })
          .from(roleAssignment)
          .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
          .where(and(base, isNull(roleAssignment.unitId), inArray(roleAssignment.role, holding('report.review', 'commune'))))
      : await tx
          .selectDistinct({ userId: roleAssignment.userId, unitId: roleAssignment.unitId })
          .from(roleAssignment)
          .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
          .where(and(base, isNotNull(roleAssignment.unitId), inArray(roleAssignment.role, holding('report.write', 'unit'))));
  const users = [...new Set(rows.filter((r) => n.audience === 'reviewers' || (!!n.unitPath && n.unitPath.includes(`/${r.unitId}/`))).map((r) => r.userId))];
  if (!users.length) return;
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
