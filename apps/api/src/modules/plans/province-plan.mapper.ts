import type { provincePlan } from './plans.table';

/** A province plan row as the API answers it (pure: no query). */
export const mapProvincePlan = ({ createdAt: _c, ...r }: typeof provincePlan.$inferSelect) => r;
