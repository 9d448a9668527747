import type { z } from 'zod';
import { searchKey, type indicatorListQuery } from '@tds/contracts';
import type { IndicatorDef } from './catalogue';

export type Query = z.infer<typeof indicatorListQuery>;

/** Keep the definitions matching the query (pillar, free text on code and name); the catalogue is small. */
export function filter(defs: IndicatorDef[], q: Query) {
  const key = q.q ? searchKey(q.q) : '';
  return defs.filter((d) => (!q.pillar || d.pillar === q.pillar) && (!key || searchKey(`${d.code} ${d.name}`).includes(key)));
}
