import { describe, expect, it } from 'vitest';
import { defaultRegistrationPlan, myUnits, seesWholeCommune } from './scope';

describe('scope', () => {
  it('finds the units a user registers for, and whether they see the whole commune', () => {
    const roles: { role: string; communeId: string | null; unitId: string | null; scopeName: string }[] = [
      { role: 'unit_focal_point', communeId: 'A', unitId: 'u1', scopeName: 'Trường' },
      { role: 'digital_team_member', communeId: 'A', unitId: 'u1', scopeName: 'Trường' },
      { role: 'unit_focal_point', communeId: 'B', unitId: 'u9', scopeName: 'Khác' },
    ];
    expect(myUnits(roles, 'A')).toEqual([{ id: 'u1', name: 'Trường' }]);
    expect(seesWholeCommune(roles)).toBe(false);
    expect(seesWholeCommune([...roles, { role: 'commune_admin', communeId: 'A', unitId: null as string | null, scopeName: 'Xã A' }])).toBe(true);
  });

  it('opens a unit on the first published plan it takes part in, not on the newest plan of the commune', () => {
    const plans = [{ id: 'newer-plan-without-schools' }, { id: 'movement-plan' }];
    expect(defaultRegistrationPlan(plans, [{ planId: 'movement-plan' }], false)).toBe('movement-plan');
    // Still loading the unit's items: no plan yet, so the page does not settle on the wrong one.
    expect(defaultRegistrationPlan(plans, undefined, false)).toBeUndefined();
    // Takes part in none: the first plan (the page says the unit is not in it).
    expect(defaultRegistrationPlan(plans, [], false)).toBe('newer-plan-without-schools');
    // The whole commune: the first plan.
    expect(defaultRegistrationPlan(plans, undefined, true)).toBe('newer-plan-without-schools');
    expect(defaultRegistrationPlan([], [], false)).toBeUndefined();
  });
});
