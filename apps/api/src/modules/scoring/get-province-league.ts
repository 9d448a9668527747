import { sql } from 'drizzle-orm';
import { rankOf } from '@tds/contracts';
import type { z } from 'zod';
import type { provinceLeagueSchema } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorizeProvince } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { rowsOf } from '../../db/security';
import { scoringPages } from './scoring-pages';

/**
 * The province's league of communes for a year, from every published rubric of its communes: units
 * scored (a unit nobody scored is not counted), the average total, how many reached their rubric's highest class; ranked by the average.
 */
export async function getProvinceLeague(opts: { db: Db; actor: Actor; provinceId: string; year: number }): Promise<z.infer<typeof provinceLeagueSchema>> {
  authorizeProvince(opts.actor, 'scoring.read', opts.provinceId);
  // The same page for every reader of the province (a system-wide reader too: the league holds no commune's own indicators).
  return scoringPages(opts.db, `league|${opts.provinceId}|${opts.year}`, () =>
    inScope(opts.db, opts.actor.scope, async (tx) => {
      const rows = rowsOf<{ commune_id: string; name: string; units: number; average: number | null; top: number }>(
        await tx.execute(sql`
        select c.id as commune_id, c.name, count(s.unit_id)::int as units, round(avg(s.total), 2)::float8 as average,
               count(*) filter (where s.class_label = r.top_label)::int as top
          from commune c
          left join (select r.commune_id, r.id, (select e->>'label' from jsonb_array_elements(r.classes) e order by (e->>'min')::numeric desc limit 1) as top_label
                       from rubric r where r.year = ${opts.year} and r.status = 'published') r on r.commune_id = c.id
          left join score_result s on s.commune_id = r.commune_id and s.rubric_id = r.id and s.rank is not null
         where c.province_id = ${opts.provinceId}
         group by c.id, c.name`),
      );
      const ranked = rankOf(
        rows.map((r) => ({
          communeId: r.commune_id,
          communeName: r.name,
          units: r.units,
          average: r.average ?? 0,
          top: r.top,
          total: r.units ? (r.average ?? 0) : -1,
        })),
        (a, b) => a.communeName.localeCompare(b.communeName, 'vi'),
      );
      return { year: opts.year, rows: ranked.map(({ total: _t, ...r }) => r) };
    }),
  ) as Promise<z.infer<typeof provinceLeagueSchema>>;
}
