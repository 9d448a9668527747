import { sql } from 'drizzle-orm';
import { ageBandOf, ageBands, TRAINING_PROVIDER_KEY, trainingIndicatorCodes, vietnamYear, type Coverage } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { DerivedRow, DerivedValueProvider } from '../../platform/module';
import { modulesOf, settingsOf, teamsOf, villagesOf } from './training.store';

/** A PostgreSQL text[] literal of module codes (capitals, digits, ".", "_", "-": nothing to escape). */
const textArray = (codes: readonly string[]) => `{${codes.map((c) => `"${c}"`).join(',')}}`;

/**
 * The coverage of a commune in a year, computed from the records: a trained adult is a resident
 * (not merged away) at least the commune's adult age in the year who completed every module of the
 * basic set by the year's end (a session attended that covered it, or evidence); the adult
 * population of each village is the commune's figure for the year. Sessions and help count within
 * the year; help logged as a count for a day adds to "people helped", never to VNeID level 2 (a
 * share of residents).
 */
export async function computeCoverage(tx: Tx, communeId: string, year: number): Promise<Omit<Coverage, 'modules'> & { modules: Coverage['modules'] }> {
  const settings = await settingsOf(tx, communeId);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const basic = settings.basicModules;
  // Residents grouped by village, birth year, gender and learner group, with how many are trained
  // by the year's end, and in the same statement the completions per module. The trained set is a
  // hashed subplan ("id in (...)"), never joined row by row: a plan that holds on the embedded
  // database too, whose tables have no statistics. `done` keeps repeats (a module attended twice,
  // or attended and evidenced): both readers count distinct residents and codes, so no dedupe pass.
  const parts = rowsOf<{
    part: 'p' | 'm';
    village_id: string;
    birth_year: number;
    gender: string;
    learner_group: string;
    code: string;
    n: number;
    trained: number;
  }>(
    await tx.execute(sql`
      with done as materialized (
        select a.resident_id, m.code
          from attendance a
          join training_session s on s.commune_id = a.commune_id and s.id = a.session_id
          cross join lateral unnest(s.module_codes) as m(code)
         where a.commune_id = ${communeId} and s.date <= ${end}::date
        union all
        select e.resident_id, e.module_code from completion_evidence e where e.commune_id = ${communeId} and e.completed_on <= ${end}::date
      ),
      trained as materialized (
        select resident_id from done where code = any(${textArray(basic)}::text[]) group by resident_id
        having count(distinct code) = cardinality(${textArray(basic)}::text[])
      )
      select 'p' as part, r.village_id, r.birth_year, r.gender, r.learner_group, null::text as code, count(*)::int as n,
             sum(case when r.id in (select resident_id from trained) then 1 else 0 end)::int as trained
        from resident r
       where r.commune_id = ${communeId} and r.merged_into_id is null and ${year}::int - r.birth_year >= ${settings.adultAge}::int
       group by r.village_id, r.birth_year, r.gender, r.learner_group
      union all
      select 'm', null, null, null, null, code, count(distinct resident_id)::int, 0 from done group by code`),
  );
  const people = parts.filter((p) => p.part === 'p');
  const moduleCounts = parts.filter((p) => p.part === 'm');
  const level2 = rowsOf<{ village_id: string; n: number }>(
    await tx.execute(sql`
      select r.village_id, count(distinct h.resident_id)::int as n
        from help_log h join resident r on r.commune_id = h.commune_id and r.id = h.resident_id
       where h.commune_id = ${communeId} and h.type = 'vneid_level2' and h.date <= ${end}::date and r.merged_into_id is null
       group by r.village_id`),
  );
  const sessions = rowsOf<{ team_id: string; village_id: string; month: number; n: number }>(
    await tx.execute(sql`
      select team_id, village_id, extract(month from date)::int as month, count(*)::int as n
        from training_session where commune_id = ${communeId} and date between ${start}::date and ${end}::date
       group by team_id, village_id, month`),
  );
  // People helped: each resident once per team and month, plus the day counts.
  const helped = rowsOf<{ team_id: string; village_id: string; month: number; n: number }>(
    await tx.execute(sql`
      select team_id, village_id, month, sum(n)::int as n from (
        select team_id, village_id, extract(month from date)::int as month, count(distinct resident_id)::int as n
          from help_log where commune_id = ${communeId} and resident_id is not null and date between ${start}::date and ${end}::date
         group by team_id, village_id, month
        union all
        select team_id, village_id, extract(month from date)::int as month, sum(count)::int as n
          from help_log where commune_id = ${communeId} and resident_id is null and date between ${start}::date and ${end}::date
         group by team_id, village_id, month
      ) x group by team_id, village_id, month`),
  );
  const population = new Map(
    rowsOf<{ village_id: string; adults: number }>(
      await tx.execute(sql`select village_id, adults from village_population where commune_id = ${communeId} and year = ${year}::int`),
    ).map((p) => [p.village_id, p.adults]),
  );
  const villages = await villagesOf(tx, communeId);
  const teams = await teamsOf(tx, communeId);
  const modules = await modulesOf(tx, communeId);

  const perVillage = new Map<string, { residents: number; trained: number; sessions: number; helped: number; level2: number }>();
  const at = (id: string) => {
    let v = perVillage.get(id);
    if (!v) perVillage.set(id, (v = { residents: 0, trained: 0, sessions: 0, helped: 0, level2: 0 }));
    return v;
  };
  const groups = new Map<string, { residents: number; trained: number }>();
  const count = (dim: string, key: string, n: number, trained: number) => {
    const g = groups.get(`${dim}|${key}`) ?? { residents: 0, trained: 0 };
    g.residents += n;
    g.trained += trained;
    groups.set(`${dim}|${key}`, g);
  };
  for (const p of people) {
    const v = at(p.village_id);
    v.residents += p.n;
    v.trained += p.trained;
    count('group', p.learner_group, p.n, p.trained);
    count('gender', p.gender, p.n, p.trained);
    count('age', ageBandOf(year - p.birth_year), p.n, p.trained);
  }
  for (const l of level2) at(l.village_id).level2 += l.n;
  for (const s of sessions) at(s.village_id).sessions += s.n;
  for (const h of helped) at(h.village_id).helped += h.n;

  const villageRows = villages.map((u) => {
    const v = perVillage.get(u.id) ?? { residents: 0, trained: 0, sessions: 0, helped: 0, level2: 0 };
    const adults = population.get(u.id) ?? null;
    return {
      villageId: u.id,
      villageName: u.name,
      adults,
      residents: v.residents,
      trained: v.trained,
      ratio: adults ? Math.round((v.trained / adults) * 1000) / 10 : null,
      sessions: v.sessions,
      helped: v.helped,
      vneidLevel2: v.level2,
      activeTeam: v.sessions + v.helped > 0,
    };
  });
  const sum = (f: (v: (typeof villageRows)[number]) => number) => villageRows.reduce((s, v) => s + f(v), 0);
  const withAdults = villageRows.filter((v) => v.adults != null);
  const adults = withAdults.length ? withAdults.reduce((s, v) => s + v.adults!, 0) : null;
  const trainedCounted = withAdults.reduce((s, v) => s + v.trained, 0);
  const teamRows = teams.map((t) => {
    const months = (rows: typeof sessions) => {
      const out = Array.from({ length: 12 }, () => 0);
      for (const r of rows) if (r.team_id === t.unit.id) out[r.month - 1]! += r.n;
      return out;
    };
    return { teamId: t.unit.id, teamName: t.unit.name, sessions: months(sessions), helped: months(helped) };
  });
  const breakdown = (dim: string, keys: readonly string[]) => keys.map((key) => ({ key, ...(groups.get(`${dim}|${key}`) ?? { residents: 0, trained: 0 }) }));
  const moduleN = new Map(moduleCounts.map((m) => [m.code, m.n]));
  return {
    year,
    adultAge: settings.adultAge,
    basicModules: basic,
    totals: {
      adults,
      residents: sum((v) => v.residents),
      trained: sum((v) => v.trained),
      ratio: adults ? Math.round((trainedCounted / adults) * 1000) / 10 : null,
      sessions: sum((v) => v.sessions),
      helped: sum((v) => v.helped),
      vneidLevel2: sum((v) => v.vneidLevel2),
      villagesWithTeam: villageRows.filter((v) => v.activeTeam).length,
      villages: villageRows.length,
    },
    villages: villageRows,
    modules: modules.map((m) => ({ code: m.code, name: m.name, completions: moduleN.get(m.code) ?? 0 })),
    byGroup: breakdown('group', ['pupils', 'residents', 'officials', 'workers']),
    byGender: breakdown('gender', ['male', 'female', 'other']),
    byAgeBand: breakdown('age', ageBands),
    teams: teamRows,
  };
}

