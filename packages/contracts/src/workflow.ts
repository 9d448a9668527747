import type { ErrorCode } from './errors.js';
import type { Permission } from './permissions.js';
import { assessmentWorkflow, councilScoreWorkflow, rubricWorkflow } from './scoring.js';
import { modelWorkflow } from './models.js';
import { inspectionRecommendationWorkflow, inspectionWorkflow } from './inspections.js';

/**
 * Records that move through states (reports, registrations; soon nominations, council sessions,
 * decisions, attendance sheets) are declared once here: states, transitions, who may take each,
 * guards and what each writes. The server runs a transition with one platform function
 * (`runTransition`), and computes `can` (what this user may do on this record now) from the same
 * declaration; the web shows a button only when `can` says so.
 */

/**
 * Who may take a transition:
 * - `unit`: the permission covers the record's unit (a commune-wide role, or a unit role whose
 *   subtree holds the unit);
 * - `own_unit`: only a unit role whose subtree holds the record's unit (the unit's own focal
 *   point or team), not a commune-wide role;
 * - `commune`: the permission held for the record's commune (commune admin, reviewers);
 * - `province`: the permission held for the commune's province (province officers).
 */
export type ActorScope = 'unit' | 'own_unit' | 'commune' | 'province';

/** Who a transition's notice goes to (see `writes.notify`). */
export type NoticeAudience = 'unit' | 'reviewers' | 'commune' | 'province';

export interface Who {
  permission: Permission;
  scope: ActorScope;
}

/** Checks a transition makes before it writes (each failing guard refuses it with a clear message). */
export type Guard = 'version' | 'required' | 'window';

export interface TransitionDecl<S extends string> {
  /** States the transition may start from. */
  from: readonly S[];
  /** The state it leads to; `null` keeps the current one (an edit). */
  to: S | null;
  /** Who may take it, per starting state where that differs (the first match wins). */
  who: readonly (Who & { when?: readonly S[] })[];
  guards: readonly Guard[];
  /** What it writes beside the record itself. */
  writes: {
    /** A copy of the record in its version table. */
    version: boolean;
    /** The audit entry: `full`, or `redacted` (only that it happened: a secret ballot, a sealed score). */
    audit: 'full' | 'redacted';
    /**
     * Who is told, in the app: the record's unit, the reviewers of its commune, the commune itself
     * (its commune-wide writers: the commune admins), or the officers of its province.
     */
    notify?: NoticeAudience;
    /** The notice also goes by e-mail (when the commune's reminder channels include it and the server can send mail). */
    mail?: boolean;
  };
  /** Vietnamese message when the record is in another state (the workflow's `lockedIn` states have their own code). */
  outOfTurn: string;
  /** Vietnamese label of the button or act. */
  labelVi: string;
}

export interface WorkflowDecl<S extends string, T extends string> {
  name: string;
  /** The audit entity type. */
  entity: string;
  states: readonly S[];
  initial: S;
  /** States in which no transition of the unit is possible any more, with the error code refusing them. */
  lockedIn?: { states: readonly NoInfer<S>[]; code: ErrorCode; except: readonly NoInfer<T>[] };
  transitions: Record<T, TransitionDecl<S>>;
}

function workflow<S extends string, T extends string>(d: WorkflowDecl<S, T>): WorkflowDecl<S, T> {
  return d;
}

const unitWriter: Who = { permission: 'report.write', scope: 'unit' };
const ownUnitWriter: Who = { permission: 'report.write', scope: 'own_unit' };
const reviewer: Who = { permission: 'report.review', scope: 'commune' };

/** While a report is open: a draft is anyone's who writes the unit's reports, a returned one the unit's own. */
const unitOwnsWhileOpen = [
  { ...unitWriter, when: ['draft'] as const },
  { ...ownUnitWriter, when: ['returned'] as const },
];
const WAITING_FOR_REVIEW = 'Báo cáo đã nộp và đang chờ xem xét: cần được trả lại trước khi sửa hoặc nộp lại.';

/**
 * A unit's report of a due item (and its unit plan). A draft may be written by anyone who writes the
 * unit's reports (the commune office may fill one in for a unit); once returned, it goes back to the
 * unit itself: only the unit's own roles correct and resubmit it.
 */
export const reportWorkflow = workflow({
  name: 'report',
  entity: 'report',
  states: ['draft', 'submitted', 'returned', 'accepted'] as const,
  initial: 'draft',
  lockedIn: { states: ['accepted'], code: 'REPORT_LOCKED', except: ['reopen'] },
  transitions: {
    save: {
      from: ['draft', 'returned'],
      to: null,
      who: unitOwnsWhileOpen,
      guards: ['version'],
      writes: { version: true, audit: 'full' },
      outOfTurn: WAITING_FOR_REVIEW,
      labelVi: 'Lưu',
    },
    file: {
      from: ['draft', 'returned'],
      to: null,
      who: unitOwnsWhileOpen,
      // The upload names no version: it adds a file to whatever the report holds now.
      guards: [],
      writes: { version: true, audit: 'full' },
      outOfTurn: WAITING_FOR_REVIEW,
      labelVi: 'Tải lên tệp',
    },
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      who: unitOwnsWhileOpen,
      guards: ['version', 'required'],
      writes: { version: true, audit: 'full', notify: 'reviewers' },
      outOfTurn: WAITING_FOR_REVIEW,
      labelVi: 'Nộp báo cáo',
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      who: [reviewer],
      guards: ['version', 'required'],
      writes: { version: true, audit: 'full', notify: 'unit', mail: true },
      outOfTurn: 'Chỉ trả lại được báo cáo đã nộp và đang chờ xem xét.',
      labelVi: 'Trả lại',
    },
    accept: {
      from: ['submitted'],
      to: 'accepted',
      who: [reviewer],
      guards: ['version'],
      writes: { version: true, audit: 'full', notify: 'unit' },
      outOfTurn: 'Chỉ tiếp nhận được báo cáo đã nộp và đang chờ xem xét.',
      labelVi: 'Tiếp nhận',
    },
    reopen: {
      from: ['accepted'],
      to: 'returned',
      who: [reviewer],
      guards: ['version', 'required'],
      writes: { version: true, audit: 'full', notify: 'unit', mail: true },
      outOfTurn: 'Chỉ mở lại được báo cáo đã tiếp nhận.',
      labelVi: 'Mở lại',
    },
  },
});
export type ReportTransition = keyof typeof reportWorkflow.transitions;

