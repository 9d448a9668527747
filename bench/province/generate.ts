/**
 * Builds a province in bulk: communes and their unit trees, an indicator catalogue, a published
 * commune plan with yearly and half-yearly report deadlines, the due items, reports in every state,
 * the accepted figures, the commune roll-ups and targets. Rows are written as the application role
 * in the system scope (so row-level security checks them), mostly with INSERT ... SELECT.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { cleanText, indicatorPillars, searchKey, type IndicatorPillar, type PlanDoc, type UnitKind } from '@tds/contracts';
import type { Db, Tx } from '@tds/api/src/db/client';
import { rowsOf } from '@tds/api/src/db/security';
import { indicator } from '@tds/api/src/modules/indicators/indicators.table';
import { childPath } from '@tds/api/src/modules/org/org.rules';
import { commune, province, unit } from '@tds/api/src/modules/org/org.table';
import { unitKeys } from '@tds/api/src/modules/org/unit-store';
import { expandDeadline } from '@tds/api/src/modules/plans/due-dates';
import { deadlineKey, dueCadence, dueKind } from '@tds/api/src/modules/plans/plan-rules';
import { buildPlanTemplate } from '@tds/api/src/modules/plans/plan-template';
import { plan, planVersion } from '@tds/api/src/modules/plans/plans.table';
import { makeUser } from '@tds/api/src/testing/factories';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { progress, round } from '../_lib/common';
import type { Size } from './size';

export const PASSWORD = 'MatKhau@2025';
export const OFFICER = 'bench.province';
export const ADMIN = 'bench.admin';

/** An indicator as the bench uses it. */
export interface BenchIndicator {
  code: string;
  pillar: IndicatorPillar;
  aggregation: string;
  source: string;
}

export interface BenchCommune {
  id: string;
  code: string;
  name: string;
}

/** What was built. */
export interface Province {
  id: string;
  communes: BenchCommune[];
  indicators: BenchIndicator[];
  /** Pillars each unit kind reports on. */
  kindPillars: Record<UnitKind, IndicatorPillar[]>;
  counts: { units: number; dueItems: number; reports: number; values: number; rollups: number; targets: number };
}

/** The pillars a kind of unit reports figures for. */
const KIND_PILLARS: Record<UnitKind, IndicatorPillar[]> = {
  office: ['gov'],
  public_service: ['gov'],
  mass_org: ['society'],
  school: ['society'],
  enterprise: ['economy'],
  village: ['economy', 'society'],
  digital_team: ['society'],
};

/** Units other than villages and their digital teams, in the order they are handed out. */
const OTHER_KINDS: UnitKind[] = [
  'office',
  'school',
  'mass_org',
  'office',
  'public_service',
  'mass_org',
  'office',
  'school',
  'enterprise',
  'mass_org',
  'office',
  'public_service',
  'school',
  'mass_org',
  'office',
  'enterprise',
  'mass_org',
  'office',
  'public_service',
  'school',
];

