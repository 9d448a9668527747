import type { Role } from '@tds/contracts';
import type { Db } from '../db/client';
import { makeCommune, makePerson, makeProvince, makeUnit, makeUser } from './factories';

export const PASSWORD = 'MatKhau@2025';

/**
 * A small world for integration tests: two provinces, communes A and B in province P1, commune C
 * in P2, units in each, and one user per role scoped to commune A (plus admins of B).
 */
export async function buildWorld(db: Db) {
  const p1 = await makeProvince(db, { code: 'P1', name: 'Tỉnh Một' });
  const p2 = await makeProvince(db, { code: 'P2', name: 'Tỉnh Hai' });
  const a = await makeCommune(db, { provinceId: p1.id, code: 'A', name: 'Xã Gia Phúc' });
  const b = await makeCommune(db, { provinceId: p1.id, code: 'B', name: 'Phường Hưng Đạo', kind: 'phuong' });
  const c = await makeCommune(db, { provinceId: p2.id, code: 'C', name: 'Phường Bàn Thạch', kind: 'phuong' });
  const aOffice = await makeUnit(db, a.id, { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'office' });
  const aSchool = await makeUnit(db, a.id, { code: 'TH', name: 'Trường Tiểu học', kind: 'school' });
  const aVillage = await makeUnit(db, a.id, { code: 'THON-1', name: 'Thôn Đông', kind: 'village' });
  const aTeam = await makeUnit(db, a.id, { code: 'THON-1-CNS', name: 'Tổ CNSCĐ thôn Đông', kind: 'digital_team', parentId: aVillage.id });
  const bOffice = await makeUnit(db, b.id, { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'office' });
  const cOffice = await makeUnit(db, c.id, { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'office' });
  const aPerson = await makePerson(db, a.id, { unitId: aSchool.id, fullName: 'Nguyễn Văn An', gender: 'male', birthYear: 1980 });
  const bPerson = await makePerson(db, b.id, { unitId: bOffice.id, fullName: 'Trần Thị Bình', gender: 'female', birthYear: 1990 });
  const cPerson = await makePerson(db, c.id, { unitId: cOffice.id, fullName: 'Lê Văn Cường', gender: 'male', birthYear: 1975 });

  const users: Record<string, { id: string; username: string }> = {};
  const add = async (
    username: string,
    roles: { role: Role; provinceId?: string; communeId?: string; unitId?: string }[],
    extra: { provinceId?: string } = {},
  ) => {
    const u = await makeUser(db, { username, password: PASSWORD, roles, ...extra });
    users[username] = { id: u.id, username };
  };
  await add('sysadmin', [{ role: 'system_admin' }]);
  await add('province1', [{ role: 'province_officer', provinceId: p1.id }], { provinceId: p1.id });
  await add('a.admin', [{ role: 'commune_admin', communeId: a.id }]);
  await add('a.chair', [{ role: 'chairman', communeId: a.id }]);
  await add('a.council', [{ role: 'council_member', communeId: a.id }]);
  await add('a.focal', [{ role: 'unit_focal_point', communeId: a.id, unitId: aSchool.id }]);
  await add('a.team', [{ role: 'digital_team_member', communeId: a.id, unitId: aTeam.id }]);
  await add('a.viewer', [{ role: 'viewer', communeId: a.id }]);
  await add('a.target', [{ role: 'viewer', communeId: a.id }]);
  await add('b.admin', [{ role: 'commune_admin', communeId: b.id }]);
  await add('c.admin', [{ role: 'commune_admin', communeId: c.id }]);
  return { p1, p2, a, b, c, aOffice, aSchool, aVillage, aTeam, bOffice, cOffice, aPerson, bPerson, cPerson, users };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** One user per role, all scoped to commune A (the matrix's "own commune"). */
export const ROLE_USERS: Record<Role, string> = {
  system_admin: 'sysadmin',
  province_officer: 'province1',
  commune_admin: 'a.admin',
  chairman: 'a.chair',
  council_member: 'a.council',
  unit_focal_point: 'a.focal',
  digital_team_member: 'a.team',
  viewer: 'a.viewer',
};
