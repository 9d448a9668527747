import type { DecisionDoc } from '@tds/contracts';
import { closingStart, parseRecipients, parseSigner } from './closing.js';
import { inPara, record, type Ctx } from './context.js';
import { issuerFromAuthority, parseHeader, warnBlanks } from './header.js';
import { parseLegalBases } from './legal-bases.js';
import type { Para } from './normalise.js';
import type { Range } from './sections.js';

const ARTICLE = /^Điều\s+(\d{1,2})\s*[.:]\s*/u;
const ENACT = /^QUYẾT ĐỊNH\s*:/u;

/** Parse a decision (Quyết định) in paragraphs `range`: header, legal bases, articles, recipients, signer. */
export function parseDecision(ctx: Ctx, paras: Para[], range: Range): DecisionDoc {
  const typeAt = paras.findIndex((p, i) => i >= range.from && i < range.to && /^QUYẾT ĐỊNH$/u.test(p.text));
  const h = parseHeader(ctx, paras, range.from, typeAt, 'decision');
  const authority = issuerFromAuthority(ctx, paras, h.bodyFrom - 1, range.to, h.issuer.name ? null : 'decision');
  if (!h.issuer.name && authority) h.issuer.name = authority.name;
  warnBlanks(ctx, h, 'decision');
  let enact = paras.findIndex((p, i) => i >= h.bodyFrom && i < range.to && ENACT.test(p.text));
  if (enact < 0) enact = range.to;
  const basesFrom = authority && authority.index < enact ? authority.index + 1 : h.bodyFrom;
  const legalBases = parseLegalBases(ctx, paras, { from: basesFrom, to: enact }, 'decision');
  const articles: DecisionDoc['articles'] = [];
  for (let i = enact; i < range.to; i++) {
    const p = paras[i]!;
    const m = ARTICLE.exec(p.text);
    if (!m) continue;
    record(ctx, `decision.articles.${articles.length}.text`, inPara(p, '', m[0].length, p.text.length), 0.9);
    articles.push({ order: Number(m[1]), text: p.text.slice(m[0].length) });
  }
  const close = { from: closingStart(paras, enact, range.to), to: range.to };
  const recipients = parseRecipients(ctx, paras, close, 'decision');
  const signer = parseSigner(ctx, paras, close, recipients.last >= 0 ? { from: close.from, to: recipients.last + 1 } : null, 'decision');
  return { issuer: h.issuer, number: h.number, date: h.date, place: h.place, title: h.title, legalBases, articles, recipients: recipients.items, signer };
}
