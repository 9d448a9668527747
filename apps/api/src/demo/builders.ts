import { eq } from 'drizzle-orm';
import { cleanText, personSortKey, searchKey, type PlanDoc, type Role, type UnitKind } from '@tds/contracts';
import type { Db } from '../db/client';
import { hashPassword } from '../platform/passwords';
import { childPath } from '../modules/org';
import { commune, province, unit } from '../modules/org';
import { unitKeys } from '../modules/org';
import { person } from '../modules/people';
import { plan, planVersion } from '../modules/plans';
import { appUser, roleAssignment } from '../modules/users';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';

/**
 * Factories shared by the tests, the demo data and the browser tests. They write directly (as the
 * system scope), with the same derived keys the use-cases compute; the `*Values` functions give the
 * rows themselves, for writing many in one statement (the demo data).
 */

/** The row of a province, with the derived keys. */
export function provinceValues(v: { code: string; name: string }) {
  return { code: v.code, name: cleanText(v.name), searchKey: searchKey(v.name) };
}

export async function makeProvince(db: Db, v: { code: string; name: string }) {
  const [row] = await inScope(db, SYSTEM_SCOPE, (tx) => tx.insert(province).values(provinceValues(v)).returning());
  return row!;
}

export interface CommuneSpec {
  provinceId: string;
  code: string;
  name: string;
  kind?: 'xa' | 'phuong' | 'dac_khu';
}

/** The row of a commune, with the derived keys. */
export function communeValues(v: CommuneSpec) {
  return { provinceId: v.provinceId, code: v.code, name: cleanText(v.name), kind: v.kind ?? 'xa', searchKey: searchKey(v.name) };
}

export async function makeCommune(db: Db, v: CommuneSpec) {
  const [row] = await inScope(db, SYSTEM_SCOPE, (tx) => tx.insert(commune).values(communeValues(v)).returning());
  return row!;
}

export interface UnitSpec {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  contactName?: string | null;
  phone?: string | null;
  email?: string | null;
  activeFrom?: string | null;
  activeTo?: string | null;
}

/** The row of a unit under the parent whose path is `parentPath` (null: a root unit), with a new id, its path and the derived keys. */
export function unitValues(communeId: string, v: UnitSpec, parentPath: string | null) {
  const id = crypto.randomUUID();
  return {
    communeId,
    id,
    code: v.code,
    name: cleanText(v.name),
    kind: v.kind,
    parentId: v.parentId ?? null,
    path: childPath(parentPath, id),
    contactName: v.contactName ?? null,
    phone: v.phone ?? null,
    email: v.email ?? null,
    activeFrom: v.activeFrom ?? null,
    activeTo: v.activeTo ?? null,
    ...unitKeys(v),
  };
}

export async function makeUnit(db: Db, communeId: string, v: UnitSpec) {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    let parentPath: string | null = null;
    if (v.parentId) {
      const [p] = await tx.select({ path: unit.path }).from(unit).where(eq(unit.id, v.parentId));
      parentPath = p?.path ?? null;
    }
    const [row] = await tx
      .insert(unit)
      .values(unitValues(communeId, v, parentPath))
      .returning();
    return row!;
  });
}

export interface PersonSpec {
  unitId: string;
  fullName: string;
  gender?: 'male' | 'female' | 'other';
  birthYear?: number;
  position?: string;
}

/** The row of a person, with the derived keys. */
export function personValues(communeId: string, v: PersonSpec) {
  const fullName = cleanText(v.fullName);
  return {
    communeId,
    unitId: v.unitId,
    fullName,
    gender: v.gender ?? null,
    birthYear: v.birthYear ?? null,
    position: v.position ?? null,
    searchKey: searchKey(`${fullName} ${v.position ?? ''}`),
    sortKey: personSortKey(fullName),
  };
}

export async function makePerson(db: Db, communeId: string, v: PersonSpec) {
  const [row] = await inScope(db, SYSTEM_SCOPE, (tx) => tx.insert(person).values(personValues(communeId, v)).returning());
  return row!;
}

export interface UserSpec {
  username: string;
  fullName?: string;
  password: string;
  email?: string | null;
  communeId?: string | null;
  provinceId?: string | null;
  mustChangePassword?: boolean;
  roles: { role: Role; provinceId?: string | null; communeId?: string | null; unitId?: string | null }[];
}

const knownHashes = new Map<string, Promise<string>>();

/**
 * The argon2id hash of one of the few passwords the demo accounts and the test users share,
 * computed once per process and reused: each hash costs tens of milliseconds on purpose, and the
 * builders make many accounts with the same known password. Only these builders use it; accounts
 * made through the users module (and every password change) get a hash and salt of their own.
 */
export function knownPasswordHash(password: string): Promise<string> {
  let hashed = knownHashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    knownHashes.set(password, hashed);
    hashed.catch(() => knownHashes.delete(password));
  }
  return hashed;
}

/** The row of a user (without the role assignments) with the given password hash. */
export function userValues(v: UserSpec, passwordHash: string) {
  const fullName = v.fullName ?? v.username;
  return {
    username: v.username,
    fullName,
    passwordHash,
    email: v.email ?? null,
    mustChangePassword: v.mustChangePassword ?? false,
    communeId: v.communeId ?? v.roles.find((r) => r.communeId)?.communeId ?? null,
    provinceId: v.provinceId ?? null,
    searchKey: searchKey(`${v.username} ${fullName}`),
  };
}

/** The role assignment rows of a user. */
export function roleValues(userId: string, roles: UserSpec['roles']) {
  return roles.map((r) => ({ userId, role: r.role, provinceId: r.provinceId ?? null, communeId: r.communeId ?? null, unitId: r.unitId ?? null }));
}

export async function makeUser(db: Db, v: UserSpec) {
  const passwordHash = await knownPasswordHash(v.password);
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const [row] = await tx.insert(appUser).values(userValues(v, passwordHash)).returning();
    if (v.roles.length) await tx.insert(roleAssignment).values(roleValues(row!.id, v.roles));
    return row!;
  });
}

/** A plan with its first version (draft unless `published`), for tests. */
export async function makePlan(db: Db, communeId: string, v: { doc: PlanDoc; ownerUnitId?: string | null; parentPlanId?: string | null }) {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const [row] = await tx
      .insert(plan)
      .values({
        communeId,
        title: v.doc.title ?? 'Kế hoạch',
        number: v.doc.number,
        date: v.doc.date,
        status: 'draft',
        currentVersion: 1,
        ownerUnitId: v.ownerUnitId ?? null,
        parentPlanId: v.parentPlanId ?? null,
        searchKey: searchKey(v.doc.title ?? ''),
      })
      .returning();
    await tx.insert(planVersion).values({ communeId, planId: row!.id, version: 1, doc: v.doc, note: 'factory' });
    return row!;
  });
}
