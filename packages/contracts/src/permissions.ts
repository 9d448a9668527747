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
  /** Rubrics, the published scores, classifications and rankings of the commune's units. */
  'scoring.read',
  /** Build rubrics (from the plan's criteria or a province template), open, close and publish the scoring, return a self-assessment. */
  'scoring.manage',
  /** A unit's own self-assessment against its rubric, with evidence (the unit's own roles). */
  'scoring.assess',
  /** A council member's independent scores (sealed until every member has submitted or the scoring closes). */
  'scoring.score',
  /** The province's rubric templates that its communes copy (province officers). */
  'scoring.template',
  /** The register of initiatives (sáng kiến, giải pháp) and their recognitions. */
  'initiative.read',
  /** Register and edit initiatives of the user's units (or the whole commune). */
  'initiative.write',
  /** Record an initiative's recognition (a decision or a confirmation of effect). */
  'initiative.recognize',
  /** Exemplary models (điển hình tiên tiến, mô hình hay). */
  'model.read',
  /** Record and edit exemplary models of the user's units (or the whole commune). */
  'model.write',
  /** Publish a model (the public portal shows published ones) and export the yearly list. */
  'model.publish',
  /** Inspections (kiểm tra, giám sát) of units: visits, findings, recommendations, answers. */
  'inspection.read',
  /** Plan visits, close findings and inspections (the council's office). */
  'inspection.manage',
  /** Record findings and recommendations of a visit (council members on it). */
  'inspection.record',
  /** Answer a recommendation made to the user's own unit. */
  'inspection.answer',
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
    'scoring.read',
    'initiative.read',
    'model.read',
    'inspection.read',
    'scoring.template',
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
    'scoring.read',
    'scoring.manage',
    'initiative.read',
    'initiative.write',
    'initiative.recognize',
    'model.read',
    'model.write',
    'model.publish',
    'inspection.read',
    'inspection.manage',
    'inspection.record',
  ],
  chairman: [
    'org.read',
    'person.read',
    'user.read',
    'audit.read',
    'plan.read',
    'plan.publish',
    'report.read',
    'training.read',
    'scoring.read',
    'scoring.score',
    'initiative.read',
    'initiative.recognize',
    'model.read',
    'inspection.read',
    'inspection.record',
  ],
  council_member: [
    'org.read',
    'person.read',
    'plan.read',
    'report.read',
    'training.read',
    'scoring.read',
    'scoring.score',
    'initiative.read',
    'model.read',
    'inspection.read',
    'inspection.record',
  ],
  unit_focal_point: [
    'org.read',
    'person.read',
    'person.write',
    'plan.read',
    'plan.write',
    'report.read',
    'report.write',
    'training.read',
    'scoring.read',
    'scoring.assess',
    'initiative.read',
    'initiative.write',
    'model.read',
    'model.write',
    'inspection.read',
    'inspection.answer',
  ],
  digital_team_member: [
    'org.read',
    'person.read',
    'plan.read',
    'report.read',
    'report.write',
    'training.read',
    'training.record',
    'initiative.read',
    'model.read',
  ],
  viewer: ['org.read', 'plan.read', 'report.read', 'training.read', 'scoring.read', 'initiative.read', 'model.read', 'inspection.read'],
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
