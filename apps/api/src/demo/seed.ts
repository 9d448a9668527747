import { sql } from 'drizzle-orm';
import { inPhrase, type Role, type UnitKind } from '@tds/contracts';
import type { Db } from '../db/client';
import { rowsOf } from '../db/security';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import { seedMovement } from './seed-movement';
import { seedTraining } from './seed-training';
import { seedInitiatives } from './seed-initiatives';
import { seedInspections } from './seed-inspections';
import { seedScoring } from './seed-scoring';
import { commune, province, unit } from '../modules/org';
import { person } from '../modules/people';
import { appUser, roleAssignment } from '../modules/users';
import { seedPastCommuneReports } from '../modules/commune-reports';
import { communeValues, knownPasswordHash, personValues, provinceValues, roleValues, unitValues, userValues, type UnitSpec, type UserSpec } from './builders';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  where: string;
}

/** Demo password; must be changed at first login when NODE_ENV=production. */
export const DEMO_PASSWORD = 'ThiDua@2025';

const GIA_PHUC_UNITS: { code: string; name: string; kind: UnitKind; contactName?: string; phone?: string }[] = [
  { code: 'VP', name: 'Văn phòng HĐND và UBND xã', kind: 'office', contactName: 'Phạm Văn Hùng', phone: '0225 3712 001' },
  { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'office', contactName: 'Nguyễn Thị Hồng', phone: '0225 3712 002' },
  { code: 'KT', name: 'Phòng Kinh tế', kind: 'office', contactName: 'Trần Quốc Bảo' },
  { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công', kind: 'public_service' },
  { code: 'TTVHTT', name: 'Trung tâm Văn hóa, Thể thao và Truyền thông', kind: 'public_service' },
  { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam xã', kind: 'mass_org' },
  { code: 'DTN', name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh xã', kind: 'mass_org' },
  { code: 'HLHPN', name: 'Hội Liên hiệp Phụ nữ xã', kind: 'mass_org' },
  { code: 'HND', name: 'Hội Nông dân xã', kind: 'mass_org' },
  { code: 'HCCB', name: 'Hội Cựu chiến binh xã', kind: 'mass_org' },
  { code: 'MN-GP', name: 'Trường Mầm non Gia Phúc', kind: 'school' },
  { code: 'TH-GP', name: 'Trường Tiểu học Gia Phúc', kind: 'school' },
  { code: 'THCS-GP', name: 'Trường THCS Gia Phúc', kind: 'school' },
  { code: 'HTX-NN', name: 'Hợp tác xã Nông nghiệp Gia Phúc', kind: 'enterprise' },
  { code: 'DN-MAYGP', name: 'Công ty TNHH May mặc Gia Phúc', kind: 'enterprise' },
];
const GIA_PHUC_VILLAGES = ['Thôn Đông', 'Thôn Đoài', 'Thôn Nam', 'Thôn Bắc', 'Thôn Thượng', 'Thôn Hạ', 'Thôn Trung Hòa', 'Thôn Phú Lộc'];
const PEOPLE = [
  ['Nguyễn Chính Thống', 'male', 1972, 'Chủ tịch UBND xã', 'VP'],
  ['Nguyễn Thị Hồng', 'female', 1985, 'Trưởng phòng Văn hóa - Xã hội', 'VHXH'],
  ['Đỗ Minh Đức', 'male', 1990, 'Công chức văn hóa - xã hội', 'VHXH'],
  ['Lê Thị Dung', 'female', 1993, 'Chuyên viên', 'VHXH'],
  ['Trần Quốc Bảo', 'male', 1980, 'Trưởng phòng Kinh tế', 'KT'],
  ['Vũ Thị Ánh', 'female', 1995, 'Bí thư Đoàn xã', 'DTN'],
  ['Phạm Văn Hùng', 'male', 1978, 'Chánh Văn phòng', 'VP'],
  ['Hoàng Thị Yến', 'female', 1988, 'Hiệu trưởng', 'TH-GP'],
  ['Bùi Văn An', 'male', 1969, 'Chủ tịch Hội Nông dân', 'HND'],
  ['Đặng Thị Ngọc Ánh', 'female', 1991, 'Giáo viên', 'THCS-GP'],
] as const;

/**
 * Demo data: xã Gia Phúc (Hải Phòng, seed 000) with its offices, mass organisations, schools,
 * enterprises, villages and one community digital team per village; a second commune and a
 * second province so that tenancy shows; one account per role. The directory and the accounts are
 * written in one transaction, a few statements for all rows (the builders' row functions, so the
 * derived keys are the use-cases'); every demo account has the one hash of the demo password.
 */
/**
 * The demo accounts' addresses, on the `.example` domain that no real mail server serves: with
 * `npm run mail-sink` and SMTP_HOST=127.0.0.1 the reminders arrive there, and nowhere else.
 */
export function demoEmail(username: string): string {
  return `${username}@thiduaso.example`;
}

export async function seedDemo(db: Db, opts: { production: boolean; movement?: boolean }): Promise<DemoAccount[]> {
  const must = opts.production;
  // Hashed on the thread pool while the directory is written.
  const passwordHash = knownPasswordHash(DEMO_PASSWORD);
  const { accounts, users, gp } = await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const provinces = await tx
      .insert(province)
      .values([provinceValues({ code: 'HP', name: 'Thành phố Hải Phòng' }), provinceValues({ code: 'DNG', name: 'Thành phố Đà Nẵng' })])
      .returning();
    const hp = provinces.find((p) => p.code === 'HP')!;
    const dn = provinces.find((p) => p.code === 'DNG')!;
    const communes = await tx
      .insert(commune)
      .values([
        communeValues({ provinceId: hp.id, code: 'HP-GIAPHUC', name: 'Xã Gia Phúc', kind: 'xa' }),
        communeValues({ provinceId: hp.id, code: 'HP-HUNGDAO', name: 'Phường Hưng Đạo', kind: 'phuong' }),
        communeValues({ provinceId: dn.id, code: 'DN-BANTHACH', name: 'Phường Bàn Thạch', kind: 'phuong' }),
      ])
      .returning();
    const gp = communes.find((c) => c.code === 'HP-GIAPHUC')!;
    const hd = communes.find((c) => c.code === 'HP-HUNGDAO')!;
    const bt = communes.find((c) => c.code === 'DN-BANTHACH')!;

    // Every unit in one statement, in the order they were always made (parents before children).
    const units: ReturnType<typeof unitValues>[] = [];
    const add = (communeId: string, spec: UnitSpec, parent?: { id: string; path: string }) => {
      const row = unitValues(communeId, { ...spec, parentId: parent?.id ?? null }, parent?.path ?? null);
      units.push(row);
      return row;
    };
    const byCode = new Map<string, string>();
    for (const u of GIA_PHUC_UNITS) byCode.set(u.code, add(gp.id, { ...u, activeFrom: '2025-07-01' }).id);
    let villageNo = 0;
    for (const name of GIA_PHUC_VILLAGES) {
      villageNo++;
      const code = `THON-${String(villageNo).padStart(2, '0')}`;
      const village = add(gp.id, { code, name, kind: 'village', activeFrom: '2025-07-01' });
      byCode.set(code, village.id);
      const team = add(
        gp.id,
        { code: `${code}-CNS`, name: `Tổ công nghệ số cộng đồng ${inPhrase(name)}`, kind: 'digital_team', activeFrom: '2025-09-01' },
        village,
      );
      byCode.set(`${code}-CNS`, team.id);
    }
    for (const [i, name] of ['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 3'].entries()) {
      const v = add(hd.id, { code: `TDP-${i + 1}`, name, kind: 'village' });
      add(hd.id, { code: `TDP-${i + 1}-CNS`, name: `Tổ công nghệ số cộng đồng ${inPhrase(name)}`, kind: 'digital_team' }, v);
    }
    add(hd.id, { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'office' });
    add(bt.id, { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội', kind: 'office' });
    await tx.insert(unit).values(units);
    await tx
      .insert(person)
      .values(
        PEOPLE.map(([fullName, gender, birthYear, position, unitCode]) =>
          personValues(gp.id, { unitId: byCode.get(unitCode)!, fullName, gender, birthYear, position }),
        ),
      );

    const accounts: (Omit<DemoAccount, 'password'> & { spec: UserSpec })[] = [
      {
        username: 'admin',
        role: 'system_admin',
        where: 'Toàn hệ thống',
        spec: { username: 'admin', fullName: 'Quản trị hệ thống', password: DEMO_PASSWORD, roles: [{ role: 'system_admin' }] },
      },
      {
        username: 'haiphong.sonoivu',
        role: 'province_officer',
        where: 'Thành phố Hải Phòng',
        spec: {
          username: 'haiphong.sonoivu',
          fullName: 'Lưu Thị Thu (Sở Nội vụ)',
          password: DEMO_PASSWORD,
          provinceId: hp.id,
          roles: [{ role: 'province_officer', provinceId: hp.id }],
        },
      },
      {
        username: 'giaphuc.vhxh',
        role: 'commune_admin',
        where: 'Xã Gia Phúc',
        spec: { username: 'giaphuc.vhxh', fullName: 'Nguyễn Thị Hồng', password: DEMO_PASSWORD, roles: [{ role: 'commune_admin', communeId: gp.id }] },
      },
      {
        username: 'giaphuc.chutich',
        role: 'chairman',
        where: 'Xã Gia Phúc',
        spec: {
          username: 'giaphuc.chutich',
          fullName: 'Nguyễn Chính Thống',
          password: DEMO_PASSWORD,
          roles: [
            { role: 'chairman', communeId: gp.id },
            { role: 'council_member', communeId: gp.id },
          ],
        },
      },
      {
        username: 'giaphuc.hoidong',
        role: 'council_member',
        where: 'Hội đồng Thi đua - Khen thưởng xã Gia Phúc',
        spec: { username: 'giaphuc.hoidong', fullName: 'Phạm Văn Đức', password: DEMO_PASSWORD, roles: [{ role: 'council_member', communeId: gp.id }] },
      },
      {
        username: 'giaphuc.truong-th',
        role: 'unit_focal_point',
        where: 'Trường Tiểu học Gia Phúc',
        spec: {
          username: 'giaphuc.truong-th',
          fullName: 'Hoàng Thị Yến',
          password: DEMO_PASSWORD,
          roles: [{ role: 'unit_focal_point', communeId: gp.id, unitId: byCode.get('TH-GP')! }],
        },
      },
      {
        username: 'giaphuc.thondong',
        role: 'digital_team_member',
        where: 'Tổ CNSCĐ thôn Đông',
        spec: {
          username: 'giaphuc.thondong',
          fullName: 'Vũ Thị Ánh',
          password: DEMO_PASSWORD,
          roles: [{ role: 'digital_team_member', communeId: gp.id, unitId: byCode.get('THON-01-CNS')! }],
        },
      },
      {
        username: 'hungdao.vhxh',
        role: 'commune_admin',
        where: 'Phường Hưng Đạo',
        spec: { username: 'hungdao.vhxh', fullName: 'Trịnh Văn Long', password: DEMO_PASSWORD, roles: [{ role: 'commune_admin', communeId: hd.id }] },
      },
      {
        username: 'banthach.vhxh',
        role: 'commune_admin',
        where: 'Phường Bàn Thạch',
        spec: { username: 'banthach.vhxh', fullName: 'Ngô Thị Mai', password: DEMO_PASSWORD, roles: [{ role: 'commune_admin', communeId: bt.id }] },
      },
    ];
    const hash = await passwordHash;
    const made = await tx
      .insert(appUser)
      .values(accounts.map((a) => userValues({ ...a.spec, email: demoEmail(a.username), mustChangePassword: must }, hash)))
      .returning({ id: appUser.id, username: appUser.username });
    const users = new Map(made.map((u) => [u.username, u.id]));
    await tx.insert(roleAssignment).values(accounts.flatMap((a) => roleValues(users.get(a.username)!, a.spec.roles)));
    return { accounts, users, gp };
  });
  if (opts.movement !== false) {
    await seedMovement(db, { adminUserId: users.get('admin')!, communeId: gp.id, keepOpenUnitCode: 'TH-GP' });
    await seedTraining(db, { communeId: gp.id, adminUserId: users.get('admin')! });
    await seedInitiatives(db, { communeId: gp.id, adminUserId: users.get('admin')! });
    await seedInspections(db, { communeId: gp.id, adminUserId: users.get('admin')! });
    await seedScoring(db, { communeId: gp.id, memberIds: [users.get('giaphuc.chutich')!, users.get('giaphuc.hoidong')!] });
    // The commune's reports to the city of the years gone by, received by the city's officer.
    await seedPastCommuneReports(db, {
      communeId: gp.id,
      authorName: 'Nguyễn Thị Hồng',
      reviewerId: users.get('haiphong.sonoivu')!,
      reviewerName: 'Lưu Thị Thu (Sở Nội vụ)',
    });
  }
  return accounts.map(({ username, role, where }) => ({ username, password: DEMO_PASSWORD, role, where }));
}

/** True when the database holds no province yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const r = await inScope(db, SYSTEM_SCOPE, (tx) => tx.execute(sql`select count(*)::int as n from province`));
  return (rowsOf<{ n: number }>(r)[0]?.n ?? 0) === 0;
}

/** National catalogues seeded by migrations: a demo reset keeps them, a restore replaces them. */
export const CATALOGUE_TABLES = ['award_kind', 'indicator'];

/** Remove every row of every table (demo reset, restore into a used database). Runs as the owner. */
export async function truncateAll(db: Db, opts: { includeCatalogues?: boolean } = {}): Promise<void> {
  const r = await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
  const tables = rowsOf<{ tablename: string }>(r)
    .filter((t) => opts.includeCatalogues || !CATALOGUE_TABLES.includes(t.tablename))
    .map((t) => `"${t.tablename}"`);
  if (tables.length) await db.execute(sql.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`));
}
