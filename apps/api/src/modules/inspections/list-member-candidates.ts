import { and, eq, inArray } from 'drizzle-orm';
import { vietnameseSortKey, type InspectionMemberCandidates, type Role } from '@tds/contracts';
import { appUser, roleAssignment } from '../users';
import { inInspections, type UseCase } from './inspection-context';
import { MEMBER_ROLES } from './inspections.policy';

/** Who may go on a visit: the commune's users holding a council role (chairman, council members), in name order. */
export async function listMemberCandidates(opts: UseCase): Promise<InspectionMemberCandidates> {
  return inInspections({ ...opts, permission: 'inspection.manage' }, async (tx) => {
    const rows = await tx
      .select({ userId: roleAssignment.userId, role: roleAssignment.role, fullName: appUser.fullName, disabled: appUser.disabled })
      .from(roleAssignment)
      .leftJoin(appUser, eq(appUser.id, roleAssignment.userId))
      .where(and(eq(roleAssignment.communeId, opts.communeId), inArray(roleAssignment.role, [...MEMBER_ROLES])));
    const byUser = new Map<string, { userId: string; fullName: string; roles: Role[] }>();
    for (const r of rows) {
      if (r.disabled) continue;
      const u = byUser.get(r.userId) ?? { userId: r.userId, fullName: r.fullName ?? 'Thành viên Hội đồng', roles: [] };
      if (!u.roles.includes(r.role as Role)) u.roles.push(r.role as Role);
      byUser.set(r.userId, u);
    }
    const items = [...byUser.values()].sort(
      (a, b) => vietnameseSortKey(a.fullName).localeCompare(vietnameseSortKey(b.fullName)) || a.userId.localeCompare(b.userId),
    );
    return { items };
  });
}
