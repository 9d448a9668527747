import { describe, expect, it } from 'vitest';
import { parentKindError } from './org.rules';

describe('where a unit may sit', () => {
  it('a digital team works in a village or belongs to a mass organisation, nowhere else', () => {
    expect(parentKindError('digital_team', 'village')).toBeNull();
    expect(parentKindError('digital_team', 'mass_org')).toBeNull();
    for (const parent of ['office', 'school', 'enterprise', 'public_service', null] as const)
      expect(parentKindError('digital_team', parent), String(parent)).toMatch(/trực thuộc một thôn/u);
    expect(parentKindError('village', 'digital_team')).toMatch(/không có đơn vị trực thuộc/u);
  });
});
