/** The plan parser: text → structured plan (and the decision issuing it), with source spans. */
export { parsePlanText } from './parse-plan.js';
export { normalisePlanText } from './normalise.js';
export { AWARD_FORM_CATALOGUE, awardCode } from './awards.js';
