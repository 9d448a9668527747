import { LAYOUT } from './decree30';
import type { AdminDocument, Block, RichText } from './document-model';
import { dateLine, numberLine, recipientLines, spansOf, upperVi } from './document-model';

/** Twips as CSS points. */
const pt = (twips: number) => `${twips / 20}pt`;
/** Half-points as CSS points. */
const fs = (halfPoints: number) => `${halfPoints / 2}pt`;

/** Escapes text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The print stylesheet: A4 with the Decree 30 margins, Times New Roman, the two-column tables. */
function styles(): string {
  const { margin: m, size: s } = LAYOUT;
  return `
@page { size: A4; margin: ${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)}; }
body { font-family: 'Times New Roman', 'Liberation Serif', Times, serif; font-size: ${fs(s.body)}; margin: 0; color: #000; }
.page { width: ${pt(LAYOUT.textWidth)}; margin: 0 auto; }
@media screen { body { background: #eee; } .page { background: #fff; padding: ${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)}; margin: 1em auto; } }
table.cols { table-layout: fixed; border-collapse: collapse; width: ${pt(LAYOUT.textWidth)}; }
table.cols td { vertical-align: top; padding: 0 ${pt(LAYOUT.cellMargin)}; border: none; }
.c { text-align: center; margin: 0; line-height: 1.1; }
.b { font-weight: bold; } .i { font-style: italic; } .pre { white-space: pre-wrap; }
.motto { white-space: nowrap; }
.rule { border-top: 0.75pt solid #000; height: 0; margin: 4pt auto 0; }
.number, .date { margin-top: 6pt; }
table.closing, table.closing tr { break-inside: avoid; page-break-inside: avoid; }
.h1, .h2, .h3 { break-after: avoid; page-break-after: avoid; }
.content > :last-child { break-after: avoid; page-break-after: avoid; }
.body { text-align: justify; text-indent: ${pt(LAYOUT.firstLine)}; margin: 0 0 6pt; line-height: ${LAYOUT.line / 240}; }
.center { text-align: center; margin: 6pt 0; }
.recipients p { margin: 0; font-size: ${fs(s.recipients)}; }
.recipients p.t { font-size: ${fs(s.recipientsTitle)}; font-weight: bold; font-style: italic; }
.sign { font-size: ${fs(s.signer)}; } .sign .name { margin-top: ${pt(1800)}; }
`;
}

/** A centred single line with classes and a size in half-points. */
function line(text: string, size: number, cls = ''): string {
  return `<p class="c ${cls}" style="font-size:${fs(size)}">${escapeHtml(text)}</p>`;
}

/** A centred rule `twips` long. */
function rule(twips: number): string {
  return `<div class="rule" style="width:${pt(twips)}"></div>`;
}

/** The issuer block and the motto, then the number and the place and date. */
function header(doc: AdminDocument): string {
  const s = LAYOUT.size;
  const [left, right] = LAYOUT.header;
  const parent = doc.header.parent ? line(upperVi(doc.header.parent), s.parent) : '';
  const issuer = doc.header.issuer
    .split('\n')
    .map((l) => line(upperVi(l), s.issuer, 'b'))
    .join('');
  return `<table class="cols header"><colgroup><col style="width:${pt(left)}"><col style="width:${pt(right)}"></colgroup>
<tr><td class="issuer">${parent}${issuer}${rule(1200)}</td>
<td class="motto-cell">${line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', s.motto, 'b motto')}${line('Độc lập - Tự do - Hạnh phúc', s.tagline, 'b motto')}${rule(3420)}</td></tr>
<tr><td>${line(numberLine(doc.header, doc.draft), s.number, 'pre number')}</td>
<td>${line(dateLine(doc.header, doc.draft), s.date, 'i pre date')}</td></tr></table>`;
}

/** The document type, the subject and its rule. */
function title(doc: AdminDocument): string {
  const s = LAYOUT.size;
  const subject = doc.subject ? line(doc.subject, s.subject, 'b subject') : '';
  const note = doc.subjectNote ? line(doc.subjectNote, s.body, 'i') : '';
  return `<div class="title" style="margin-top:24pt">${line(upperVi(doc.type), s.type, 'b type')}${subject}${note}${rule(2268)}</div>`;
}

/** Spans as HTML, each with its own emphasis. */
function inline(text: RichText): string {
  return spansOf(text)
    .map((span) => {
      const t = escapeHtml(span.text);
      const b = span.bold ? `<b>${t}</b>` : t;
      return span.italic ? `<i>${b}</i>` : b;
    })
    .join('');
}

/** One body block as HTML. */
function block(b: Block): string {
  switch (b.kind) {
    case 'heading': {
      const text = escapeHtml(b.label ? `${b.label} ${b.text}` : b.text);
      return `<p class="body h${b.level}">${b.level < 3 ? `<b>${text}</b>` : `<i>${text}</i>`}</p>`;
    }
    case 'paragraph':
      return `<p class="body${b.italic ? ' i' : ''}">${inline(b.text)}</p>`;
    case 'item':
      return `<p class="body item">${escapeHtml(b.marker ?? (b.level === 1 ? '-' : '+'))} ${inline(b.text)}</p>`;
    case 'center':
      return `<p class="center${b.bold ? ' b' : ''}">${escapeHtml(b.text)}</p>`;
  }
}

/** Recipients on the left, the signature block on the right. */
function closing(doc: AdminDocument): string {
  if (!doc.signer) return '';
  const [left, right] = LAYOUT.closing;
  const list = doc.recipients.length
    ? `<p class="t">Nơi nhận:</p>${recipientLines(doc.recipients)
        .map((r) => `<p>${escapeHtml(r)}</p>`)
        .join('')}`
    : '';
  const { capacity, title: role, name } = doc.signer;
  const lines = [capacity, role]
    .filter((x): x is string => !!x)
    .map((l) => `<p class="c b">${escapeHtml(upperVi(l))}</p>`)
    .join('');
  return `<table class="cols closing" style="margin-top:12pt"><colgroup><col style="width:${pt(left)}"><col style="width:${pt(right)}"></colgroup>
<tr><td class="recipients">${list}</td><td class="sign">${lines}<p class="c b name">${escapeHtml(name ?? '')}</p></td></tr></table>`;
}

/** Renders an administrative document as a self-contained printable HTML page (A4, Decree 30 layout). */
export function renderHtml(doc: AdminDocument): string {
  const heading = escapeHtml([doc.type, doc.subject].filter(Boolean).join(' '));
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${heading}</title><style>${styles()}</style></head>
<body><div class="page">
${header(doc)}
${title(doc)}
<div class="content" style="margin-top:12pt">
${doc.body.map(block).join('\n')}
</div>
${closing(doc)}
</div></body></html>
`;
}
