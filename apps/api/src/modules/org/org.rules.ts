import type { UnitKind } from '@tds/contracts';

/** A unit is active on `day` when that day falls inside [activeFrom, activeTo]. */
export function isActiveOn(u: { activeFrom: string | null; activeTo: string | null }, day: string): boolean {
  return (!u.activeFrom || u.activeFrom <= day) && (!u.activeTo || u.activeTo >= day);
}

/** True when the range is empty the wrong way round. */
export function badRange(from: string | null | undefined, to: string | null | undefined): boolean {
  return !!from && !!to && to < from;
}

/** Path of a unit under a parent path (or at the root). */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Moving a unit under `newParentPath` would create a cycle when that path runs through the unit. */
export function wouldCycle(unitId: string, newParentPath: string | null): boolean {
  return !!newParentPath && newParentPath.includes(`/${unitId}/`);
}

/** Which parent kinds a kind of unit may sit under (null = may be a root). */
export function parentKindError(kind: UnitKind, parentKind: UnitKind | null): string | null {
  // A team works in a village, or belongs to a mass organisation (the youth union's team).
  if (kind === 'digital_team' && parentKind !== 'village' && parentKind !== 'mass_org')
    return 'Tổ công nghệ số cộng đồng phải trực thuộc một thôn, xóm, tổ dân phố hoặc một tổ chức đoàn thể.';
  if (parentKind === 'digital_team') return 'Tổ công nghệ số cộng đồng không có đơn vị trực thuộc.';
  return null;
}
