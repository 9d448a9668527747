import { inArray } from 'drizzle-orm';
import { roleLabelsVi, type RoleAssignment, type Role } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { commune, province, unit } from '../org';

interface RoleLike {
  role: Role | string;
  provinceId: string | null;
  communeId: string | null;
  unitId: string | null;
}

/** Role assignments with a readable name of the node each is scoped to. */
export async function describeRoles(tx: Tx, list: readonly RoleLike[]): Promise<RoleAssignment[]> {
  const ids = (pick: (r: RoleLike) => string | null) => [...new Set(list.map(pick).filter((x): x is string => !!x))];
  // One query at a time: a transaction's connection runs its statements in turn.
  const provinces = ids((r) => r.provinceId).length
    ? await tx
        .select({ id: province.id, name: province.name })
        .from(province)
        .where(
          inArray(
            province.id,
            ids((r) => r.provinceId),
          ),
        )
    : [];
  const communes = ids((r) => r.communeId).length
    ? await tx
        .select({ id: commune.id, name: commune.name })
        .from(commune)
        .where(
          inArray(
            commune.id,
            ids((r) => r.communeId),
          ),
        )
    : [];
  const units = ids((r) => r.unitId).length
    ? await tx
        .select({ id: unit.id, name: unit.name })
        .from(unit)
        .where(
          inArray(
            unit.id,
            ids((r) => r.unitId),
          ),
        )
    : [];
  const name = (rows: { id: string; name: string }[], id: string | null) => rows.find((r) => r.id === id)?.name;
  return list.map((r) => ({
    role: r.role as Role,
    provinceId: r.provinceId,
    communeId: r.communeId,
    unitId: r.unitId,
    scopeName:
      r.role === 'system_admin'
        ? 'Toàn hệ thống'
        : [name(units, r.unitId), name(communes, r.communeId), name(provinces, r.provinceId)].filter(Boolean).join(' – ') || roleLabelsVi[r.role as Role] || '',
  }));
}