/** Split a list into chunks of `n`. */
function chunks<T>(list: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

/** A Postgres uuid[] literal, passed as one parameter. */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

async function count(tx: Tx, table: string): Promise<number> {
  return Number(rowsOf<{ n: number }>(await tx.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  progress(`  ${label} (${round((performance.now() - t0) / 1000, 1)} s)`);
  return out;
}

/** The province and its communes. */
async function makeCommunes(db: Db, n: number): Promise<{ id: string; communes: BenchCommune[] }> {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const name = 'Tỉnh Đo Tải';
    const [p] = await tx
      .insert(province)
      .values({ code: 'BENCH-P', name, searchKey: searchKey(name) })
      .returning();
    const rows = Array.from({ length: n }, (_, i) => {
      const no = String(i + 1).padStart(3, '0');
      const communeName = `${i % 5 === 4 ? 'Phường' : 'Xã'} Đo Tải ${no}`;
      return { provinceId: p!.id, code: `BENCH-X${no}`, name: cleanText(communeName), kind: i % 5 === 4 ? 'phuong' : 'xa', searchKey: searchKey(communeName) };
    });
    const communes = await tx.insert(commune).values(rows).returning({ id: commune.id, code: commune.code, name: commune.name });
    return { id: p!.id, communes };
  });
}

/**
 * One commune's unit tree: a quarter villages, each with its digital team, the rest offices,
 * schools, mass organisations, public-service units and enterprises. The first office closed on
 * 30/06/2026 and the first school opened on 01/09/2027, so cycles span units that came and went.
 */
function unitRows(communeId: string, n: number) {
  const villages = Math.max(1, Math.floor(n / 4));
  const rows: (typeof unit.$inferInsert)[] = [];
  const add = (kind: UnitKind, code: string, name: string, parent: { id: string; path: string } | null, extra: Partial<typeof unit.$inferInsert> = {}) => {
    const id = randomUUID();
    const path = childPath(parent?.path ?? null, id);
    rows.push({ communeId, id, code, name, kind, parentId: parent?.id ?? null, path, ...unitKeys({ code, name }), ...extra });
    return { id, path };
  };
  for (let v = 1; v <= villages; v++) {
    const village = add('village', `THON-${v}`, `Thôn ${v}`, null, { contactName: 'Nguyễn Văn Bình', phone: '0912345678' });
    if (rows.length < n) add('digital_team', `TO-CNS-${v}`, `Tổ công nghệ số cộng đồng thôn ${v}`, village);
  }
  let closed = false;
  let opened = false;
  for (let i = 0; rows.length < n; i++) {
    const kind = OTHER_KINDS[i % OTHER_KINDS.length]!;
    const extra: Partial<typeof unit.$inferInsert> = {};
    if (kind === 'office' && !closed) {
      extra.activeTo = '2026-06-30';
      closed = true;
    }
    if (kind === 'school' && !opened) {
      extra.activeFrom = '2027-09-01';
      opened = true;
    }
    add(kind, `DV-${i + 1}`, `Đơn vị ${kind} số ${i + 1}`, null, extra);
  }
  return rows;
}

async function makeUnits(db: Db, communes: BenchCommune[], perCommune: number): Promise<void> {
  const rows = communes.flatMap((c) => unitRows(c.id, perCommune));
  for (const part of chunks(rows, 1000)) await inScope(db, SYSTEM_SCOPE, (tx) => tx.insert(unit).values(part));
}

/**
 * The catalogue: the national indicators the migrations seed, topped up with bench indicators
 * (ratios and sums, in the pillar with fewest) until there are `wanted`.
 */
async function makeIndicators(db: Db, wanted: number): Promise<BenchIndicator[]> {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const have = await tx
      .select({ code: indicator.code, pillar: indicator.pillar, aggregation: indicator.aggregation, source: indicator.source })
      .from(indicator)
      .where(sql`${indicator.active}`);
    const perPillar = new Map<IndicatorPillar, number>(indicatorPillars.map((p) => [p, have.filter((h) => h.pillar === p).length]));
    const extra: (typeof indicator.$inferInsert)[] = [];
    for (let i = 1; have.length + extra.length < wanted; i++) {
      const pillar = [...perPillar.entries()].sort((a, b) => a[1] - b[1])[0]![0];
      perPillar.set(pillar, perPillar.get(pillar)! + 1);
      const ratio = i % 2 === 1;
      const no = String(i).padStart(2, '0');
      extra.push({
        code: `BENCH.${pillar.toUpperCase()}_${no}`,
        pillar,
        name: ratio ? `Tỷ lệ đo tải số ${no}` : `Số lượt đo tải số ${no}`,
        measure: ratio ? '%' : 'lượt',
        direction: 'higher',
        aggregation: ratio ? 'ratio' : 'sum',
        numeratorLabel: ratio ? 'Số đạt' : null,
        denominatorLabel: ratio ? 'Tổng số' : null,
        minValue: 0,
        maxValue: ratio ? 100 : null,
        integer: !ratio,
        source: 'report',
        sortOrder: 900 + i,
      });
    }
    if (extra.length) await tx.insert(indicator).values(extra);
    const all = [...have, ...extra.map((e) => ({ code: e.code, pillar: e.pillar, aggregation: e.aggregation, source: e.source ?? 'report' }))];
    return all.map((r) => ({ ...r, pillar: r.pillar as IndicatorPillar }));
  });
}

