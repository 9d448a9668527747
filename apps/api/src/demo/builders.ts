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
 * system scope), with the same derived keys the use-cases compute.
 */
export async function makeProvince(db: Db, v: { code: string; name: string }) {
  const [row] = await inScope(db, SYSTEM_SCOPE, (tx) => tx.insert(province).values({ code: v.code, name: cleanText(v.name), searchKey: searchKey(v.name) }).returning());
  return row!;
}

export async function makeCommune(db: Db, v: { provinceId: string; code: string; name: string; kind?: 'xa' | 'phuong' | 'dac_khu' }) {
  const [row] = await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx.insert(commune).values({ provinceId: v.provinceId, code: v.code, name: cleanText(v.name), kind: v.kind ?? 'xa', searchKey: searchKey(v.name) }).returning());
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

export async function makeUnit(db: Db, communeId: string, v: UnitSpec) {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    let parentPath: string | null = null;
    if (v.parentId) {
      const [p] = await tx.select({ path: unit.path }).from(unit).where(eq(unit.id, v.parentId));
      parentPath = p?.path ?? null;
    }
    const id = crypto.randomUUID();
    const [row] = await tx.insert(unit).values({
      communeId, id, code: v.code, name: cleanText(v.name), kind: v.kind, parentId: v.parentId ?? null, path: childPath(parentPath, id),
      contactName: v.contactName ?? null, phone: v.phone ?? null, email: v.email ?? null, activeFrom: v.activeFrom ?? null, activeTo: v.activeTo ?? null,
      ...unitKeys(v),
    }).returning();
    return row!;
  });
}

export async function makePerson(db: Db, communeId: string, v: { unitId: string; fullName: string; gender?: 'male' | 'female' | 'other'; birthYear?: number; position?: string }) {
  const fullName = cleanText(v.fullName);
  const [row] = await inScope(db, SYSTEM_SCOPE, (tx) => tx.insert(person).values({
    communeId, unitId: v.unitId, fullName, gender: v.gender ?? null, birthYear: v.birthYear ?? null, position: v.position ?? null,
    searchKey: searchKey(`${fullName} ${v.position ?? ''}`), sortKey: personSortKey(fullName),
  }).returning());
  return row!;
}

export interface UserSpec {
  username: string;
  fullName?: string;
  password: string;
  communeId?: string | null;
  provinceId?: string | null;
  mustChangePassword?: boolean;
  roles: { role: Role; provinceId?: string | null; communeId?: string | null; unitId?: string | null }[];
}

export async function makeUser(db: Db, v: UserSpec) {
  const passwordHash = await hashPassword(v.password);
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const fullName = v.fullName ?? v.username;
    const [row] = await tx.insert(appUser).values({
      username: v.username, fullName, passwordHash, mustChangePassword: v.mustChangePassword ?? false,
      communeId: v.communeId ?? v.roles.find((r) => r.communeId)?.communeId ?? null,
      provinceId: v.provinceId ?? null, searchKey: searchKey(`${v.username} ${fullName}`),
    }).returning();
    if (v.roles.length) {
      await tx.insert(roleAssignment).values(v.roles.map((r) => ({ userId: row!.id, role: r.role, provinceId: r.provinceId ?? null, communeId: r.communeId ?? null, unitId: r.unitId ?? null })));
    }
    return row!;
  });
}

/** A plan with its first version (draft unless `published`), for tests. */
export async function makePlan(db: Db, communeId: string, v: { doc: PlanDoc; ownerUnitId?: string | null; parentPlanId?: string | null }) {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const [row] = await tx.insert(plan).values({
      communeId, title: v.doc.title ?? 'Kế hoạch', number: v.doc.number, date: v.doc.date, status: 'draft', currentVersion: 1,
      ownerUnitId: v.ownerUnitId ?? null, parentPlanId: v.parentPlanId ?? null, searchKey: searchKey(v.doc.title ?? ''),
    }).returning();
    await tx.insert(planVersion).values({ communeId, planId: row!.id, version: 1, doc: v.doc, note: 'factory' });
    return row!;
  });
}
