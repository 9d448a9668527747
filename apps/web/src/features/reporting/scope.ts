/** Where the signed-in user works: the units of their unit-scoped roles, or the whole commune. */

/** The units the user reports and registers for through a unit-scoped role in this commune. */
export function myUnits(
  roles: readonly { role: string; communeId: string | null; unitId: string | null; scopeName: string }[],
  communeId: string,
): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of roles) {
    if (r.unitId && (r.communeId === communeId || r.communeId === null) && !seen.has(r.unitId)) seen.set(r.unitId, r.scopeName);
  }
  return [...seen.entries()].map(([id, name]) => ({ id, name }));
}

/** Whether the user sees the whole commune (a role not scoped to one unit). */
export function seesWholeCommune(roles: readonly { unitId: string | null }[]): boolean {
  return roles.some((r) => !r.unitId);
}