/** The commune plan: the national template with a yearly (before 05/12) and a half-yearly report. */
function planDoc(communeName: string, provinceName: string): PlanDoc {
  const doc = buildPlanTemplate({ communeName, provinceName, year: 2025 });
  const yearly = doc.deadlines.find((d) => d.recurrence === 'yearly')!;
  const halfYearly = {
    ...yearly,
    what: 'Báo cáo kết quả thực hiện phong trào thi đua 6 tháng',
    day: null,
    month: null,
    recurrence: 'half-yearly' as const,
    qualifier: 'in' as const,
    text: '6 tháng một lần',
    // The plan names no day: the officer chose the end of June and of December.
    dates: [
      { day: 30, month: 6 },
      { day: 31, month: 12 },
    ],
  };
  return { ...doc, number: '01/KH-UBND', date: '2025-03-01', deadlines: [yearly, halfYearly] };
}

/** Every dated instance of the plan's deadlines, as publishing would expand them. */
function dueInstances(doc: PlanDoc, fromYear: number, toYear: number) {
  return doc.deadlines.flatMap((d) =>
    expandDeadline(d, fromYear, toYear).map((inst) => ({
      kind: dueKind(d),
      key: deadlineKey(d),
      cadence: dueCadence(d),
      title: inst.period ? `${d.what} (6 tháng ${inst.period === 1 ? 'đầu' : 'cuối'} năm ${inst.year})` : `${d.what} năm ${inst.year}`,
      due_date: inst.dueDate,
      late_after: inst.lateAfter,
      year: inst.year,
      period: inst.period ?? 0,
    })),
  );
}

async function makePlans(db: Db, communes: BenchCommune[], size: Size): Promise<void> {
  const instances = dueInstances(planDoc('Xã Đo Tải', 'Tỉnh Đo Tải'), size.fromYear, size.toYear);
  for (const part of chunks(communes, 20)) {
    await inScope(db, SYSTEM_SCOPE, async (tx) => {
      const plans = part.map((c) => ({ c, id: randomUUID(), doc: planDoc(c.name, 'Tỉnh Đo Tải') }));
      await tx.insert(plan).values(
        plans.map(({ c, id, doc }) => ({
          communeId: c.id,
          id,
          title: doc.title!,
          number: doc.number,
          date: doc.date,
          status: 'published',
          currentVersion: 1,
          publishedVersion: 1,
          publishedAt: new Date('2025-03-01T08:00:00+07:00'),
          registrationOpen: false,
          searchKey: searchKey(doc.title!),
        })),
      );
      await tx.insert(planVersion).values(plans.map(({ c, id, doc }) => ({ communeId: c.id, planId: id, version: 1, doc, note: 'bench' })));
      // Every unit owes every report of every year (as publishing did in 2025); whether it is
      // expected in a cycle depends on when it was active.
      await tx.execute(sql`
        insert into due_item (commune_id, plan_id, unit_id, kind, deadline_key, title, due_date, late_after, year, period, cadence, plan_version)
        select u.commune_id, p.id, u.id, i.kind, i.key, i.title, i.due_date::date, i.late_after::timestamptz, i.year, i.period, i.cadence, 1
        from unit u
        join plan p on p.commune_id = u.commune_id and p.owner_unit_id is null
        cross join jsonb_to_recordset(${JSON.stringify(instances)}::jsonb)
          as i(kind text, key text, title text, due_date text, late_after text, year int, period int, cadence text)
        where u.commune_id = any(${uuidArray(part.map((c) => c.id))}::uuid[])`);
    });
  }
}

/**
 * Reports for the due items of units active on the due date: 55% accepted, 15% submitted, 5%
 * returned, 5% drafts, 20% never started (missing); about one in seven handed in late. Each carries
 * figures for the indicators of its unit's pillars: ratios as numerator and denominator (30-100%; no
 * value, as the report form stores them), counts within the indicator's range. Deterministic: every choice hashes the due item's id.
 */
