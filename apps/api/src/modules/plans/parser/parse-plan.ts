import type { DecisionDoc, PlanDoc, PlanParseResult } from '@tds/contracts';
import { itemTexts, parseAwardForms, parseDossier, parseGroups, parseOccasions, parseScope } from './body.js';
import { closingStart, parseRecipients, parseSigner } from './closing.js';
import { checkCompleteness, checkDateConflicts, checkMissingDates, checkDeadlineConflicts } from './conflicts.js';
import { newCtx, warn, type Ctx, type Found } from './context.js';
import { parseDeadlines } from './deadlines.js';
import { parseDecision } from './decision.js';
import { inferIssuer, issuerFromPreamble, movementsOf, parseHeader, parseHeaderless, warnBlanks, type Header } from './header.js';
import { parseLegalBases } from './legal-bases.js';
import { buildWorkText, normalisePlanText, type Para } from './normalise.js';
import { parseResponsibilities, type BodyRange } from './responsibilities.js';
import { lastBelow } from './scan.js';
import { findSections, splitDocuments, topicRanges, type Range, type Topic } from './sections.js';
import { parseMilestones, parsePhases } from './timeline.js';
import { checkTypos } from './typos.js';

/** Parse the text of a movement plan (and the decision issuing it, if the file holds one). Pure and deterministic. */
export function parsePlanText(text: string): PlanParseResult {
  const work = buildWorkText(normalisePlanText(text));
  const ctx = newCtx(work);
  const paras = work.paras;
  const parts = splitDocuments(paras);
  const decision = parts.decision ? parseDecision(ctx, paras, parts.decision) : null;
  if (!parts.plan) {
    warn(ctx, 'NOT_A_PLAN', 'Không tìm thấy nội dung kế hoạch trong văn bản (không có tiêu đề "KẾ HOẠCH" hay các phần I, II, III … của một kế hoạch).');
    return { plan: null, decision, warnings: ctx.warnings, sources: ctx.sources };
  }
  const plan = parsePlan(ctx, paras, parts.plan, parts.planType, decision);
  checkTypos(ctx);
  return { plan, decision, warnings: ctx.warnings, sources: ctx.sources };
}

