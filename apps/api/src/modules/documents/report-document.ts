import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  patchDocument,
  PatchType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { LAYOUT } from './decree30';
import type { AdminDocument, Block, DocumentSigner } from './document-model';
import { headerOf, lowerFirst, roman, signerOf } from './doc-text';
import { renderDocx } from './render-docx';
import { cellText, isNumeric, type ReportTable } from './report-table';

/*
 * The consolidated yearly report on the movement (BÁO CÁO kết quả thực hiện phong trào thi đua) in the
 * Decree 30/2020 layout: the shared document model for the header, title, narrative and signature,
 * and the data tables put in place of placeholder paragraphs once the .docx is rendered.
 */

/** Who issues the report and how it is signed (from the commune's plan, or defaults). */
export interface ReportIssuer {
  issuer: { name: string | null; parent: string | null };
  place: string | null;
  signer: { name: string | null; title: string | null; capacity: 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | null };
  recipients: string[];
}

/** One titled part of the narrative: sections (numbered 1., 2. when titled) with paragraphs, items and the tables they show (by index in `tables`). */
export interface ReportPart {
  title: string;
  sections: { title: string; paragraphs: string[]; items?: string[]; tables?: number[] }[];
}

/** The content of a consolidated report. */
export interface ConsolidatedReportContent {
  issuer: ReportIssuer;
  year: number;
  /** The movements reported on (both the commune's plan names), none for the movement in general. */
  movements: readonly string[];
  /** The body reported on ("xã Gia Phúc", "các xã, phường trên địa bàn tỉnh Một"). */
  scopeText: string;
  number: string | null;
  date: string | null;
  draft: boolean;
  parts: ReportPart[];
  tables: ReportTable[];
}

const placeholder = (i: number) => `BANG_${i + 1}`;

/**
 * "Kết quả thực hiện phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và phong
 * trào “Bình dân học vụ số” năm 2026": every movement named, or the movement in general.
 */
export function reportSubject(movements: readonly string[], year: number): string {
  const named = movements.map((m) => `“${m}”`).join(' và phong trào ');
  return `Kết quả thực hiện phong trào thi đua${named ? ` ${named}` : ''} năm ${year}`;
}

/** Maps a consolidated report to the Decree 30 document model (BÁO CÁO, symbol BC-UBND), tables as placeholders. */
export function reportDocument(c: ConsolidatedReportContent): AdminDocument {
  const subject = reportSubject(c.movements, c.year);
  const body: Block[] = c.parts.flatMap((part, i): Block[] => [
    { kind: 'heading', level: 1, label: `${roman(i)}.`, text: part.title },
    ...part.sections.flatMap((s, j): Block[] => [
      ...(s.title ? [{ kind: 'heading', level: 2, label: `${j + 1}.`, text: s.title } as const] : []),
      ...s.paragraphs.map((text): Block => ({ kind: 'paragraph', text })),
      ...(s.items ?? []).map((text): Block => ({ kind: 'item', level: 1, text })),
      ...(s.tables ?? []).flatMap((t): Block[] => [
        {
          kind: 'paragraph',
          text: [
            { text: `Bảng ${t + 1}. `, bold: true },
            { text: c.tables[t]?.title ?? '', italic: true },
          ],
        },
        { kind: 'paragraph', text: `{{${placeholder(t)}}}` },
      ]),
    ]),
  ]);
  const signer: DocumentSigner = signerOf(c.issuer.signer, c.issuer.issuer);
  return {
    header: headerOf({ issuer: c.issuer.issuer, number: c.number, date: c.date, place: c.issuer.place }, 'BC-UBND'),
    type: 'BÁO CÁO',
    subject,
    body: [...body, { kind: 'paragraph', text: `Trên đây là Báo cáo ${lowerFirst(subject)} của ${c.scopeText}./.` }],
    recipients: c.issuer.recipients,
    signer,
    draft: c.draft,
  };
}

const TABLE_SIZE = 22;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** One cell of a printed table: centred headers in bold, numbers on the right. */
function tableCell(text: string, width: number, opts: { bold?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType] }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: border, bottom: border, left: border, right: border },
    children: [
      new Paragraph({
        alignment: opts.align,
        spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text, font: LAYOUT.font, size: TABLE_SIZE, bold: opts.bold ?? false })],
      }),
    ],
  });
}

/** The columns (and their cells) that are printed. */
function printedPart(t: ReportTable): ReportTable {
  const keep = t.columns.map((c, i) => (c.printed === false ? -1 : i)).filter((i) => i >= 0);
  if (keep.length === t.columns.length) return t;
  return { ...t, columns: keep.map((i) => t.columns[i]!), rows: t.rows.map((r) => keep.map((i) => r[i] ?? null)) };
}

/** A bordered table of fixed layout across the text width, columns in proportion to their widths. */
export function docxTable(table: ReportTable): Table {
  const t = printedPart(table);
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * LAYOUT.textWidth));
  widths[widths.length - 1]! += LAYOUT.textWidth - widths.reduce((a, b) => a + b, 0);
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c, i) => tableCell(c.header, widths[i]!, { bold: true, align: AlignmentType.CENTER })),
  });
  const empty = new TableRow({
    children: [
      new TableCell({
        columnSpan: t.columns.length,
        borders: { top: border, bottom: border, left: border, right: border },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Không có', font: LAYOUT.font, size: TABLE_SIZE, italics: true })] }),
        ],
      }),
    ],
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) =>
          tableCell(cellText(c.kind, r[i] ?? null), widths[i]!, { align: isNumeric(c.kind) ? AlignmentType.RIGHT : AlignmentType.LEFT }),
        ),
      }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: LAYOUT.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...(rows.length ? rows : [empty])],
  });
}

/** Renders the consolidated report to .docx: the Decree 30 document, then each table in place of its placeholder. */
export async function renderReportDocx(c: ConsolidatedReportContent): Promise<Buffer> {
  const base = await renderDocx(reportDocument(c));
  // Each table is followed by an empty line, so the next heading does not touch it.
  const after = () => new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });
  const patches = Object.fromEntries(c.tables.map((t, i) => [placeholder(i), { type: PatchType.DOCUMENT, children: [docxTable(t), after()] }]));
  return patchDocument({ outputType: 'nodebuffer', data: base, patches, keepOriginalStyles: false });
}
