import type { PlanDoc } from '@tds/contracts';
import type { AdminDocument, Block } from './document-model';
import { headerOf, issuerName, legalBasisLine, letter, lowerFirst, roman, sentence, signerOf, upperFirst } from './doc-text';

/** A titled part of the plan; empty parts are left out and the rest numbered in order. */
interface Part {
  title: string;
  blocks: Block[];
}

type Deadline = PlanDoc['deadlines'][number];

const OCCASIONS: Record<PlanDoc['occasions'][number], string> = {
  yearly: 'khen thưởng hằng năm',
  'mid-term': 'khen thưởng sơ kết',
  final: 'khen thưởng tổng kết',
  thematic: 'khen thưởng chuyên đề',
};
const QUALIFIERS: Record<Deadline['qualifier'], string> = { before: 'trước ngày', by: 'chậm nhất ngày', in: 'trong tháng' };
const MILESTONES = { 'mid-term': 'sơ kết', final: 'tổng kết' } as const;

/** The subject of the plan, from its title or else from its movements. */
export function planTitle(plan: PlanDoc): string {
  if (plan.title?.trim()) return upperFirst(plan.title.trim());
  const movements = plan.movements.map((m) => `Phong trào “${m}”`).join(' và ');
  return `Triển khai ${movements || 'Phong trào thi đua'}`;
}

/** Numbers parts 1., 2. (level 2) or I., II. (level 1) and drops the empty ones. */
function numbered(parts: Part[], level: 1 | 2): Block[] {
  return parts
    .filter((p) => p.blocks.length > 0)
    .flatMap((p, i): Block[] => [{ kind: 'heading', level, label: level === 1 ? `${roman(i)}.` : `${i + 1}.`, text: p.title }, ...p.blocks]);
}

/** One text as a paragraph, several as a), b), c). */
function lettered(texts: readonly string[] | undefined): Block[] {
  const list = texts ?? [];
  if (list.length === 1) return [{ kind: 'paragraph', text: sentence(list[0] ?? '') }];
  return list.map((t, i) => ({ kind: 'paragraph', text: `${letter(i)}) ${sentence(t)}` }));
}

/** Texts as "1. ...", "2. ..." paragraphs. */
function counted(texts: readonly string[]): Block[] {
  return texts.map((t, i) => ({ kind: 'paragraph', text: `${i + 1}. ${sentence(t)}` }));
}

/** Texts as "- ..." items. */
function items(texts: readonly string[]): Block[] {
  return texts.map((t) => ({ kind: 'item', level: 1, text: sentence(t) }));
}

/** The "Căn cứ ...;" preamble and the sentence that opens the plan. */
function preamble(plan: PlanDoc): Block[] {
  const bases: Block[] = plan.legalBases.map((b) => ({ kind: 'paragraph', text: legalBasisLine(b), italic: true }));
  const opening = `${issuerName(plan.issuer)} ban hành Kế hoạch ${lowerFirst(planTitle(plan))} như sau:`;
  return [...bases, { kind: 'paragraph', text: opening }];
}

/** I. Purposes and requirements. */
function purposes(plan: PlanDoc): Block[] {
  return numbered(
    [
      { title: 'Mục đích', blocks: lettered(plan.purposes) },
      { title: 'Yêu cầu', blocks: lettered(plan.requirements) },
    ],
    2,
  );
}

/** II. The numbered contents of the movement. */
function contents(plan: PlanDoc): Block[] {
  return [...plan.contents].sort((a, b) => a.order - b.order).map((c) => ({ kind: 'paragraph', text: `${c.order}. ${sentence(c.text)}` }));
}

/** When awards are given: "Khen thưởng hằng năm, khen thưởng sơ kết (năm 2027) ...". */
function occasionsLine(plan: PlanDoc): Block[] {
  if (plan.occasions.length === 0) return [];
  const year = (kind: 'mid-term' | 'final') => plan.milestones.find((m) => m.kind === kind)?.year;
  const names = plan.occasions.map((o) => {
    const y = o === 'mid-term' || o === 'final' ? year(o) : undefined;
    return y ? `${OCCASIONS[o]} (năm ${y})` : OCCASIONS[o];
  });
  return [{ kind: 'paragraph', text: `${upperFirst(names.join(', '))}, với các hình thức sau:` }];
}

/** III. Participant groups with their criteria, award forms and the dossier. */
function criteria(plan: PlanDoc): Block[] {
  const groups = plan.participantGroups.flatMap((g, i): Block[] => [{ kind: 'heading', level: 3, label: `${letter(i)})`, text: g.name }, ...items(g.criteria)]);
  const awards = plan.awardForms.length ? [...occasionsLine(plan), ...items(plan.awardForms.map((a) => a.name))] : [];
  return numbered(
    [
      { title: 'Đối tượng, tiêu chí thi đua', blocks: groups },
      { title: 'Hình thức khen thưởng', blocks: awards },
      { title: 'Hồ sơ đề nghị khen thưởng', blocks: items(plan.dossier) },
    ],
    2,
  );
}

