/**
 * PlanDoc <-> antd form values. The form holds dates as dayjs values and may hold blank rows the
 * officer added and left empty; the document holds ISO dates, nulls and no blank rows. Pure.
 */
import type { Dayjs } from 'dayjs';
import { reviewDate, type PlanDoc } from '@tds/contracts';
import { dayjsToIso, isoToDayjs } from '../../lib/format';
import { deadlineWording } from './planText';

type LegalBasis = PlanDoc['legalBases'][number];

type Milestone = PlanDoc['milestones'][number];

export type PlanFormValues = Omit<PlanDoc, 'date' | 'legalBases' | 'milestones'> & {
  date: Dayjs | null;
  legalBases: (Omit<LegalBasis, 'date'> & { date: Dayjs | null })[];
  milestones: (Omit<Milestone, 'dueDate'> & { dueDate: Dayjs | null })[];
};

export function emptyPlanDoc(): PlanDoc {
  return {
    issuer: { name: null, parent: null },
    number: null,
    date: null,
    place: null,
    title: null,
    movements: [],
    legalBases: [],
    purposes: [],
    requirements: [],
    contents: [],
    participantGroups: [],
    awardForms: [],
    occasions: [],
    dossier: [],
    solutions: [],
    phases: [],
    milestones: [],
    deadlines: [],
    responsibilities: [],
    recipients: [],
    signer: { name: null, title: null, capacity: null },
  };
}

export function docToForm(doc: PlanDoc): PlanFormValues {
  const d = { ...emptyPlanDoc(), ...doc };
  return {
    ...d,
    purposes: d.purposes ?? [],
    requirements: d.requirements ?? [],
    solutions: d.solutions ?? [],
    date: isoToDayjs(d.date),
    legalBases: d.legalBases.map((b) => ({ ...b, date: isoToDayjs(b.date) })),
    // A review without a day shows the default the plan suggests, unconfirmed.
    milestones: d.milestones.map((m) => ({ ...m, dueDate: isoToDayjs(reviewDate(d, m).date), confirmed: m.confirmed === true })),
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const nul = (v: unknown): string | null => str(v) || null;
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : []);
const list = <T>(v: unknown): Partial<T>[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Partial<T>[]) : []);

/** Form values (possibly partial: `getFieldsValue(true)`) to a clean PlanDoc. */
export function formToDoc(v: Partial<PlanFormValues>): PlanDoc {
  const signer: Partial<PlanDoc['signer']> = v.signer ?? {};
  const issuer: Partial<PlanDoc['issuer']> = v.issuer ?? {};
  return {
    issuer: { name: nul(issuer.name), parent: nul(issuer.parent) },
    number: nul(v.number),
    date: dayjsToIso(v.date ?? null),
    place: nul(v.place),
    title: nul(v.title),
    movements: strings(v.movements),
    legalBases: list<PlanFormValues['legalBases'][number]>(v.legalBases)
      .map((b) => ({ ref: nul(b.ref), type: nul(b.type), date: dayjsToIso(b.date ?? null), issuer: nul(b.issuer), title: nul(b.title) }))
      .filter((b) => b.ref || b.type || b.issuer || b.title),
    purposes: strings(v.purposes),
    requirements: strings(v.requirements),
    contents: list<PlanDoc['contents'][number]>(v.contents)
      .map((c) => str(c.text))
      .filter(Boolean)
      .map((text, i) => ({ order: i + 1, text })),
    participantGroups: list<PlanDoc['participantGroups'][number]>(v.participantGroups)
      .map((g) => ({
        name: str(g.name),
        criteria: strings(g.criteria),
        ...(Array.isArray(g.kinds) ? { kinds: [...new Set(g.kinds)] } : {}),
        ...(Array.isArray(g.unitIds) && g.unitIds.length ? { unitIds: [...new Set(g.unitIds)] } : {}),
        ...(g.reason ? { reason: g.reason } : {}),
      }))
      .filter((g) => g.name || g.criteria.length || g.kinds?.length || g.unitIds?.length),
    awardForms: list<PlanDoc['awardForms'][number]>(v.awardForms)
      .map((a) => ({ name: str(a.name), code: nul(a.code) }))
      .filter((a) => a.name),
    occasions: Array.isArray(v.occasions) ? [...new Set(v.occasions)] : [],
    dossier: strings(v.dossier),
    solutions: strings(v.solutions),
    phases: list<PlanDoc['phases'][number]>(v.phases)
      .map((p) => ({ name: str(p.name), fromYear: int(p.fromYear), toYear: int(p.toYear) }))
      .filter((p): p is PlanDoc['phases'][number] => p.fromYear !== null && p.toYear !== null),
    milestones: list<PlanFormValues['milestones'][number]>(v.milestones)
      .filter((m) => (m.kind === 'mid-term' || m.kind === 'final') && int(m.year) !== null)
      .map((m) => {
        const dueDate = dayjsToIso(m.dueDate ?? null);
        return { kind: m.kind!, year: int(m.year)!, ...(dueDate ? { dueDate, confirmed: m.confirmed === true } : {}) };
      }),
    deadlines: list<PlanDoc['deadlines'][number]>(v.deadlines)
      .map((d) => {
        const base = {
          what: str(d.what),
          from: nul(d.from),
          to: nul(d.to),
          day: int(d.day),
          month: int(d.month),
          year: int(d.year),
          recurrence: d.recurrence ?? 'once',
          qualifier: d.qualifier ?? 'by',
        } as const;
        const dates = list<{ day: number; month: number }>(d.dates)
          .map((x) => ({ day: int(x.day), month: int(x.month) }))
          .filter((x): x is { day: number; month: number } => x.day !== null && x.month !== null);
        const halves = base.recurrence === 'half-yearly' && base.month === null && dates.length === 2 ? { dates } : {};
        return { ...base, text: str(d.text) || deadlineWording(base), ...halves };
      })
      .filter((d) => d.what || d.month || d.text),
    responsibilities: list<PlanDoc['responsibilities'][number]>(v.responsibilities)
      .map((r) => ({ body: str(r.body), tasks: strings(r.tasks) }))
      .filter((r) => r.body || r.tasks.length),
    recipients: strings(v.recipients),
    signer: { name: nul(signer.name), title: nul(signer.title), capacity: signer.capacity ?? null },
  };
}
