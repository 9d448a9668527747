import { readFileSync } from 'node:fs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { expectedSummary, FIXTURES, readSeed, SEEDS, summary } from '../fixtures/expected.js';
import { parsePlanText } from './index.js';
import { extractText } from './read-file.js';

const run = (text: string) => new TextRun({ text, font: 'Times New Roman', size: 26 });
const para = (text: string) => new Paragraph({ children: [run(text)] });

/** A .docx holding the lines of a text, one paragraph each, optionally after a header table. */
async function docxOf(lines: string[], header?: [string[], string[]]): Promise<Buffer> {
  const cell = (texts: string[]) => new TableCell({ children: texts.map((t) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t)] })) });
  const table = header
    ? [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ children: [cell(header[0]), cell(header[1])] })] })]
    : [];
  const doc = new Document({ sections: [{ children: [...table, ...lines.map(para)] }] });
  return Packer.toBuffer(doc);
}

async function textOf(buf: Uint8Array, name: string): Promise<string> {
  const r = await extractText(buf, name, undefined);
  if (!('text' in r)) throw new Error(r.message);
  return r.text;
}

describe('extractText and the parser on files', () => {
  for (const seed of SEEDS) {
    it(`${seed.file} saved as .docx yields the same extraction`, async () => {
      const lines = readSeed(seed.file)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const text = await textOf(await docxOf(lines), 'ke-hoach.docx');
      expect(summary(parsePlanText(text))).toEqual(expectedSummary(seed));
    });
  }

  for (const file of [
    '000_d8b7d3d9952b7702.pdf',
    '001_af22eac0dd1fb29f.pdf',
    '002_11f87cc7687ac78a.pdf',
    '003_52b1619693e432af.pdf',
    '004_10df63f3de600047.pdf',
  ]) {
    it(`${file} (made with LibreOffice) yields the same extraction as the text`, async () => {
      const seed = SEEDS.find((s) => s.file.startsWith(file.slice(0, 3)))!;
      const text = await textOf(readFileSync(`${FIXTURES}${file}`), file);
      expect(summary(parsePlanText(text))).toEqual(expectedSummary(seed));
    });
  }

  it('003 as PDF: sentences wrapped before "(Qua phòng" and "Phong trào" keep what is due, so the conflicts are raised', async () => {
    const r = parsePlanText(await textOf(readFileSync(`${FIXTURES}003_52b1619693e432af.pdf`), 'kh.pdf'));
    const text = parsePlanText(readSeed('003_52b1619693e432af.txt'));
    expect(r.plan!.deadlines.map((d) => d.what)).toEqual(text.plan!.deadlines.map((d) => d.what));
    expect(r.plan!.deadlines[1]!.what).toBe('Kế hoạch phát động Phong trào thi đua');
    expect(r.plan!.deadlines[4]!.what).toBe('Báo cáo kết quả thực hiện Phong trào thi đua');
    expect(r.warnings.filter((w) => /CONFLICT/u.test(w.code))).toEqual(text.warnings.filter((w) => /CONFLICT/u.test(w.code)));
  });

  it('reads the header of a .docx laid out in a table', async () => {
    const body = readSeed('002_11f87cc7687ac78a.txt')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const buf = await docxOf(body, [
      ['UBND THÀNH PHỐ HẢI PHÒNG', 'UBND PHƯỜNG THỬ NGHIỆM', 'Số: 12/KH-UBND'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Thử Nghiệm, ngày 05 tháng 9 năm 2025'],
    ]);
    const p = parsePlanText(await textOf(buf, 'kh.docx')).plan!;
    expect(p.issuer).toEqual({ name: 'Ủy ban nhân dân phường Thử Nghiệm', parent: 'Ủy ban nhân dân thành phố Hải Phòng' });
    expect([p.number, p.date, p.place]).toEqual(['12/KH-UBND', '2025-09-05', 'Thử Nghiệm']);
  });

  it('reads UTF-8 with a BOM and UTF-16 with a BOM', async () => {
    const text = 'KẾ HOẠCH\nThử nghiệm';
    expect(await textOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.txt')).toBe(text);
    expect(await textOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'a.md')).toBe(text);
  });

  it('refuses .doc, scanned PDFs, mismatched, empty and oversized files with a Vietnamese message', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await extractText(ole, 'kh.doc')).toMatchObject({ error: 'UNSUPPORTED', message: expect.stringContaining('.docx') });
    const pdf = readFileSync(`${FIXTURES}000_d8b7d3d9952b7702.pdf`);
    expect(await extractText(pdf, 'kh.docx')).toMatchObject({ error: 'MISMATCH', message: expect.stringContaining('PDF') });
    expect(await extractText(Buffer.from('Kế hoạch'), 'kh.pdf')).toMatchObject({ error: 'MISMATCH' });
    expect(await extractText(Buffer.from([0x00, 0x01, 0xff, 0x00]), 'kh.txt')).toMatchObject({ error: 'MISMATCH' });
    expect(await extractText(Buffer.alloc(0), 'kh.txt')).toMatchObject({ error: 'EMPTY', message: expect.stringContaining('rỗng') });
    expect(await extractText(Buffer.from('Kế hoạch'), 'kh.txt', 'text/plain', 4)).toMatchObject({ error: 'TOO_LARGE' });
    expect(await extractText(Buffer.from('x'), 'kh.exe')).toMatchObject({ error: 'UNSUPPORTED' });
    expect(await extractText(Buffer.from('%PDF-1.4\n%%EOF'), 'kh.pdf')).toMatchObject({ error: 'UNREADABLE' });
    expect(await extractText(blankPdf(), 'scan.pdf')).toMatchObject({ error: 'NO_TEXT_LAYER', message: expect.stringContaining('scan') });
  });
});

/** A one-page PDF with no text at all (what a scan without OCR looks like to a text extractor). */
function blankPdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
