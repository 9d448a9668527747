import { describe, expect, it } from 'vitest';
import { myUnits, seesWholeCommune } from './scope';

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
});
