import { rolePermissions } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { assertVisible, can, canInCommune } from '../../platform/authorize';
import type { TeamInfo } from './training.store';

/**
 * Who may see and record a village's residents (Decree 13/2023: personal data): the commune's
 * commune-wide recorders (the commune admin), and the members of the teams that serve the village
 * (a village's own team, or a mass organisation's team that names the villages it serves). A role at
 * a unit covers the teams in its subtree.
 */
export interface TrainingReach {
  /** The whole commune (a commune-wide role, the province's or the system's). */
  all: boolean;
  teamIds: ReadonlySet<string>;
  villageIds: ReadonlySet<string>;
}

export function reachOf(actor: Actor, communeId: string, teams: readonly TeamInfo[]): TrainingReach {
  if (can(actor, 'training.record', { communeId })) return { all: true, teamIds: new Set(teams.map((t) => t.unit.id)), villageIds: new Set() };
  const roots = actor.roles.filter((r) => r.communeId === communeId && r.unitId && rolePermissions[r.role].includes('training.record')).map((r) => r.unitId!);
  const mine = teams.filter((t) => roots.some((id) => t.unit.path.includes(`/${id}/`)));
  return { all: false, teamIds: new Set(mine.map((t) => t.unit.id)), villageIds: new Set(mine.flatMap((t) => t.villageIds)) };
}

export const reachesVillage = (reach: TrainingReach, villageId: string) => reach.all || reach.villageIds.has(villageId);
export const reachesTeam = (reach: TrainingReach, teamId: string) => reach.all || reach.teamIds.has(teamId);

/** 403 unless the actor's teams serve the village (the commune was checked visible before). */
export function assertVillage(reach: TrainingReach, villageId: string): void {
  if (!reachesVillage(reach, villageId))
    throw new AppError('FORBIDDEN', 'Bạn chỉ ghi nhận cho thôn, tổ dân phố mà Tổ công nghệ số cộng đồng của mình phụ trách.');
}
export function assertTeam(reach: TrainingReach, teamId: string): void {
  if (!reachesTeam(reach, teamId)) throw new AppError('FORBIDDEN', 'Bạn chỉ ghi nhận cho Tổ công nghệ số cộng đồng của mình.');
}

/** Whether the actor may record anything in the commune at all (the list-level "may add"). */
export const mayRecord = (reach: TrainingReach) => reach.all || reach.villageIds.size > 0;

/** A refusal unless the actor records for some team (or the whole commune): the lists and files of residents start here. */
export function assertMayRecord(reach: TrainingReach): void {
  if (!mayRecord(reach)) throw new AppError('FORBIDDEN', 'Bạn chưa thuộc Tổ công nghệ số cộng đồng nào phụ trách thôn, tổ dân phố.');
}

export const mayManage = (actor: Actor, communeId: string) => can(actor, 'training.manage', { communeId });

/**
 * 404 when the commune is not visible; 403 unless a role of the actor in this commune may record
 * (commune-wide, or at a unit whose teams then narrow it to their villages).
 */
export function authorizeRecord(actor: Actor, communeId: string): void {
  assertVisible(actor, communeId);
  if (!canInCommune(actor, 'training.record', communeId)) throw new AppError('FORBIDDEN');
}