function parsePlan(ctx: Ctx, paras: Para[], range: Range, typeAt: number, decision: DecisionDoc | null): PlanDoc {
  const h: Header = typeAt >= 0 ? parseHeader(ctx, paras, range.from, typeAt, 'plan') : parseHeaderless(ctx, paras, range.from, range.to, 'plan');
  const end = range.to;
  const sections = findSections(paras, h.bodyFrom, end);
  const firstSection = sections[0]?.head ?? end;
  const close = closingStart(paras, firstSection, end);
  const clipped = sections.map((s) => ({ ...s, body: { from: s.body.from, to: Math.min(s.body.to, close) } }));
  const topics = topicRanges(paras, clipped);
  const get = (t: Topic) => topics.get(t) ?? [];
  const preamble = { from: h.bodyFrom, to: firstSection };
  if (!h.issuer.name) h.issuer.name = issuerFromPreamble(ctx, paras, preamble.from, preamble.to, 'plan') ?? decision?.issuer.name ?? null;
  inheritFromDecision(ctx, h, decision);
  inferIssuer(ctx, paras, h, range, 'plan');
  const responsibilities = parseResponsibilities(ctx, paras, get('responsibilities'), 'plan');
  const bodyOf = bodyLookup(responsibilities.bodies);
  const bodyRange = { from: firstSection, to: close };
  const closing = { from: close, to: end };
  const recipients = parseRecipients(ctx, paras, closing, 'plan');
  let signer = parseSigner(ctx, paras, closing, recipients.last >= 0 ? { from: close, to: recipients.last + 1 } : null, 'plan');
  if (!signer.name && !signer.title && decision) signer = inheritSigner(ctx, decision);
  const timeline = get('timeline').length > 0 ? get('timeline') : [bodyRange];
  const plan: PlanDoc = {
    issuer: h.issuer,
    number: h.number,
    date: h.date,
    place: h.place,
    title: h.title,
    movements: movementsOf(ctx, h.titleFound, 'plan'),
    legalBases: parseLegalBases(ctx, paras, preamble, 'plan'),
    purposes: itemTexts(ctx, paras, get('purposes'), 'plan.purposes', false).map((f) => f.value),
    requirements: itemTexts(ctx, paras, get('requirements'), 'plan.requirements', false).map((f) => f.value),
    ...scopeOf(parseScope(ctx, paras, get('scope'), 'plan')),
    contents: itemTexts(ctx, paras, get('contents'), 'plan.contents', true).map((f, i) => ({ order: i + 1, text: f.value })),
    participantGroups: parseGroups(ctx, paras, get('criteria'), 'plan'),
    awardForms: parseAwardForms(ctx, paras, get('awards'), 'plan'),
    occasions: parseOccasions(paras, get('awards'), bodyRange),
    dossier: parseDossier(ctx, paras, [...get('awards'), ...get('criteria')], 'plan'),
    solutions: itemTexts(ctx, paras, get('solutions'), 'plan.solutions', false).map((f) => f.value),
    phases: parsePhases(ctx, paras, timeline, 'plan'),
    milestones: parseMilestones(ctx, paras, timeline, 'plan'),
    deadlines: parseDeadlines(ctx, paras, [bodyRange], bodyOf, 'plan'),
    responsibilities: responsibilities.items,
    recipients: recipients.items,
    signer,
  };
  warnBlanks(ctx, h, 'plan');
  checkDeadlineConflicts(ctx, plan.deadlines);
  checkDateConflicts(ctx, plan.deadlines, plan.date);
  checkMissingDates(ctx, plan);
  const ending =
    recipients.items.length > 0 ||
    signer.name !== null ||
    paras.slice(close, end).some((p) => /^Trên đây là\s|\.\/\.$/u.test(p.text)) ||
    /\.\/\.$/u.test(paras[end - 1]?.text ?? '');
  checkCompleteness(ctx, new Set(topics.keys()), ending);
  return plan;
}

/** Scope and participants, only when the plan states them (the fields are optional). */
function scopeOf(s: { scope: string[]; participants: string[] }): Pick<PlanDoc, 'scope' | 'participants'> {
  return { ...(s.scope.length > 0 ? { scope: s.scope } : {}), ...(s.participants.length > 0 ? { participants: s.participants } : {}) };
}

/** The responsible body whose item covers paragraph i (the first in list order), by binary search when the items are in order. */
function bodyLookup(bodies: BodyRange[]): (i: number) => Found<string> | null {
  const sorted = bodies.every((b, k) => k === 0 || b.from >= bodies[k - 1]!.to);
  if (!sorted) return (i) => bodies.find((b) => i >= b.from && i < b.to)?.body ?? null;
  const froms = bodies.map((b) => b.from);
  return (i) => {
    const b = bodies[lastBelow(froms, i + 1)];
    return b && i < b.to ? b.body : null;
  };
}

/** The plan takes number, date and place from the decision that issues it, unless it has its own. */
function inheritFromDecision(ctx: Ctx, h: Header, decision: DecisionDoc | null): void {
  if (!decision) return;
  const copy = (field: 'number' | 'date' | 'place') => {
    if (h[field] || !decision[field]) return;
    h[field] = decision[field];
    const s = ctx.sources[`decision.${field}`];
    if (s) ctx.sources[`plan.${field}`] = { ...s, confidence: s.confidence * 0.9 };
  };
  copy('number');
  copy('date');
  copy('place');
  if (!h.number && !h.numberBlank) h.numberBlank = decision.number === null;
  if (!h.date && !h.partialDate && !decision.date) h.partialDate = { month: null, year: null };
}

function inheritSigner(ctx: Ctx, decision: DecisionDoc): PlanDoc['signer'] {
  for (const f of ['name', 'title', 'capacity'] as const) {
    const s = ctx.sources[`decision.signer.${f}`];
    if (s) ctx.sources[`plan.signer.${f}`] = { ...s, confidence: s.confidence * 0.9 };
  }
  return { ...decision.signer };
}