async function makeReports(db: Db, communes: BenchCommune[], kindCodes: { kind: string; code: string }[]): Promise<void> {
  for (const part of chunks(communes, 10)) {
    await inScope(db, SYSTEM_SCOPE, (tx) =>
      tx.execute(sql`
      with kind_indicator as (select * from jsonb_to_recordset(${JSON.stringify(kindCodes)}::jsonb) as k(kind text, code text))
      insert into report (commune_id, due_item_id, plan_id, unit_id, kind, cadence, year, period, status, sections, values, version,
        submitted_at, late, reviewed_at, review_comment, created_at, updated_at)
      select d.commune_id, d.id, d.plan_id, d.unit_id, d.kind, d.cadence, d.year, d.period, s.status,
        jsonb_build_array(jsonb_build_object('key', 'ket_qua', 'title', 'Kết quả thực hiện', 'text', 'Đơn vị đã triển khai các nội dung của kế hoạch trong kỳ.')),
        coalesce(v.vals, '[]'::jsonb),
        case s.status when 'draft' then 1 when 'accepted' then 3 else 2 end,
        case when s.status = 'draft' then null
          when s.late then d.late_after + make_interval(days => 1 + (s.b % 20)::int)
          else d.late_after - make_interval(days => 1 + (s.b % 20)::int) end,
        s.status <> 'draft' and s.late,
        case when s.status in ('accepted', 'returned') then d.late_after + interval '25 days' end,
        case when s.status = 'returned' then 'Đề nghị bổ sung minh chứng.' end,
        d.late_after - interval '40 days', d.late_after
      from due_item d
      join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
      cross join lateral (select abs(hashtext(d.id::text)::bigint) % 100 as b) h
      cross join lateral (select h.b,
        case when h.b < 55 then 'accepted' when h.b < 70 then 'submitted' when h.b < 75 then 'returned' when h.b < 80 then 'draft' end as status,
        (h.b % 7 = 3 or (h.b between 55 and 69 and h.b % 4 = 0)) as late) s
      left join lateral (
        select jsonb_agg(jsonb_build_object('code', i.code, 'value', x.value, 'numerator', x.num, 'denominator', x.den, 'note', null) order by i.code) as vals
        from kind_indicator k
        join indicator i on i.code = k.code
        cross join lateral (select abs(hashtext(d.id::text || i.code)::bigint) as h1, abs(hashtext(i.code || d.id::text)::bigint) as h2,
          coalesce(i.min_value, 0) as lo, coalesce(i.max_value, case when i.integer then 60 else 100 end) as hi) hh
        cross join lateral (select case when i.aggregation = 'ratio' then 20 + hh.h1 % 481 end as den) dd
        cross join lateral (select dd.den, floor(dd.den * (30 + hh.h2 % 71) / 100.0) as num) nn
        cross join lateral (select nn.den, nn.num, case
          when i.aggregation = 'ratio' then null
          when i.integer then floor(hh.lo + hh.h1 % (floor(hh.hi - hh.lo) + 1))
          else round(hh.lo + (hh.h1 % 10000) / 10000.0 * (hh.hi - hh.lo), 2) end as value) x
        where k.kind = u.kind
      ) v on true
      where d.commune_id = any(${uuidArray(part.map((c) => c.id))}::uuid[])
        and s.status is not null
        and (u.active_from is null or u.active_from <= d.due_date) and (u.active_to is null or u.active_to >= d.due_date)`),
    );
  }
}

/** The accepted figures: one indicator_value per figure of every accepted report. */
async function makeValues(db: Db, communes: BenchCommune[]): Promise<void> {
  for (const part of chunks(communes, 20)) {
    await inScope(db, SYSTEM_SCOPE, (tx) =>
      tx.execute(sql`
      insert into indicator_value (commune_id, unit_id, indicator_code, year, period, source_key, value, numerator, denominator, report_id, updated_at)
      select r.commune_id, r.unit_id, v.code, r.year, r.period, 'report:' || r.id, v.value, v.numerator, v.denominator, r.id, r.reviewed_at
      from report r
      cross join lateral jsonb_to_recordset(r.values) as v(code text, value numeric, numerator numeric, denominator numeric)
      where r.commune_id = any(${uuidArray(part.map((c) => c.id))}::uuid[]) and r.status = 'accepted'`),
    );
  }
}

/**
 * The commune totals, as refreshRollup (modules/indicators/rollup.ts) computes them for one key,
 * here for every key at once: one value per unit (the most recent), sums of values, numerators and
 * denominators, and how many went in.
 */
