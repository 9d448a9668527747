import type { Actor } from '../../platform/actor';
import { can } from '../../platform/authorize';
import { AppError } from '../../platform/errors';

/** Whether the actor may read a province's plans: its own province, or one its communes belong to. */
export const readable = (actor: Actor, provinceId: string) => actor.scope.all || (actor.scope.readProvinceIds ?? actor.scope.provinceIds).includes(provinceId);

/** Only the province's own users (and system administrators) write its plans; communes read them. */
export function mayWrite(actor: Actor, provinceId: string): void {
  if (!readable(actor, provinceId)) throw new AppError('NOT_FOUND');
  if (!can(actor, 'province_plan.write', { provinceId })) {
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ tỉnh/thành phố hoặc quản trị hệ thống được nhập, sửa hay xóa kế hoạch cấp tỉnh.');
  }
}
