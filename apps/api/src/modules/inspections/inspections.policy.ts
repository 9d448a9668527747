import { rolePermissions } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { assertVisible, can, canInCommune } from '../../platform/authorize';
import { AppError } from '../../platform/errors';

/**
 * Who may do what with inspections: everyone of the commune reads them; the commune office
 * (inspection.manage) plans, concludes and closes them and follows up the recommendations; the
 * council's members (inspection.record) record findings on a visit they are on (the office records on
 * any); a unit's own roles (inspection.answer) answer what was recommended to their unit.
 */

/** The roles that may go on a visit (members of the emulation council). */
export const MEMBER_ROLES = ['chairman', 'council_member'] as const;

/** The commune office: plans visits, concludes and closes them, closes or returns recommendations. */
export const mayManage = (actor: Actor, communeId: string) => can(actor, 'inspection.manage', { communeId });

/** May the actor record findings on this visit (state aside): the office on any visit, a council member on one they are on. */
export function mayRecordOn(actor: Actor, communeId: string, memberIds: readonly string[]): boolean {
  if (!can(actor, 'inspection.record', { communeId })) return false;
  return mayManage(actor, communeId) || actor.roles.some((r) => r.role === 'system_admin') || memberIds.includes(actor.userId);
}

/** 403 unless the actor may record on the visit. */
export function assertRecorder(actor: Actor, communeId: string, memberIds: readonly string[]): void {
  if (!mayRecordOn(actor, communeId, memberIds))
    throw new AppError('FORBIDDEN', 'Chỉ thành viên đoàn kiểm tra (hoặc Văn phòng xã) ghi được kết quả kiểm tra của đợt này.');
}

/** Does a unit role of the actor, able to answer, hold this unit path (its own unit or one below it)? */
export function answersFor(actor: Actor, communeId: string, unitPath: string | null): boolean {
  return (
    !!unitPath &&
    actor.roles.some(
      (r) => !!r.unitId && r.communeId === communeId && rolePermissions[r.role].includes('inspection.answer') && unitPath.includes(`/${r.unitId}/`),
    )
  );
}

/** 404 for an invisible commune, 403 unless the permission is held somewhere in the commune. */
export function authorizeIn(actor: Actor, permission: 'inspection.read' | 'inspection.manage' | 'inspection.record' | 'inspection.answer', communeId: string) {
  assertVisible(actor, communeId);
  if (!canInCommune(actor, permission, communeId)) throw new AppError('FORBIDDEN');
}
