import type { PlanPublishedHook } from '../../platform/module';
import { communeDueItemsFor } from './commune-due-items';
import { publishedPlans, upsertDueItems } from './commune-report.store';

/**
 * When the commune publishes (or re-publishes) one of its own plans, the commune's due items to the
 * province follow its published plans: created, their due dates refreshed, each with a draft report.
 * Idempotent; a unit's own plan changes nothing.
 */
export const refreshCommuneDueItems: PlanPublishedHook = async (tx, { communeId, planId, now }) => {
  const plans = await publishedPlans(tx, communeId);
  if (!plans.some((p) => p.id === planId)) return;
  await upsertDueItems(tx, communeId, communeDueItemsFor(plans.map((p) => p.doc)), now);
};
