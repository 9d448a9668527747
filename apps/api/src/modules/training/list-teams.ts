import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { appUser, roleAssignment } from '../users';
import { mayManage, reachesTeam } from './training.policy';
import { villagesOf } from './training.store';
import { inTraining } from './training-context';

/** The commune's community digital teams, with the villages each serves and its members (users holding a role at the team). */
export async function listTeams(opts: { db: Db; actor: Actor; communeId: string }) {
  const { actor, communeId } = opts;
  return inTraining({ ...opts, permission: 'training.read' }, async (tx, { reach, teams }) => {
    const names = new Map((await villagesOf(tx, communeId)).map((v) => [v.id, v.name]));
    const ids = teams.map((t) => t.unit.id);
    const members = ids.length
      ? await tx
          .select({ unitId: roleAssignment.unitId, userId: appUser.id, fullName: appUser.fullName })
          .from(roleAssignment)
          .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
          .where(and(eq(roleAssignment.communeId, communeId), inArray(roleAssignment.unitId, ids)))
      : [];
    const manage = mayManage(actor, communeId);
    return {
      items: teams.map((t) => ({
        unitId: t.unit.id,
        name: t.unit.name,
        parentName: t.parentName,
        decisionNo: t.decisionNo,
        decisionDate: t.decisionDate,
        villages: t.villageIds.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
        members: [...new Map(members.filter((m) => m.unitId === t.unit.id).map((m) => [m.userId, { userId: m.userId, fullName: m.fullName }])).values()],
        can: { edit: manage, record: reachesTeam(reach, t.unit.id) },
      })),
    };
  });
}
