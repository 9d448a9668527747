import { z } from 'zod';
import { isoDate, uuid } from './common.js';
import { unitKinds } from './org.js';

/**
 * The structure of a movement plan as extracted from (or printed to) a document. Values are plain;
 * where each came from lives apart in `sources`, keyed by the field's path ("plan.signer.name"),
 * as UTF-16 offsets into the text after NFC normalisation and `\n` line endings.
 * This is the exchange format of `npm run cli -- plan parse`, the import API and the docs.
 */
export const legalBasisDoc = z.object({
  ref: z.string().nullable(),
  type: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable().optional(),
});
export const recurrences = ['once', 'half-yearly', 'yearly'] as const;
export const deadlineQualifiers = ['before', 'by', 'in'] as const;
export const deadlineDoc = z.object({
  what: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  day: z.number().int().nullable(),
  month: z.number().int().nullable(),
  year: z.number().int().nullable(),
  recurrence: z.enum(recurrences),
  /** before: "trước ngày" (due by the end of the previous day); by: "chậm nhất/đến ngày"; in: "trong tháng". */
  qualifier: z.enum(deadlineQualifiers),
  text: z.string(),
  /**
   * The days an officer chose for a half-yearly deadline the plan gives no date ("lồng ghép vào báo
   * cáo 6 tháng"): the first half's, then the second's. Other undated deadlines take `day`/`month`.
   */
  dates: z
    .array(z.object({ day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) }))
    .max(2)
    .optional(),
});
/**
 * A mid-term (sơ kết) or final (tổng kết) review. `dueDate` is the day units report for it: a
 * default is offered (see `reviewDate`) and stays a default until an officer confirms it.
 */
export const milestoneDoc = z.object({
  kind: z.enum(['mid-term', 'final']),
  year: z.number().int(),
  dueDate: isoDate.nullable().optional(),
  confirmed: z.boolean().optional(),
});
/**
 * A participant group ("Đối với các trường học") and the units it covers: the unit kinds (proposed by
 * the parser with its reason, confirmed by the officer) and units chosen by name from the commune's
 * tree. A plan without `kinds` (stored before the mapping existed) is read with the proposal.
 */
export const participantGroupDoc = z.object({
  name: z.string(),
  criteria: z.array(z.string()),
  kinds: z.array(z.enum(unitKinds)).max(unitKinds.length).optional(),
  unitIds: z.array(uuid).max(2000).optional(),
  reason: z.string().optional(),
});
export const signerDoc = z.object({ name: z.string().nullable(), title: z.string().nullable(), capacity: z.enum(['TM.', 'KT.', 'TL.', 'TUQ.']).nullable() });
export const issuerDoc = z.object({ name: z.string().nullable(), parent: z.string().nullable() });

export const planDoc = z.object({
  issuer: issuerDoc,
  number: z.string().nullable(),
  date: z.string().nullable(),
  place: z.string().nullable(),
  title: z.string().nullable(),
  movements: z.array(z.string()),
  legalBases: z.array(legalBasisDoc),
  purposes: z.array(z.string()).optional(),
  requirements: z.array(z.string()).optional(),
  /** Where the movement runs ("Phạm vi") and who takes part ("Đối tượng thi đua"), as written. */
  scope: z.array(z.string()).optional(),
  participants: z.array(z.string()).optional(),
  contents: z.array(z.object({ order: z.number().int(), text: z.string() })),
  participantGroups: z.array(participantGroupDoc),
  awardForms: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
  occasions: z.array(z.enum(['yearly', 'mid-term', 'final', 'thematic'])),
  dossier: z.array(z.string()),
  solutions: z.array(z.string()).optional(),
  phases: z.array(z.object({ name: z.string(), fromYear: z.number().int(), toYear: z.number().int() })),
  milestones: z.array(milestoneDoc),
  deadlines: z.array(deadlineDoc),
  responsibilities: z.array(z.object({ body: z.string(), tasks: z.array(z.string()) })),
  recipients: z.array(z.string()),
  signer: signerDoc,
});
export type PlanDoc = z.infer<typeof planDoc>;

export const decisionDoc = z.object({
  issuer: issuerDoc,
  number: z.string().nullable(),
  date: z.string().nullable(),
  place: z.string().nullable(),
  title: z.string().nullable(),
  legalBases: z.array(legalBasisDoc),
  articles: z.array(z.object({ order: z.number().int(), text: z.string() })),
  recipients: z.array(z.string()),
  signer: signerDoc,
});
export type DecisionDoc = z.infer<typeof decisionDoc>;

export const parseWarning = z.object({ code: z.string(), message: z.string(), path: z.string().optional() });
export const sourceSpan = z.object({ start: z.number().int(), end: z.number().int(), confidence: z.number() });

export const planParseResult = z.object({
  plan: planDoc.nullable(),
  decision: decisionDoc.nullable(),
  warnings: z.array(parseWarning),
  sources: z.record(z.string(), sourceSpan),
});
export type PlanParseResult = z.infer<typeof planParseResult>;