/**
 * A participating unit's registration (đăng ký thi đua) for a plan and year: drafted, submitted, and
 * amended while registration is open.
 */
export const registrationWorkflow = workflow({
  name: 'registration',
  entity: 'registration',
  states: ['draft', 'submitted'] as const,
  initial: 'draft',
  transitions: {
    create: {
      from: ['draft'],
      to: 'draft',
      who: [unitWriter],
      guards: ['window', 'required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Đăng ký thi đua đã có.',
      labelVi: 'Lưu nháp',
    },
    update: {
      from: ['draft', 'submitted'],
      to: null,
      who: [unitWriter],
      guards: ['window', 'version', 'required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Không sửa được đăng ký thi đua ở trạng thái này.',
      labelVi: 'Lưu',
    },
    submit: {
      from: ['draft'],
      to: 'submitted',
      who: [unitWriter],
      guards: ['window', 'version', 'required'],
      writes: { version: false, audit: 'full', notify: 'reviewers' },
      outOfTurn: 'Đăng ký thi đua đã được gửi.',
      labelVi: 'Gửi đăng ký',
    },
  },
});
export type RegistrationTransition = keyof typeof registrationWorkflow.transitions;

const communeWriter: Who = { permission: 'report.write', scope: 'commune' };
const provinceReviewer: Who = { permission: 'commune_report.review', scope: 'province' };
const COMMUNE_REPORT_WAITING = 'Báo cáo đã nộp lên tỉnh và đang chờ tỉnh xem xét: cần được trả lại trước khi sửa hoặc nộp lại.';

/**
 * The commune's own report to its province (yearly, mid-term, final): owed by the commune itself,
 * prepared and submitted by its commune-wide writers (the commune admin, Phòng VH-XH), received or
 * returned with a comment by the province's officers.
 */
export const communeReportWorkflow = workflow({
  name: 'commune_report',
  entity: 'commune_report',
  states: ['draft', 'submitted', 'returned', 'accepted'] as const,
  initial: 'draft',
  lockedIn: { states: ['accepted'], code: 'REPORT_LOCKED', except: [] },
  transitions: {
    save: {
      from: ['draft', 'returned'],
      to: null,
      who: [communeWriter],
      guards: ['version'],
      writes: { version: true, audit: 'full' },
      outOfTurn: COMMUNE_REPORT_WAITING,
      labelVi: 'Lưu',
    },
    prepare: {
      from: ['draft', 'returned'],
      to: null,
      who: [communeWriter],
      guards: ['version'],
      writes: { version: true, audit: 'full' },
      outOfTurn: COMMUNE_REPORT_WAITING,
      labelVi: 'Lấy số liệu từ báo cáo của đơn vị',
    },
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      who: [communeWriter],
      guards: ['version', 'required'],
      writes: { version: true, audit: 'full', notify: 'province' },
      outOfTurn: COMMUNE_REPORT_WAITING,
      labelVi: 'Nộp lên tỉnh',
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      who: [provinceReviewer],
      guards: ['version', 'required'],
      writes: { version: true, audit: 'full', notify: 'commune', mail: true },
      outOfTurn: 'Chỉ trả lại được báo cáo xã đã nộp và đang chờ tỉnh xem xét.',
      labelVi: 'Trả lại',
    },
    accept: {
      from: ['submitted'],
      to: 'accepted',
      who: [provinceReviewer],
      guards: ['version'],
      writes: { version: true, audit: 'full', notify: 'commune' },
      outOfTurn: 'Chỉ tiếp nhận được báo cáo xã đã nộp và đang chờ tỉnh xem xét.',
      labelVi: 'Tiếp nhận',
    },
  },
});
export type CommuneReportTransition = keyof typeof communeReportWorkflow.transitions;

/** Every declared workflow, by name (the architecture notes and tests list them). */
export const workflows = {
  report: reportWorkflow,
  registration: registrationWorkflow,
  commune_report: communeReportWorkflow,
  rubric: rubricWorkflow,
  assessment: assessmentWorkflow,
  council_score: councilScoreWorkflow,
  exemplary_model: modelWorkflow,
  inspection: inspectionWorkflow,
  inspection_recommendation: inspectionRecommendationWorkflow,
} as const;

/** The transitions of a workflow that may start from a state (the actor not yet considered). */
export function transitionsFrom<S extends string, T extends string>(wf: WorkflowDecl<S, T>, state: S): T[] {
  return (Object.keys(wf.transitions) as T[]).filter((t) => wf.transitions[t].from.includes(state));
}

/** Who may take a transition from a state, or null when it cannot start there. */
export function whoFor<S extends string, T extends string>(wf: WorkflowDecl<S, T>, transition: T, state: S): Who | null {
  const t = wf.transitions[transition];
  if (!t.from.includes(state)) return null;
  return t.who.find((w) => !('when' in w) || !w.when || w.when.includes(state)) ?? null;
}