/** The indicator figures of a year: per village the shares (over the adult population), per team the counts. */
export const coverageProvider: DerivedValueProvider = {
  key: TRAINING_PROVIDER_KEY,
  indicatorCodes: [...trainingIndicatorCodes],
  async compute(tx, communeId, year, period) {
    if (period !== 0) return [];
    const c = await computeCoverage(tx, communeId, year);
    const rows: DerivedRow[] = [];
    for (const v of c.villages) {
      if (v.adults != null) {
        rows.push({ unitId: v.villageId, indicatorCode: 'XH.KNS_CO_BAN', numerator: Math.min(v.trained, v.adults), denominator: v.adults });
        rows.push({ unitId: v.villageId, indicatorCode: 'XH.VNEID_MUC_2', numerator: Math.min(v.vneidLevel2, v.adults), denominator: v.adults });
      }
      rows.push({ unitId: v.villageId, indicatorCode: 'XH.THON_CO_TO_CNSCD', numerator: v.activeTeam ? 1 : 0, denominator: 1 });
    }
    for (const t of c.teams) {
      rows.push({ unitId: t.teamId, indicatorCode: 'XH.BUOI_HUONG_DAN', value: t.sessions.reduce((a, b) => a + b, 0) });
      rows.push({ unitId: t.teamId, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO', value: t.helped.reduce((a, b) => a + b, 0) });
    }
    return rows;
  },
};

/** The years a record of `day` changes: its year up to this year (coverage counts completions up to each year's end). */
export function yearsFrom(day: string, now: Date): number[] {
  const from = Number(day.slice(0, 4));
  const to = Math.max(from, vietnamYear(now));
  const out: number[] = [];
  for (let y = from; y <= Math.min(to, from + 10); y++) out.push(y);
  return out;
}
