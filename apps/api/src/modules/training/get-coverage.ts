import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { computeCoverage } from './coverage';
import { communePage } from './training-pages';

/** The commune's coverage in a year: aggregates only (no resident's details), for every reader of the commune and its province. */
export async function getCoverage(opts: { db: Db; actor: Actor; communeId: string; year: number }) {
  return communePage(opts, `coverage|${opts.year}`, (tx) => computeCoverage(tx, opts.communeId, opts.year));
}
