import { formatDateVi, isUndated, reviewDate, todayVn, clockNow } from '@tds/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanDoc, publishInput, PublishResult } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { expandDeadline, instance } from './due-dates';
import { activeUnits, deadlineOwners, participatingUnits } from './participation';
import { deadlineKey, dueCadence, dueKind, planYears, resolveDeadlines } from './plan-rules';
import { loadDoc, loadPlan, mapSummaries } from './plan-store';
import { dueItem, plan } from './plans.table';
import { dueItemUses, runPlanPublished } from '../../platform/extensions';

interface Wanted {
  unitId: string;
  deadlineKey: string;
  kind: string;
  cadence: string;
  title: string;
  dueDate: string;
  lateAfter: string;
  year: number;
  period: number;
}

const identity = (w: { unitId: string; deadlineKey: string; year: number; period: number }) => `${w.unitId}|${w.deadlineKey}|${w.year}|${w.period}`;

function itemTitle(what: string, year: number, period: number | null): string {
  const base = what.replace(/\s+/gu, ' ').trim();
  return period ? `${base} (6 tháng ${period === 1 ? 'đầu' : 'cuối'} năm ${year})` : `${base} năm ${year}`;
}

/** Who owes each deadline, as the preview shows it. */
type OwnersView = PublishResult['deadlines'][number];
type ReviewView = PublishResult['reviews'][number];

const REVIEW_TITLE = { 'mid-term': 'Báo cáo sơ kết phong trào thi đua', final: 'Báo cáo tổng kết phong trào thi đua' } as const;

const NAMES_SHOWN = 200;

/** The due items a plan's deadlines give the units that owe them, year by year, and who owes what. */
async function wantedItems(
  tx: Tx,
  communeId: string,
  doc: PlanDoc,
  deadlines: { d: PlanDoc['deadlines'][number]; index: number }[],
  years: { fromYear: number; toYear: number },
  today: string,
): Promise<{ wanted: Wanted[]; owners: OwnersView[]; reviews: ReviewView[]; beforeIssue: PublishResult['beforeIssue'] }> {
  const units = await activeUnits(tx, communeId, today);
  const participants = participatingUnits(doc, units);
  const out: Wanted[] = [];
  const owners: OwnersView[] = [];
  const beforeIssue: PublishResult['beforeIssue'] = [];
  for (const { d, index } of deadlines) {
    const who = deadlineOwners(d, participants, units);
    owners.push({
      index,
      what: d.what,
      text: d.text,
      from: d.from,
      owner: who.commune ? 'commune' : 'units',
      how: who.commune ? 'commune' : who.how,
      units: who.units.length,
      unitNames: who.units.slice(0, NAMES_SHOWN).map((u) => u.name),
    });
    const key = deadlineKey(d);
    for (const inst of expandDeadline(d, years.fromYear, years.toYear)) {
      // A recurring day before the plan was issued binds no one (a one-off date asks the officer: `past:` conflicts).
      if (doc.date && d.recurrence !== 'once' && inst.dueDate < doc.date) {
        beforeIssue.push({ index, what: d.what, dueDate: inst.dueDate });
        continue;
      }
      for (const u of who.units) {
        out.push({
          unitId: u.id,
          deadlineKey: key,
          kind: dueKind(d),
          cadence: dueCadence(d),
          title: itemTitle(d.what, inst.year, inst.period),
          dueDate: inst.dueDate,
          lateAfter: inst.lateAfter,
          year: inst.year,
          period: inst.period ?? 0,
        });
      }
    }
  }
  // Mid-term and final reviews: every participant reports for them, on the confirmed (or default) day,
  // unless a dated deadline of the plan already asks for that review's report.
  const reviews: ReviewView[] = [];
  doc.milestones.forEach((m, index) => {
    const { date, isDefault } = reviewDate(doc, m);
    reviews.push({ index, kind: m.kind, year: m.year, dueDate: date, isDefault, units: participants.length });
    const cadence = m.kind === 'mid-term' ? 'midterm' : 'final';
    const covered = deadlines.some(({ d }) => dueCadence(d) === cadence && expandDeadline(d, years.fromYear, years.toYear).some((i) => i.year === m.year));
    if (covered) return;
    const due = instance(date, m.year, null);
    for (const u of participants) {
      out.push({
        unitId: u.id,
        deadlineKey: `review:${cadence}`,
        kind: 'report',
        cadence,
        title: `${REVIEW_TITLE[m.kind]} năm ${m.year}`,
        dueDate: date,
        lateAfter: due.lateAfter,
        year: m.year,
        period: 0,
      });
    }
  });
  return { wanted: out, owners, reviews, beforeIssue };
}

/** What still needs a date before publishing: undated deadlines, and review days that are only defaults. */
function missingDates(doc: PlanDoc, kept: { d: PlanDoc['deadlines'][number]; index: number }[], reviews: ReviewView[]) {
  const undated = kept.filter(({ d }) => isUndated(d)).map(({ d, index }) => ({ index, what: d.what, text: d.text }));
  const details = [
    ...undated.map((u) => ({ field: `deadlines.${u.index}`, message: `Thời hạn "${u.text}" (${u.what}) chưa có ngày cụ thể: chọn ngày.` })),
    ...reviews
      .filter((r) => r.isDefault)
      .map((r) => ({
        field: `milestones.${r.index}.dueDate`,
        message: `Ngày nộp ${REVIEW_TITLE[r.kind].toLocaleLowerCase('vi')} năm ${r.year} đang là ngày mặc định (${formatDateVi(r.dueDate)}): xác nhận hoặc chọn ngày khác.`,
      })),
  ];
  return { undated, details };
}

