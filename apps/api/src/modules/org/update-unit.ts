import { todayVn, clockNow } from '@tds/contracts';
import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { UnitKind, UnitUpdateInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { checkUnitRules, loadParent, normaliseUnitInput } from './create-unit';
import { mapUnit, mapUnitRecord } from './org.mapper';
import { unitResource } from './org.policy';
import { childPath, wouldCycle } from './org.rules';
import { unit } from './org.table';
import { duplicateCode, findUnitByCode, loadUnit, movePaths, unitKeys } from './unit-store';

export interface UpdateUnitOptions {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: UnitUpdateInput;
  /** The use-case's clock reading (updated_at). */
  now?: Date;
}

/** Edit, move, close or merge a unit, with optimistic locking on `version`. */
export async function updateUnit({ db, actor, meta, communeId, id, input, now = clockNow() }: UpdateUnitOptions) {
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const current = await loadUnit(tx, communeId, id);
    authorize(actor, 'org.unit.write', unitResource(communeId, current.path));
    if (current.version !== input.version) throw new AppError('STALE_VERSION');
    const merged = { ...current, ...stripUndefined(input) };
    const values = normaliseUnitInput(merged as never);

    let parentPath: string | null = null;
    let parentKind: UnitKind | undefined;
    const parentId = input.parentId !== undefined ? input.parentId : current.parentId;
    if (parentId) {
      const parent = await loadParent(tx, communeId, parentId);
      if (parent.id === id || wouldCycle(id, parent.path))
        throw new AppError('UNIT_CYCLE', undefined, [{ field: 'parentId', message: 'Đơn vị cấp trên tạo thành vòng lặp.' }]);
      authorize(actor, 'org.unit.write', unitResource(communeId, parent.path));
      parentPath = parent.path;
      parentKind = parent.kind as UnitKind;
    }
    checkUnitRules(values.kind, parentKind, values.activeFrom, values.activeTo);
    if (values.code.toLowerCase() !== current.code.toLowerCase()) {
      const other = await findUnitByCode(tx, communeId, values.code);
      if (other && other.id !== id) throw duplicateCode(values.code);
    }

    let mergedIntoId = input.mergedIntoId !== undefined ? input.mergedIntoId : current.mergedIntoId;
    let activeTo = values.activeTo;
    if (input.mergedIntoId) {
      const target = await loadUnit(tx, communeId, input.mergedIntoId).catch(() => {
        throw new AppError('VALIDATION_FAILED', 'Đơn vị nhận sáp nhập không tồn tại.', [{ field: 'mergedIntoId', message: 'Không tìm thấy đơn vị.' }]);
      });
      if (target.id === id || target.path.includes(`/${id}/`)) {
        throw new AppError('VALIDATION_FAILED', 'Không thể sáp nhập đơn vị vào chính nó hoặc đơn vị trực thuộc.', [
          { field: 'mergedIntoId', message: 'Đơn vị nhận sáp nhập không hợp lệ.' },
        ]);
      }
      activeTo ??= todayVn();
      mergedIntoId = target.id;
    }
    if (activeTo && activeTo !== current.activeTo) {
      const [child] = await tx
        .select({ code: unit.code, name: unit.name })
        .from(unit)
        .where(and(eq(unit.communeId, communeId), eq(unit.parentId, id), ne(unit.id, id), or(isNull(unit.activeTo), gt(unit.activeTo, activeTo))))
        .limit(1);
      if (child)
        throw new AppError(
          'UNIT_HAS_CHILDREN',
          `Đơn vị còn đơn vị trực thuộc đang hoạt động (${child.code} – ${child.name}); hãy đóng hoặc chuyển các đơn vị đó trước.`,
          [{ field: 'activeTo', message: 'Còn đơn vị trực thuộc đang hoạt động.' }],
        );
    }

    const newPath = childPath(parentPath, id);
    if (newPath !== current.path) await movePaths(tx, communeId, current.path, newPath);
    const [row] = await tx
      .update(unit)
      .set({ ...values, activeTo, mergedIntoId, parentId: parentId ?? null, ...unitKeys(values), version: sql`${unit.version} + 1`, updatedAt: now })
      .where(and(eq(unit.communeId, communeId), eq(unit.id, id), eq(unit.version, input.version)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    const action = input.mergedIntoId ? 'merge' : activeTo && !current.activeTo ? 'close' : 'update';
    await writeAudit(tx, actor, meta, {
      action,
      entityType: 'unit',
      entityId: id,
      communeId,
      summary: `${action === 'merge' ? 'Sáp nhập' : action === 'close' ? 'Đóng' : 'Sửa'} đơn vị ${row.code} – ${row.name}`,
      before: mapUnitRecord(current),
      after: mapUnitRecord(row),
    });
    return mapUnit(actor, row);
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