async function makeRollups(db: Db): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx.execute(sql`
    insert into indicator_rollup (commune_id, province_id, indicator_code, year, period, sum_value, sum_numerator, sum_denominator, n, updated_at)
    select v.commune_id, c.province_id, v.indicator_code, v.year, v.period,
      coalesce(sum(v.value), 0), coalesce(sum(v.numerator), 0), coalesce(sum(v.denominator), 0), count(*)::int, max(v.updated_at)
    from (
      select distinct on (commune_id, unit_id, indicator_code, year, period) commune_id, indicator_code, year, period, value, numerator, denominator, updated_at
      from indicator_value
      order by commune_id, unit_id, indicator_code, year, period, updated_at desc
    ) v
    join commune c on c.id = v.commune_id
    group by v.commune_id, c.province_id, v.indicator_code, v.year, v.period`),
  );
}

/**
 * Targets: each commune's per indicator and year (ratios 60-100%, counts 85-115% of what it did,
 * so some communes are on track and some behind), and the province's (80% for ratios, the sum of
 * the communes' for counts).
 */
async function makeTargets(db: Db, provinceId: string): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await tx.execute(sql`
      insert into target (commune_id, unit_id, indicator_code, year, value, origin)
      select r.commune_id, null, r.indicator_code, r.year,
        case when i.aggregation = 'ratio' then 60 + abs(hashtext(r.commune_id::text || r.indicator_code || r.year)::bigint) % 41
          else greatest(1, round(r.sum_value * (85 + abs(hashtext(r.indicator_code || r.commune_id::text || r.year)::bigint) % 31) / 100.0)) end,
        'split'
      from indicator_rollup r join indicator i on i.code = r.indicator_code
      where r.period = 0`);
    await tx.execute(sql`
      insert into province_target (province_id, indicator_code, year, value)
      select ${provinceId}, t.indicator_code, t.year, case when i.aggregation = 'ratio' then 80 else sum(t.value) end
      from target t join indicator i on i.code = t.indicator_code
      where t.unit_id is null
      group by t.indicator_code, t.year, i.aggregation`);
  });
}

/** Build the whole province; progress on stderr. */
export async function generateProvince(db: Db, size: Size): Promise<Province> {
  const t0 = performance.now();
  progress(`generating a province: ${size.communes} communes x ${size.units} units, ${size.indicators} indicators, ${size.fromYear}-${size.toYear}`);
  const { id, communes } = await timed('province and communes', () => makeCommunes(db, size.communes));
  await timed('units', () => makeUnits(db, communes, size.units));
  const indicators = await timed('indicators', () => makeIndicators(db, size.indicators));
  const kindCodes = Object.entries(KIND_PILLARS).flatMap(([kind, pillars]) =>
    indicators.filter((i) => i.source === 'report' && pillars.includes(i.pillar)).map((i) => ({ kind, code: i.code })),
  );
  await timed('plans and due items', () => makePlans(db, communes, size));
  await timed('reports', () => makeReports(db, communes, kindCodes));
  await timed('indicator values', () => makeValues(db, communes));
  await timed('roll-ups', () => makeRollups(db));
  await timed('targets', () => makeTargets(db, id));
  await timed('users', async () => {
    await makeUser(db, {
      username: OFFICER,
      fullName: 'Cán bộ Sở Nội vụ',
      password: PASSWORD,
      provinceId: id,
      roles: [{ role: 'province_officer', provinceId: id }],
    });
    await makeUser(db, { username: ADMIN, fullName: 'Quản trị xã', password: PASSWORD, roles: [{ role: 'commune_admin', communeId: communes[0]!.id }] });
  });
  await timed('analyze', () => db.execute(sql`analyze`));
  const counts = await inScope(db, SYSTEM_SCOPE, async (tx) => ({
    units: await count(tx, 'unit'),
    dueItems: await count(tx, 'due_item'),
    reports: await count(tx, 'report'),
    values: await count(tx, 'indicator_value'),
    rollups: await count(tx, 'indicator_rollup'),
    targets: (await count(tx, 'target')) + (await count(tx, 'province_target')),
  }));
  progress(`generated in ${round((performance.now() - t0) / 1000, 1)} s: ${JSON.stringify(counts)}`);
  return { id, communes, indicators, kindPillars: KIND_PILLARS, counts };
}
