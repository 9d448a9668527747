import { feedCache } from '../../platform/change-feed';

/**
 * Rankings and the province's league kept in memory. A ranking is frozen once its rubric closes and
 * is the same for everyone allowed to read it (checked in memory before the cache is asked), so it
 * changes only when a rubric or its results are written (they announce 'scoring:<commune id>'), or a
 * unit or commune is renamed ('unit:', 'commune:'). Any of these drops everything kept here.
 * Without a live change feed every request reads.
 */
export const scoringPages = feedCache<unknown>((kind) => (kind === 'scoring' || kind === 'unit' || kind === 'commune' ? '*' : null), 2_000);
