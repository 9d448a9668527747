import { sql } from 'drizzle-orm';
import { breakdownAgeBandOf, breakdownAgeBands, genders, learnerGroups, type TrainingBreakdown } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { modulesOf, settingsOf, unitOfKind } from './training.store';
import { VILLAGE_MESSAGE } from './create-resident';
import { communePage } from './training-pages';

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Completions of each module by learner group, age band (age in the year) and gender: the residents
 * (not merged away, at least the commune's adult age in the year; of one village if asked) who
 * completed the module by the year's end, by a session attended that covered it or by evidence.
 * Each resident counts once per module. One statement, apart from the coverage's (which it leaves as it is).
 */
export async function computeBreakdown(tx: Tx, communeId: string, year: number, villageId?: string): Promise<TrainingBreakdown> {
  const settings = await settingsOf(tx, communeId);
  const end = `${year}-12-31`;
  const village = villageId ? sql`and r.village_id = ${villageId}::uuid` : sql``;
  const rows = rowsOf<{ code: string; learner_group: string; gender: string; birth_year: number; n: number }>(
    await tx.execute(sql`
      with done as (
        select a.resident_id, m.code
          from attendance a
          join training_session s on s.commune_id = a.commune_id and s.id = a.session_id
          cross join lateral unnest(s.module_codes) as m(code)
         where a.commune_id = ${communeId} and s.date <= ${end}::date
        union
        select e.resident_id, e.module_code from completion_evidence e where e.commune_id = ${communeId} and e.completed_on <= ${end}::date
      )
      select d.code, r.learner_group, r.gender, r.birth_year, count(*)::int as n
        from done d join resident r on r.commune_id = ${communeId} and r.id = d.resident_id
       where r.merged_into_id is null and ${year}::int - r.birth_year >= ${settings.adultAge}::int ${village}
       group by d.code, r.learner_group, r.gender, r.birth_year`),
  );
  const modules = (await modulesOf(tx, communeId)).map((m) => ({
    code: m.code,
    name: m.name,
    total: 0,
    byGroup: zeros(learnerGroups),
    byAgeBand: zeros(breakdownAgeBands),
    byGender: zeros(genders),
  }));
  const byCode = new Map(modules.map((m) => [m.code, m]));
  for (const r of rows) {
    const m = byCode.get(r.code);
    if (!m) continue; // a module no longer in the catalogue
    const n = Number(r.n);
    m.total += n;
    if (r.learner_group in m.byGroup) m.byGroup[r.learner_group as keyof typeof m.byGroup] += n;
    if (r.gender in m.byGender) m.byGender[r.gender as keyof typeof m.byGender] += n;
    m.byAgeBand[breakdownAgeBandOf(year - Number(r.birth_year))] += n;
  }
  return { year, adultAge: settings.adultAge, villageId: villageId ?? null, modules };
}

/** The breakdown for every reader of the commune (aggregates only); a village filter must name a village of the commune. */
export async function getCoverageBreakdown(opts: { db: Db; actor: Actor; communeId: string; year: number; villageId?: string }) {
  return communePage(opts, `breakdown|${opts.year}|${opts.villageId ?? ''}`, async (tx) => {
    if (opts.villageId) await unitOfKind(tx, opts.communeId, opts.villageId, ['village'], 'villageId', VILLAGE_MESSAGE);
    return computeBreakdown(tx, opts.communeId, opts.year, opts.villageId);
  });
}
