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

/**
 * The plan the registration page opens on. The whole commune: the first published plan. A unit: the
 * first published plan in which it takes part (it has a registration item under it); undefined while
 * its items load, so that the page does not settle on a plan the unit has no part in; the first plan
 * when it takes part in none (the page then says so).
 */
export function defaultRegistrationPlan(
  plans: readonly { id: string }[],
  unitItems: readonly { planId: string }[] | undefined,
  wholeCommune: boolean,
): string | undefined {
  if (wholeCommune) return plans[0]?.id;
  if (!unitItems) return undefined;
  const taking = new Set(unitItems.map((d) => d.planId));
  return (plans.find((p) => taking.has(p.id)) ?? plans[0])?.id;
}
