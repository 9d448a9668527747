import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { AdminDocument, Block, RichText } from './document-model';
import { dateLine, numberLine, recipientLines, spansOf, upperVi } from './document-model';

/** Page geometry and type sizes of Decree 30/2020/NĐ-CP, in twips (1 mm = 56.7) and half-points. */
export const LAYOUT = {
  page: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567 },
  /** Width between the margins: 165 mm. */
  textWidth: 9354,
  header: [3572, 5782],
  closing: [4252, 5102],
  cellMargin: 57,
  font: 'Times New Roman',
  size: {
    parent: 26,
    issuer: 26,
    number: 26,
    motto: 24,
    tagline: 26,
    date: 28,
    type: 28,
    subject: 28,
    body: 28,
    recipientsTitle: 24,
    recipients: 22,
    signer: 28,
  },
  firstLine: 567,
  /** Line spacing in 240ths of a line: 1.2 lines. */
  line: 288,
} as const;

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** One run in Times New Roman. */
function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ text, font: LAYOUT.font, size: style.size, bold: style.bold ?? false, italics: style.italic ?? false });
}

/** A centred single-spaced line of one run. */
function centred(text: string, style: RunStyle, before = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(text, style)],
  });
}

/** A short horizontal rule of `length` twips centred in a space `width` twips wide. */
function rule(width: number, length: number, before = 60): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 4 },
    children: [],
  });
}

/** A cell of a fixed width holding `children`. */
function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children });
}

/** A borderless table of fixed layout and fixed DXA column widths. */
function fixedTable(widths: readonly number[], rows: TableRow[]): Table {
  const m = LAYOUT.cellMargin;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    borders: TableBorders.NONE,
    margins: { left: m, right: m, top: 0, bottom: 0 },
    rows,
  });
}

/** The issuer block and the national motto, then the number beside the place and date. */
function headerTable(doc: AdminDocument): Table {
  const [left, right] = LAYOUT.header;
  const s = LAYOUT.size;
  const inner = (w: number) => w - 2 * LAYOUT.cellMargin;
  const issuer = doc.header.issuer.split('\n').map((line) => centred(upperVi(line), { size: s.issuer, bold: true }));
  const parent = doc.header.parent ? [centred(upperVi(doc.header.parent), { size: s.parent })] : [];
  const top = new TableRow({
    children: [
      cell(left, [...parent, ...issuer, rule(inner(left), 1200)]),
      cell(right, [
        centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: s.motto, bold: true }),
        centred('Độc lập - Tự do - Hạnh phúc', { size: s.tagline, bold: true }),
        rule(inner(right), 3420),
      ]),
    ],
  });
  const second = new TableRow({
    children: [
      cell(left, [centred(numberLine(doc.header, doc.draft), { size: s.number }, 120)]),
      cell(right, [centred(dateLine(doc.header, doc.draft), { size: s.date, italic: true }, 120)]),
    ],
  });
  return fixedTable(LAYOUT.header, [top, second]);
}

/** The document type and its subject, centred and bold, with a short rule under them. */
function titleBlock(doc: AdminDocument): Paragraph[] {
  const s = LAYOUT.size;
  const out = [centred(upperVi(doc.type), { size: s.type, bold: true }, 480)];
  if (doc.subject) out.push(centred(doc.subject, { size: s.subject, bold: true }));
  if (doc.subjectNote) out.push(centred(doc.subjectNote, { size: s.body, italic: true }));
  out.push(rule(LAYOUT.textWidth, 2268, 120));
  return out;
}

/** The runs of a rich text, with the block's own emphasis added. */
function runs(text: RichText, base: RunStyle): TextRun[] {
  return spansOf(text).map((span) => run(span.text, { size: base.size, bold: base.bold || span.bold, italic: base.italic || span.italic }));
}

/** A justified body paragraph with a first-line indent; a heading keeps with the next paragraph. */
function bodyParagraph(children: TextRun[], keepNext = false): Paragraph {
  return new Paragraph({
    keepNext,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: LAYOUT.firstLine },
    spacing: { before: 0, after: 120, line: LAYOUT.line, lineRule: LineRuleType.AUTO },
    children,
  });
}

/** One block of the body as a paragraph; `keep` keeps it on the page of what follows. */
function blockParagraph(block: Block, keep = false): Paragraph {
  const size = LAYOUT.size.body;
  switch (block.kind) {
    case 'heading': {
      const text = block.label ? `${block.label} ${block.text}` : block.text;
      return bodyParagraph([run(text, { size, bold: block.level < 3, italic: block.level === 3 })], true);
    }
    case 'paragraph':
      return bodyParagraph(runs(block.text, { size, italic: block.italic }), keep);
    case 'item': {
      const marker = block.marker ?? (block.level === 1 ? '-' : '+');
      return bodyParagraph([run(`${marker} `, { size }), ...runs(block.text, { size })], keep);
    }
    case 'center':
      return new Paragraph({
        keepNext: true,
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 120, line: LAYOUT.line, lineRule: LineRuleType.AUTO },
        children: [run(block.text, { size, bold: block.bold })],
      });
  }
}

/** A left-aligned single-spaced line in the recipients column. */
function leftLine(text: string, style: RunStyle): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [run(text, style)] });
}

/** Recipients on the left, the signature block on the right. */
function closingTable(doc: AdminDocument): Table {
  const [left, right] = LAYOUT.closing;
  const s = LAYOUT.size;
  const recipients = doc.recipients.length
    ? [
        leftLine('Nơi nhận:', { size: s.recipientsTitle, bold: true, italic: true }),
        ...recipientLines(doc.recipients).map((line) => leftLine(line, { size: s.recipients })),
      ]
    : [leftLine('', { size: s.recipients })];
  const signer = doc.signer;
  const lines = [signer?.capacity, signer?.title].filter((x): x is string => !!x).map((line) => centred(upperVi(line), { size: s.signer, bold: true }));
  const signature = [...lines, centred(signer?.name ?? '', { size: s.signer, bold: true }, 1800)];
  const row = new TableRow({ cantSplit: true, children: [cell(left, recipients), cell(right, signature)] });
  return fixedTable(LAYOUT.closing, [row]);
}

/** Page numbers centred at the top from the second page on, as Decree 30 asks. */
function pageHeaders(): { default: Header; first: Header } {
  const number = new TextRun({ children: [PageNumber.CURRENT], font: LAYOUT.font, size: LAYOUT.size.body });
  return {
    default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [number] })] }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/** Builds the .docx Document of an administrative document in the Decree 30/2020/NĐ-CP layout. */
export function buildDecree30(doc: AdminDocument): Document {
  const spacer = (keepNext: boolean) => new Paragraph({ keepNext, spacing: { before: 0, after: 0 }, children: [run('', { size: LAYOUT.size.body })] });
  const closing = doc.signer ? [spacer(true), closingTable(doc)] : [];
  // The last paragraph goes with the signature block, which never stands alone on a page.
  const body = doc.body.map((b, i) => blockParagraph(b, !!doc.signer && i === doc.body.length - 1));
  return new Document({
    creator: 'Thi Đua Số',
    title: [doc.type, doc.subject].filter(Boolean).join(' '),
    styles: { default: { document: { run: { font: LAYOUT.font, size: LAYOUT.size.body } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: LAYOUT.page, margin: LAYOUT.margin } },
        headers: pageHeaders(),
        children: [headerTable(doc), ...titleBlock(doc), spacer(false), ...body, ...closing],
      },
    ],
  });
}
