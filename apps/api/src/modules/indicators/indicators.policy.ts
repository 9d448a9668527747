import type { Indicator, IndicatorList, TargetList } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { can } from '../../platform/authorize';

/**
 * May `actor` manage the indicators and targets of this commune: the check of the create, edit, target
 * and split routes (authorize 'indicator.manage' on the commune), also behind every `can` below.
 */
export const managesCommune = (actor: Actor, communeId: string) => can(actor, 'indicator.manage', { communeId });

/** May `actor` set and split the province's own targets (authorizeProvince 'indicator.manage'). */
export const managesProvince = (actor: Actor, provinceId: string) => can(actor, 'indicator.manage', { provinceId });

/**
 * A commune's own indicator may be edited by who manages the commune's indicators; national ones by no
 * commune. The unit kinds that report an indicator, national or own, are chosen in the commune `viewer`
 * by the same people (the check of PUT .../indicators/:code/unit-kinds).
 */
export function indicatorAbilities(actor: Actor, communeId: string | null, viewer: string | null = communeId): Indicator['can'] {
  return { edit: !!communeId && managesCommune(actor, communeId), chooseKinds: !!viewer && managesCommune(actor, viewer) };
}

/** Adding an indicator: to a commune's own list only. */
export function indicatorListAbilities(actor: Actor, communeId: string | null): IndicatorList['can'] {
  return { create: !!communeId && managesCommune(actor, communeId) };
}

export function communeTargetAbilities(actor: Actor, communeId: string): TargetList['can'] {
  const m = managesCommune(actor, communeId);
  return { edit: m, split: m };
}

export function provinceTargetAbilities(actor: Actor, provinceId: string): TargetList['can'] {
  const m = managesProvince(actor, provinceId);
  return { edit: m, split: m };
}