/** Of these due items, those something (a report, a registration...) already answers: asked of the modules that use them. */
async function answeredItems(tx: Tx, communeId: string, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const use of dueItemUses()) for (const id of await use(tx, communeId, ids, {})) out.add(id);
  return out;
}

/** Group due items by (title, date) with how many units owe each, for the preview. */
function summarise(items: { title: string; dueDate: string }[]) {
  const m = new Map<string, { title: string; dueDate: string; units: number }>();
  for (const i of items) {
    const k = `${i.dueDate}|${i.title}`;
    const cur = m.get(k) ?? { title: i.title, dueDate: i.dueDate, units: 0 };
    cur.units++;
    m.set(k, cur);
  }
  return [...m.values()].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.title.localeCompare(b.title, 'vi')));
}

/**
 * Publish (or re-publish) a plan: it becomes the commune's calendar. Recurring deadlines turn into
 * dated due items for each participating unit and year. A dry run shows what will change in the
 * calendar; unresolved conflicts are refused with 409 PLAN_CONFLICTS.
 */
export async function publishPlan(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof publishInput>;
  now?: Date;
}) {
  const { db, actor, communeId, id, input } = opts;
  const now = opts.now ?? clockNow();
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const row = await loadPlan(tx, communeId, id);
    authorize(actor, 'plan.publish', { communeId });
    if (row.currentVersion !== input.version) throw new AppError('STALE_VERSION');
    const doc = await loadDoc(tx, row);
    const { deadlines, unresolved } = resolveDeadlines(doc, input.resolutions);
    const kept = deadlines.map((d) => ({ d, index: doc.deadlines.indexOf(d) }));
    if (unresolved.length) {
      throw new AppError(
        'PLAN_CONFLICTS',
        undefined,
        unresolved.map((c) => ({ field: c.key, message: c.message })),
      );
    }
    const years = { ...planYears(doc), ...(input.fromYear ? { fromYear: input.fromYear } : {}), ...(input.toYear ? { toYear: input.toYear } : {}) };
    const { wanted, owners, reviews, beforeIssue } = row.ownerUnitId
      ? { wanted: [], owners: [], reviews: [], beforeIssue: [] }
      : await wantedItems(tx, communeId, doc, kept, years, todayVn(now));
    const dates = row.ownerUnitId ? { undated: [], details: [] } : missingDates(doc, kept, reviews);
    if (dates.details.length && !input.dryRun) throw new AppError('PLAN_DATES', undefined, dates.details);
    const unreached = owners.filter((o) => o.owner === 'units' && o.units === 0);
    if (unreached.length && !input.dryRun && !input.acceptUnreached) {
      throw new AppError(
        'PLAN_UNREACHED',
        undefined,
        unreached.map((o) => ({ field: `deadlines.${o.index}`, message: `Thời hạn "${o.text}" (${o.what}) chưa giao cho đơn vị nào.` })),
      );
    }
    const existing = await tx
      .select()
      .from(dueItem)
      .where(and(eq(dueItem.communeId, communeId), eq(dueItem.planId, id)));
    const have = new Map(existing.map((e) => [identity(e), e]));
    const want = new Map(wanted.map((w) => [identity(w), w]));
    const added = wanted.filter((w) => !have.has(identity(w)));
    // Items a unit has already answered (a report or a registration) stay: what was filed is never lost.
    const answered = await answeredItems(
      tx,
      communeId,
      existing.filter((e) => !want.has(identity(e))).map((e) => e.id),
    );
    const removed = existing.filter((e) => !want.has(identity(e)) && !answered.has(e.id));
    const result = {
      dryRun: input.dryRun,
      deadlines: owners,
      reviews,
      undated: dates.undated,
      unreached: unreached.length,
      beforeIssue,
      added: summarise(added),
      removed: summarise(removed),
      unchanged: wanted.length - added.length,
    };
    if (input.dryRun) return { ...result, plan: null };
    // A retry of a publish already done (this version published, nothing to add or remove) writes nothing.
    if (row.status === 'published' && row.publishedVersion === row.currentVersion && added.length === 0 && removed.length === 0) {
      return { ...result, plan: (await mapSummaries(tx, actor, [row]))[0]! };
    }

    if (removed.length)
      await tx.delete(dueItem).where(
        and(
          eq(dueItem.communeId, communeId),
          inArray(
            dueItem.id,
            removed.map((r) => r.id),
          ),
        ),
      );
    for (let i = 0; i < added.length; i += 500) {
      await tx.insert(dueItem).values(added.slice(i, i + 500).map((w) => ({ ...w, communeId, planId: id, planVersion: row.currentVersion })));
    }
    const [updated] = await tx
      .update(plan)
      .set({ status: 'published', publishedVersion: row.currentVersion, publishedAt: now, updatedAt: now })
      .where(and(eq(plan.communeId, communeId), eq(plan.id, id)))
      .returning();
    await runPlanPublished(tx, { communeId, planId: id, now });
    await writeAudit(tx, actor, opts.meta, {
      action: 'publish',
      entityType: 'plan',
      entityId: id,
      communeId,
      summary: `Ban hành kế hoạch: ${row.title} (phiên bản ${row.currentVersion})`,
      before: { status: row.status, publishedVersion: row.publishedVersion },
      after: {
        status: 'published',
        publishedVersion: row.currentVersion,
        added: added.length,
        removed: removed.length,
        resolutions: input.resolutions,
        ...(unreached.length ? { acceptedUnreached: unreached.map((o) => o.text) } : {}),
        ...(owners.some((o) => o.how === 'unread') ? { addresseeUnread: owners.filter((o) => o.how === 'unread').map((o) => o.from) } : {}),
      },
    });
    return { ...result, plan: (await mapSummaries(tx, actor, [updated!]))[0]! };
  });
}
