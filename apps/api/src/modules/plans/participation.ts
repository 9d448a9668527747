import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { namesEveryone, owedUpward, proposeKinds, searchKey, type PlanDoc, type UnitKind } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { unit } from '../org';

type Deadline = PlanDoc['deadlines'][number];
type Group = PlanDoc['participantGroups'][number];

export interface PlanUnit {
  id: string;
  name: string;
  kind: UnitKind;
  sortKey: string;
}

/** The unit kinds a group covers: as the officer confirmed them, or as its name proposes. */
export function groupKinds(g: Group): UnitKind[] {
  return g.kinds ?? proposeKinds(g.name).kinds;
}

/** Kinds of the units that take part under a plan: those its participant groups cover. */
export function participatingKinds(doc: PlanDoc): UnitKind[] {
  return [...new Set(doc.participantGroups.flatMap(groupKinds))];
}

/** The commune's active units, in tree order. */
export async function activeUnits(tx: Tx, communeId: string, today: string): Promise<PlanUnit[]> {
  const rows = await tx
    .select({ id: unit.id, name: unit.name, kind: unit.kind, sortKey: unit.sortKey })
    .from(unit)
    .where(and(eq(unit.communeId, communeId), or(isNull(unit.activeTo), gte(unit.activeTo, today))));
  return rows.map((r) => ({ ...r, kind: r.kind as UnitKind })).sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

/** The units that take part: of the kinds the groups cover, and those chosen by name. */
export function participatingUnits<U extends { id: string; kind: string }>(doc: PlanDoc, units: U[]): U[] {
  const kinds = new Set(participatingKinds(doc));
  const chosen = new Set(doc.participantGroups.flatMap((g) => g.unitIds ?? []));
  return units.filter((u) => kinds.has(u.kind as UnitKind) || chosen.has(u.id));
}

/** Every unit a plan's groups choose by name must be a unit of this commune. */
export async function checkChosenUnits(tx: Tx, communeId: string, doc: PlanDoc): Promise<void> {
  const ids = [...new Set(doc.participantGroups.flatMap((g) => g.unitIds ?? []))];
  if (ids.length === 0) return;
  const found = new Set(
    (
      await tx
        .select({ id: unit.id })
        .from(unit)
        .where(and(eq(unit.communeId, communeId), inArray(unit.id, ids)))
    ).map((r) => r.id),
  );
  const details = doc.participantGroups.flatMap((g, i) =>
    (g.unitIds ?? []).some((id) => !found.has(id))
      ? [{ field: `doc.participantGroups.${i}.unitIds`, message: `Nhóm "${g.name}" chọn một đơn vị không thuộc xã, phường này.` }]
      : [],
  );
  if (details.length) throw new AppError('VALIDATION_FAILED', 'Đơn vị được chọn không thuộc xã, phường này.', details);
}

export type DeadlineOwner = { commune: true; units: [] } | { commune: false; units: PlanUnit[]; how: 'all' | 'named' | 'unread' };

/**
 * Who owes a deadline. The bodies its addressee line names ("Các cơ quan, đơn vị, ban, ngành" ->
 * offices, public service units and schools; a unit named in full), among the plan's participants;
 * all participants when it names none or all; the commune itself when the line names its own
 * culture office or people's committee, or the report goes to a higher level.
 */
export function deadlineOwners(d: Deadline, participants: PlanUnit[], units: PlanUnit[]): DeadlineOwner {
  if (owedUpward(d)) return { commune: true, units: [] };
  if (!d.from || namesEveryone(d.from)) return { commune: false, units: participants, how: 'all' };
  const kinds = new Set(proposeKinds(d.from).kinds);
  const key = searchKey(d.from);
  const byName = units.filter((u) => searchKey(u.name).length >= 8 && key.includes(searchKey(u.name)));
  // No kind of body and no unit's name in the line: every participant, flagged for the officer.
  if (kinds.size === 0 && byName.length === 0) return { commune: false, units: participants, how: 'unread' };
  const ids = new Set(byName.map((u) => u.id));
  const taking = new Set(participants.map((u) => u.id));
  return { commune: false, units: units.filter((u) => ids.has(u.id) || (kinds.has(u.kind) && taking.has(u.id))), how: 'named' };
}
