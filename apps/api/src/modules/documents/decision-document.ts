import type { DecisionDoc, PlanDoc } from '@tds/contracts';
import type { AdminDocument, Block } from './document-model';
import { upperVi } from './document-model';
import { headerOf, issuerName, legalBasisLine, lowerFirst, signerOf, upperFirst } from './doc-text';
import { planTitle } from './plan-document';

const LEAD_OFFICE = 'Phòng Văn hóa - Xã hội';

/** Who answers for a body: "Trưởng phòng ..." for an office, the body itself otherwise. */
function headOf(body: string): string {
  return /^phòng\s/iu.test(body) ? `Trưởng ${lowerFirst(body)}` : body;
}

/** Options of a printed decision. */
export interface DecisionOptions {
  draft?: boolean;
  /** Who proposed it: "Theo đề nghị của {proposer}." Defaults to the head of the Culture and Society Office. */
  proposer?: string;
}

/** The four articles of a decision issuing a plan, as in seed 001. */
function planArticles(plan: PlanDoc, subject: string): DecisionDoc['articles'] {
  const lead = plan.responsibilities[0]?.body ?? LEAD_OFFICE;
  const bodies = plan.responsibilities.slice(1).map((r) => headOf(r.body));
  const executors = [
    'Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân',
    headOf(lead),
    ...bodies,
    'Thủ trưởng các cơ quan, đơn vị và các tổ chức, cá nhân có liên quan',
  ];
  return [
    { order: 1, text: `Ban hành kèm theo Quyết định này Kế hoạch ${lowerFirst(subject)}.` },
    {
      order: 2,
      text: `${upperFirst(lead)} có trách nhiệm chủ trì, phối hợp với các cơ quan, đơn vị có liên quan hướng dẫn triển khai, theo dõi, đôn đốc, kiểm tra và tổng hợp báo cáo kết quả thực hiện Kế hoạch này theo quy định.`,
    },
    { order: 3, text: 'Quyết định này có hiệu lực thi hành kể từ ngày ký.' },
    { order: 4, text: `${executors.join(', ')} chịu trách nhiệm thi hành Quyết định này./.` },
  ];
}

/** The decision that issues `plan`: its title, legal bases, Điều 1-4, recipients and the chairman's signature. */
export function decisionForPlan(plan: PlanDoc, at: { number?: string | null; date?: string | null } = {}): DecisionDoc {
  const subject = planTitle(plan);
  const signer = plan.signer.capacity === 'TM.' ? { ...plan.signer, capacity: null } : plan.signer;
  const recipients = ['Như Điều 4', ...plan.recipients.filter((r) => !/^lưu\b/iu.test(r.trim())), 'Lưu: VT, VH-XH'];
  return {
    issuer: plan.issuer,
    number: at.number ?? null,
    date: at.date ?? plan.date,
    place: plan.place,
    title: `Ban hành Kế hoạch ${lowerFirst(subject)}`,
    legalBases: plan.legalBases,
    articles: planArticles(plan, subject),
    recipients,
    signer,
  };
}

/** "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ..." for the chairman's decision; the committee alone when it decides collectively. */
function authorityLine(decision: DecisionDoc): string {
  const issuer = upperVi(issuerName(decision.issuer));
  return decision.signer.capacity === 'TM.' ? issuer : `CHỦ TỊCH ${issuer}`;
}

/** Maps a decision to the Decree 30 document model (QUYẾT ĐỊNH, symbol QĐ-UBND). */
export function decisionDocument(decision: DecisionDoc, options: DecisionOptions = {}): AdminDocument {
  const bases: Block[] = decision.legalBases.map((b) => ({ kind: 'paragraph', text: legalBasisLine(b), italic: true }));
  const proposer = options.proposer ?? headOf(LEAD_OFFICE);
  const articles = [...decision.articles]
    .sort((a, b) => a.order - b.order)
    .map((a): Block => ({
      kind: 'paragraph',
      text: [{ text: `Điều ${a.order}. `, bold: true }, { text: a.text }],
    }));
  const body: Block[] = [
    { kind: 'center', text: authorityLine(decision), bold: true },
    ...bases,
    { kind: 'paragraph', text: `Theo đề nghị của ${proposer}.`, italic: true },
    { kind: 'center', text: 'QUYẾT ĐỊNH:', bold: true },
    ...articles,
  ];
  return {
    header: headerOf(decision, 'QĐ-UBND'),
    type: 'QUYẾT ĐỊNH',
    subject: decision.title,
    body,
    recipients: decision.recipients,
    signer: signerOf(decision.signer, decision.issuer),
    draft: options.draft ?? false,
  };
}
