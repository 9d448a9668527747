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
  /** A province's own plans that its communes implement: enter, correct, remove (province users). */
  'province_plan.write',
  /** Registrations, reports, completeness, dashboards and the consolidated report: read. */
  'report.read',
  /** Register a unit, fill and submit its reports and unit plan (unit roles: their own subtree). */
  'report.write',
  /** Open/close registration, accept, return and reopen reports. */
  'report.review',
  /** Indicator catalogue (commune's own indicators) and targets. */
  'indicator.manage',
  /** Reminder settings and the outbox. */
  'notify.manage',
  /** The communes' reports to their province: receive (accept) or return them with a comment (province users). */
  'commune_report.review',
  /** Bình dân học vụ số: coverage, sessions and teams (aggregates, no resident's details). */
  'training.read',
  /** Residents, sessions, attendance, help and completions of the villages the user's team serves (or the whole commune). */
  'training.record',
  /** Skill modules of the commune, the basic set, the adult population of villages, the teams' founding decisions. */
  'training.manage',
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
  province_officer: [
    'org.read',
    'person.read',
    'user.read',
    'audit.read',
    'plan.read',
    'province_plan.write',
    'report.read',
    'indicator.manage',
    'commune_report.review',
    'training.read',
  ],
  commune_admin: [
    'org.read',
    'org.unit.write',
    'person.read',
    'person.write',
    'user.read',
    'user.manage',
    'audit.read',
    'plan.read',
    'plan.write',
    'plan.publish',
    'report.read',
    'report.write',
    'report.review',
    'indicator.manage',
    'notify.manage',
    'training.read',
    'training.record',
    'training.manage',
  ],
  chairman: ['org.read', 'person.read', 'user.read', 'audit.read', 'plan.read', 'plan.publish', 'report.read', 'training.read'],
  council_member: ['org.read', 'person.read', 'plan.read', 'report.read', 'training.read'],
  unit_focal_point: ['org.read', 'person.read', 'person.write', 'plan.read', 'plan.write', 'report.read', 'report.write', 'training.read'],
  digital_team_member: ['org.read', 'person.read', 'plan.read', 'report.read', 'report.write', 'training.read', 'training.record'],
  viewer: ['org.read', 'plan.read', 'report.read', 'training.read'],
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
