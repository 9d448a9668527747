import type { PlanDoc } from '@tds/contracts';
import { inPara, record, type Ctx, type Found } from './context.js';
import { isAllCaps, type Para } from './normalise.js';
import { isWhite, runStart } from './scan.js';
import type { Range } from './sections.js';
import { titleCase } from './vi.js';

type Signer = PlanDoc['signer'];

const RECIPIENTS = /^Nơi nhận\s*:?\s*/iu;
/** "TM." (on behalf of), "KT." (for the head), "TL.", "TUQ."; Party documents write "T/M", "K/T", "T/L". */
const CAPACITY = /^((?:TM|KT|TL|TUQ)\.|[TK]\/[MTL]\.?)\s*(.*)$/u;

/**
 * The schema's capacity for a written one. The schema's enum holds the state forms (TM./KT./TL./TUQ.);
 * a Party document's "T/M" (and "K/T", "T/L") means the same and is mapped to "TM." ("KT.", "TL.").
 */
function capacityOf(written: string): Signer['capacity'] {
  return `${written.replace(/[/.]/gu, '')}.` as Signer['capacity'];
}
const TITLE = /^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|BÍ THƯ|PHÓ BÍ THƯ|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|THỦ TRƯỞNG)$/u;
const NAME = /^\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$/u;

/** Index of the first closing paragraph (conclusion, recipients or signature) in [from, to), or `to`. */
export function closingStart(paras: Para[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const t = paras[i]!.text;
    if (/^Trên đây là\s/u.test(t) || RECIPIENTS.test(t) || (CAPACITY.test(t) && isAllCaps(t))) return i;
  }
  return to;
}

/** The recipients list ("Nơi nhận:" then "- ..." lines). */
export function parseRecipients(ctx: Ctx, paras: Para[], range: Range, prefix: string): { items: string[]; last: number } {
  const items: string[] = [];
  const at = paras.slice(range.from, range.to).findIndex((p) => RECIPIENTS.test(p.text));
  if (at < 0) return { items, last: -1 };
  const head = paras[range.from + at]!;
  const add = (p: Para, from: number, to: number) => {
    const raw = p.text.slice(from, to);
    const lead = /^[\s\-–+]*/u.exec(raw)![0].length;
    const trail = raw.length - runStart(raw, raw.length, 0, (c) => c === ';' || c === ',' || c === '.' || isWhite(c));
    if (raw.length - trail <= lead) return;
    record(ctx, `${prefix}.recipients.${items.length}`, inPara(p, '', from + lead, to - trail), 0.85);
    items.push(raw.slice(lead, raw.length - trail));
  };
  const inline = RECIPIENTS.exec(head.text)![0].length;
  const re = /(?:^|\s)[-–]\s/gu;
  const rest = head.text.slice(inline);
  const cuts = [...rest.matchAll(re)].map((m) => inline + m.index);
  if (cuts.length > 0 || rest.trim()) [inline, ...cuts].forEach((c, k) => add(head, c, cuts[k] ?? head.text.length));
  let last = range.from + at;
  for (let i = last + 1; i < range.to && /^[-–+]\s*/u.test(paras[i]!.text); i++) {
    add(paras[i]!, 0, paras[i]!.text.length);
    last = i;
  }
  return { items, last };
}

/** The signature block: capacity (TM./KT.), title (CHỦ TỊCH / PHÓ CHỦ TỊCH) and the signer's name after it. */
export function parseSigner(ctx: Ctx, paras: Para[], range: Range, skip: Range | null, prefix: string): Signer {
  const signer: Signer = { name: null, title: null, capacity: null };
  let titleAt = -1;
  for (let i = range.from; i < range.to && titleAt < 0; i++) {
    if (skip && i >= skip.from && i < skip.to) continue;
    const p = paras[i]!;
    const cap = CAPACITY.exec(p.text);
    if (cap && isAllCaps(p.text)) {
      signer.capacity = capacityOf(cap[1]!);
      record(ctx, `${prefix}.signer.capacity`, inPara(p, '', 0, cap[1]!.length), 0.95);
      const next = paras[i + 1];
      // "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the signer's own capacity is the last one (KT.).
      if (next && CAPACITY.test(next.text) && isAllCaps(next.text)) continue;
      const own = TITLE.test(cap[2]!) && !(next && TITLE.test(next.text));
      titleAt = own ? i : next && isAllCaps(next.text) ? i + 1 : i;
      setTitle(
        ctx,
        signer,
        own
          ? inPara(p, cap[2]!, p.text.length - cap[2]!.length, p.text.length)
          : next && isAllCaps(next.text)
            ? inPara(next, next.text, 0, next.text.length)
            : null,
        prefix,
      );
    } else if (TITLE.test(p.text)) {
      titleAt = i;
      setTitle(ctx, signer, inPara(p, p.text, 0, p.text.length), prefix);
    }
  }
  if (titleAt < 0) return signer;
  for (let i = titleAt + 1; i < range.to; i++) {
    const p = paras[i]!;
    if (!NAME.test(p.text)) continue;
    signer.name = p.text;
    record(ctx, `${prefix}.signer.name`, inPara(p, p.text, 0, p.text.length), 0.9);
    break;
  }
  return signer;
}

function setTitle(ctx: Ctx, signer: Signer, found: Found<string> | null, prefix: string): void {
  if (!found) return;
  signer.title = titleCase(found.value);
  record(ctx, `${prefix}.signer.title`, found, 0.9);
}
