/** Named permissions. Every API route declares exactly one (or `public` / `authenticated`). */
export const permissions = [
  'org.read',
  'org.territory.write',
  'org.unit.write',
  'person.read',
  'person.write',
  'user.read',
  'user.manage',
  'audit.read',
  'plan.read',
  'plan.write',
  'plan.publish',
] as const;
export type Permission = (typeof permissions)[number];

/** Roles, from the widest to the narrowest. */
export const roles = [
  'system_admin',
  'province_officer',
  'commune_admin',
  'chairman',
  'council_member',
  'unit_focal_point',
  'digital_team_member',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

/** The level of the tree a role is scoped to. */
export type ScopeLevel = 'system' | 'province' | 'commune' | 'unit';

export const roleScopeLevel: Record<Role, ScopeLevel> = {
  system_admin: 'system',
  province_officer: 'province',
  commune_admin: 'commune',
  chairman: 'commune',
  council_member: 'commune',
  unit_focal_point: 'unit',
  digital_team_member: 'unit',
  viewer: 'commune',
};

export const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: permissions,
  province_officer: ['org.read', 'person.read', 'user.read', 'audit.read', 'plan.read'],
  commune_admin: ['org.read', 'org.unit.write', 'person.read', 'person.write', 'user.read', 'user.manage', 'audit.read', 'plan.read', 'plan.write', 'plan.publish'],
  chairman: ['org.read', 'person.read', 'user.read', 'audit.read', 'plan.read', 'plan.publish'],
  council_member: ['org.read', 'person.read', 'plan.read'],
  unit_focal_point: ['org.read', 'person.read', 'person.write', 'plan.read', 'plan.write'],
  digital_team_member: ['org.read', 'person.read', 'plan.read'],
  viewer: ['org.read', 'plan.read'],
};

export const roleLabelsVi: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  province_officer: 'Cán bộ tỉnh/thành phố',
  commune_admin: 'Quản trị xã (Phòng VH-XH)',
  chairman: 'Chủ tịch UBND',
  council_member: 'Thành viên Hội đồng TĐKT',
  unit_focal_point: 'Đầu mối đơn vị',
  digital_team_member: 'Thành viên Tổ CNSCĐ',
  viewer: 'Người xem',
};