/** "trước ngày 05/11 hằng năm" from a deadline's fields, when its own text is missing. */
function whenText(d: Deadline): string {
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  const date = [d.qualifier === 'in' ? null : d.day, d.month, d.recurrence === 'once' ? d.year : null]
    .filter((x): x is number => x !== null)
    .map((n, i) => (i < 2 ? pad(n) : String(n)))
    .join('/');
  const every = d.recurrence === 'yearly' ? ' hằng năm' : d.recurrence === 'half-yearly' ? ' 6 tháng một lần' : '';
  return `${QUALIFIERS[d.qualifier]} ${date}${every}`.trim();
}

/** A deadline as a sentence: "Các cơ quan gửi báo cáo ... về UBND xã trước ngày 05/11 hằng năm." */
export function deadlineSentence(d: Deadline): string {
  const what = d.from ? `${upperFirst(d.from)} gửi ${lowerFirst(d.what)}` : upperFirst(d.what);
  const to = d.to ? ` về ${d.to}` : '';
  // The structured date says it exactly ("trước ngày 05/12 hằng năm"); free text only when there is none.
  // A year alone ("Năm 2025:" heading an item) reads "trong năm 2025" in a sentence.
  const yearOnly = !d.month && d.recurrence === 'once' && d.year ? `trong năm ${d.year}` : null;
  return sentence(`${what}${to} ${d.month ? whenText(d) : (yearOnly ?? (d.text.trim() || whenText(d)))}`);
}

/** V. Phases with their reviews, and the reporting deadlines. */
function timeline(plan: PlanDoc): Block[] {
  const years = plan.phases.flatMap((p) => [p.fromYear, p.toYear]);
  const intro: Block[] = years.length
    ? [
        {
          kind: 'paragraph',
          text: `Phong trào thi đua được triển khai từ năm ${Math.min(...years)} đến năm ${Math.max(...years)}, chia thành ${plan.phases.length} giai đoạn:`,
        },
      ]
    : [];
  const used = new Set<number>();
  const phases = plan.phases.map((p): Block => {
    const m = plan.milestones.find((x) => x.year === p.toYear && !used.has(x.year));
    if (m) used.add(m.year);
    const review = m ? `: tổ chức ${MILESTONES[m.kind]} vào năm ${m.year}` : '';
    return { kind: 'item', level: 1, text: `${p.name} (từ năm ${p.fromYear} đến năm ${p.toYear})${review}.` };
  });
  const others = plan.milestones
    .filter((m) => !used.has(m.year))
    .map((m): Block => ({ kind: 'paragraph', text: `${upperFirst(MILESTONES[m.kind])} vào năm ${m.year}.` }));
  // A deadline the responsibilities already state (as real plans do) is not printed twice.
  const stated = (d: Deadline) => !!d.text.trim() && plan.responsibilities.some((r) => r.tasks.some((t) => t.includes(d.text.trim())));
  const deadlines = plan.deadlines.filter((d) => !stated(d)).map((d): Block => ({ kind: 'paragraph', text: deadlineSentence(d) }));
  return numbered(
    [
      { title: 'Các giai đoạn', blocks: [...intro, ...phases, ...others] },
      { title: 'Chế độ báo cáo', blocks: deadlines },
    ],
    2,
  );
}

/** VI. What each body must do. */
function responsibilities(plan: PlanDoc): Block[] {
  return plan.responsibilities.flatMap((r, i): Block[] => [{ kind: 'heading', level: 2, label: `${i + 1}.`, text: r.body }, ...items(r.tasks)]);
}

/** Maps a movement plan to the Decree 30 document model (KẾ HOẠCH, symbol KH-UBND). */
export function planDocument(plan: PlanDoc, options: { draft?: boolean } = {}): AdminDocument {
  const title = planTitle(plan);
  const body = numbered(
    [
      { title: 'MỤC ĐÍCH, YÊU CẦU', blocks: purposes(plan) },
      { title: 'NỘI DUNG THI ĐUA', blocks: contents(plan) },
      { title: 'ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG', blocks: criteria(plan) },
      { title: 'GIẢI PHÁP THỰC HIỆN', blocks: counted(plan.solutions ?? []) },
      { title: 'THỜI GIAN THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO', blocks: timeline(plan) },
      { title: 'TỔ CHỨC THỰC HIỆN', blocks: responsibilities(plan) },
    ],
    1,
  );
  const closing: Block = { kind: 'paragraph', text: `Trên đây là Kế hoạch ${lowerFirst(title)}./.` };
  return {
    header: headerOf(plan, 'KH-UBND'),
    type: 'KẾ HOẠCH',
    subject: title,
    body: [...preamble(plan), ...body, closing],
    recipients: plan.recipients,
    signer: signerOf(plan.signer, plan.issuer),
    draft: options.draft ?? false,
  };
}
