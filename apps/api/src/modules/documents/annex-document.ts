import { Paragraph, patchDocument, PatchType } from 'docx';
import type { AdminDocument, Block } from './document-model';
import { headerOf } from './doc-text';
import { renderDocx } from './render-docx';
import { docxTable, type ReportIssuer } from './report-document';
import type { ReportTable } from './report-table';

/** An annex (PHỤ LỤC) of tables in the Decree 30/2020 layout: the issuer's header, the title, "(Kèm theo ...)", each table under its caption. */
export interface AnnexContent {
  issuer: ReportIssuer['issuer'];
  place: string | null;
  /** The subject under "PHỤ LỤC" ("Kết quả chấm điểm thi đua năm 2026 ..."). */
  subject: string;
  /** The italic note under it ("(Kèm theo Báo cáo số .../BC-UBND ngày ...)"). */
  note: string;
  date: string | null;
  tables: ReportTable[];
  /** Paragraphs after the tables (the classification's bands, notes). */
  notes?: string[];
}

const placeholder = (i: number) => `PHU_LUC_${i + 1}`;

export async function renderAnnexDocx(c: AnnexContent): Promise<Buffer> {
  const body: Block[] = c.tables.flatMap((t, i): Block[] => [
    {
      kind: 'paragraph',
      text: [
        { text: `Bảng ${i + 1}. `, bold: true },
        { text: t.title, italic: true },
      ],
    },
    { kind: 'paragraph', text: `{{${placeholder(i)}}}` },
  ]);
  const doc: AdminDocument = {
    header: headerOf({ issuer: c.issuer, number: null, date: c.date, place: c.place }, 'PL'),
    type: 'PHỤ LỤC',
    subject: c.subject,
    subjectNote: c.note,
    body: [...body, ...(c.notes ?? []).map((text): Block => ({ kind: 'paragraph', text, italic: true }))],
    recipients: [],
    signer: null,
    draft: true,
  };
  const base = await renderDocx(doc);
  const after = () => new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });
  const patches = Object.fromEntries(c.tables.map((t, i) => [placeholder(i), { type: PatchType.DOCUMENT, children: [docxTable(t), after()] }]));
  return patchDocument({ outputType: 'nodebuffer', data: base, patches, keepOriginalStyles: false });
}
