/** Schema barrel: every module's tables, for Drizzle and drizzle-kit. */
export * from '../modules/org/org.table';
export * from '../modules/people/people.table';
export * from '../modules/users/users.table';
export * from '../modules/auth/auth.table';
export * from '../modules/audit/audit.table';
export * from '../modules/plans/plans.table';
export * from '../modules/indicators/indicators.table';
export * from '../modules/reporting/reporting.table';
export * from '../modules/notify/notify.table';
