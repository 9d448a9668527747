import { describe, expect, it } from 'vitest';
import type { PlanDoc } from '@tds/contracts';
import { decisionDocument, decisionForPlan } from './decision-document';
import { attr, elements, paragraphsOf, runsOf, textOf, unzipEntry } from './docx-xml';
import type { AdminDocument } from './document-model';
import { planDocument } from './plan-document';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { samplePlan } from './sample-plan';

const MM = 56.7;
const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

/** The word/document.xml of a rendered document. */
async function documentXml(doc: AdminDocument): Promise<string> {
  const xml = unzipEntry(await renderDocx(doc), 'word/document.xml');
  if (!xml) throw new Error('word/document.xml missing');
  return xml;
}

/** The paragraph whose text is `text` (or starts with it), failing when absent. */
function paragraph(xml: string, text: string | RegExp) {
  const found = paragraphsOf(xml).find((p) => (typeof text === 'string' ? p.text === text || p.text.startsWith(text) : text.test(p.text)));
  if (!found) throw new Error(`no paragraph ${String(text)}`);
  return found;
}

/** The single run style of a paragraph (all its runs alike). */
function style(p: { runs: ReturnType<typeof runsOf> }) {
  const [first] = p.runs;
  expect(first).toBeDefined();
  return { size: first?.size, bold: first?.bold, italic: first?.italic, font: first?.font };
}

/** Checks a table: fixed layout, DXA widths adding up, no borders. Returns the cell widths. */
function checkBorderlessFixed(table: string): number[] {
  expect(attr(table, 'w:tblLayout', 'w:type')).toBe('fixed');
  expect(attr(table, 'w:tblW', 'w:type')).toBe('dxa');
  const grid = elements(table, 'w:gridCol').map((g) => Number(attr(g, 'w:gridCol', 'w:w')));
  const cells = elements(elements(table, 'w:tr')[0] ?? '', 'w:tc');
  const widths = cells.map((c) => {
    expect(attr(c, 'w:tcW', 'w:type')).toBe('dxa');
    return Number(attr(c, 'w:tcW', 'w:w'));
  });
  expect(widths).toEqual(grid);
  expect(grid.reduce((a, b) => a + b, 0)).toBe(Number(attr(table, 'w:tblW', 'w:w')));
  const borders = elements(table, 'w:tblBorders')[0] ?? '';
  for (const side of ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV']) expect(attr(borders, side, 'w:val')).toBe('none');
  expect(table).not.toContain('<w:tcBorders>');
  return widths;
}

describe('Decree-30 checks on the generated .docx read back from its XML', async () => {
  const xml = await documentXml(planDocument(samplePlan));
  const tables = elements(xml, 'w:tbl');
  const [header, closing] = [tables[0] ?? '', tables[tables.length - 1] ?? ''];

  it('is A4 with margins inside the Decree 30 ranges', () => {
    expect(attr(xml, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(xml, 'w:pgSz', 'w:h')).toBe('16838');
    const mm = (side: string) => Number(attr(xml, 'w:pgMar', side)) / MM;
    expect(mm('w:top')).toBeGreaterThanOrEqual(19.95);
    expect(mm('w:top')).toBeLessThanOrEqual(25.05);
    expect(mm('w:bottom')).toBeGreaterThanOrEqual(19.95);
    expect(mm('w:bottom')).toBeLessThanOrEqual(25.05);
    expect(mm('w:left')).toBeGreaterThanOrEqual(29.95);
    expect(mm('w:left')).toBeLessThanOrEqual(35.05);
    expect(mm('w:right')).toBeGreaterThanOrEqual(14.95);
    expect(mm('w:right')).toBeLessThanOrEqual(20.05);
  });

  it('sets Times New Roman on every run', () => {
    const runs = paragraphsOf(xml).flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) expect(r.font, r.text).toBe('Times New Roman');
  });

  it('lays the header out as a borderless fixed two-column table in DXA, wide enough for the motto', () => {
    expect(xml.indexOf('<w:tbl>')).toBe(xml.indexOf('<w:body>') + '<w:body>'.length);
    const [left = 0, right = 0] = checkBorderlessFixed(header);
    expect(left + right).toBeLessThanOrEqual(11906 - 1701 - 851);
    expect(right).toBeGreaterThanOrEqual(9 * MM);
    const motto = paragraph(header, MOTTO);
    expect(motto.runs).toHaveLength(1);
    expect(motto.xml).not.toContain('<w:br');
    const size = motto.runs[0]?.size ?? 0;
    expect([24, 26]).toContain(size);
    // Bold capitals of Times average under 0.72 em, a space 0.25 em: the line must fit the cell.
    const em = 27 * 0.72 + 7 * 0.25;
    expect(((em * size) / 2) * 20).toBeLessThan(right - 2 * 57);
  });

  it('prints the issuer block: capitals, bold 13 pt, a short rule, then the number', () => {
    const cell = elements(header, 'w:tc')[0] ?? '';
    expect(style(paragraph(cell, 'ỦY BAN NHÂN DÂN'))).toMatchObject({ size: 26, bold: true, italic: false });
    expect(style(paragraph(cell, 'PHƯỜNG BÀN THẠCH'))).toMatchObject({ size: 26, bold: true });
    const rule = paragraphsOf(cell).find((p) => p.xml.includes('<w:pBdr>'));
    expect(rule?.text).toBe('');
    const indent = Number(attr(rule?.xml ?? '', 'w:ind', 'w:left'));
    expect(indent).toBeGreaterThan(500);
    const number = paragraph(header, 'Số:');
    expect(number.text).toBe('Số: 27/KH-UBND');
    expect(style(number)).toMatchObject({ size: 26, bold: false });
  });

  it('prints the motto bold on one line, the tagline bold with a rule, the place and date in italics', () => {
    expect(style(paragraph(header, MOTTO))).toMatchObject({ bold: true, italic: false });
    const tagline = paragraph(header, 'Độc lập - Tự do - Hạnh phúc');
    expect(style(tagline)).toMatchObject({ bold: true });
    expect([26, 28]).toContain(style(tagline).size);
    const cell = elements(header, 'w:tc')[1] ?? '';
    expect(paragraphsOf(cell).some((p) => p.xml.includes('<w:pBdr>') && p.text === '')).toBe(true);
    const date = paragraph(header, /^Bàn Thạch, ngày/);
    expect(date.text).toBe('Bàn Thạch, ngày 21 tháng 8 năm 2025');
    expect(style(date)).toMatchObject({ italic: true, bold: false, size: 28 });
  });

  it('centres the type and the subject in bold 14 pt', () => {
    const type = paragraph(xml, 'KẾ HOẠCH');
    expect(type.align).toBe('center');
    expect(style(type)).toMatchObject({ bold: true, size: 28 });
    const subject = paragraph(xml, 'Triển khai Phong trào thi đua “Cả nước');
    expect(subject.align).toBe('center');
    expect(style(subject)).toMatchObject({ bold: true, size: 28 });
  });

  it('sets the body in 14 pt, justified, indented, spaced 1.15-1.3, headings bold where the state bolds them', () => {
    const body = paragraph(xml, 'Căn cứ Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ');
    expect(body.align).toBe('both');
    expect(Number(attr(body.xml, 'w:ind', 'w:firstLine'))).toBeGreaterThanOrEqual(567);
    const line = Number(attr(body.xml, 'w:spacing', 'w:line'));
    expect(line / 240).toBeGreaterThanOrEqual(1.15);
    expect(line / 240).toBeLessThanOrEqual(1.3);
    expect(style(body)).toMatchObject({ size: 28, italic: true });
    expect(style(paragraph(xml, 'I. MỤC ĐÍCH, YÊU CẦU'))).toMatchObject({ bold: true, size: 28 });
    expect(style(paragraph(xml, '1. Mục đích'))).toMatchObject({ bold: true });
    expect(style(paragraph(xml, 'a) Đối với các cơ quan, đơn vị thuộc phường'))).toMatchObject({ bold: false });
    expect(style(paragraph(xml, '1. Thi đua nâng cao nhận thức'))).toMatchObject({ bold: false, size: 28 });
  });

  it('numbers the plan I-VI in the state order', () => {
    const headings = paragraphsOf(xml)
      .map((p) => p.text)
      .filter((t) => /^[IVX]+\. /.test(t));
    expect(headings).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG THI ĐUA',
      'III. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG',
      'IV. GIẢI PHÁP THỰC HIỆN',
      'V. THỜI GIAN THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO',
      'VI. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(textOf(xml)).toContain('- Giai đoạn 1 (từ năm 2025 đến năm 2027): tổ chức sơ kết vào năm 2027.');
    expect(textOf(xml)).toContain(
      'Các cơ quan, đơn vị, đoàn thể gửi báo cáo tình hình tổ chức thực hiện Phong trào thi đua về Phòng Văn hóa - Xã hội trước ngày 05/12 hằng năm.',
    );
  });

  it('closes with the recipients beside the signature block', () => {
    const [left = 0, right = 0] = checkBorderlessFixed(closing);
    expect(left + right).toBeLessThanOrEqual(9354);
    const [recipients = '', signature = ''] = elements(closing, 'w:tc');
    expect(style(paragraph(recipients, 'Nơi nhận:'))).toMatchObject({ bold: true, italic: true, size: 24 });
    const lines = paragraphsOf(recipients).slice(1);
    expect(lines.map((p) => p.text)).toEqual([
      '- Sở Nội vụ;',
      '- Văn phòng UBND thành phố;',
      '- Thường trực Đảng ủy;',
      '- Ủy ban MTTQVN phường;',
      '- Lưu: VT, PVH-XH.',
    ]);
    for (const p of lines) expect(style(p).size).toBe(22);
    const signs = paragraphsOf(signature);
    expect(signs.map((p) => p.text)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Dương Văn Tuấn']);
    for (const p of signs) {
      expect(p.align).toBe('center');
      expect(style(p)).toMatchObject({ bold: true, size: 28 });
    }
    expect(Number(attr(signs[2]?.xml ?? '', 'w:spacing', 'w:before'))).toBeGreaterThanOrEqual(1200);
  });

  it('signs KT. CHỦ TỊCH / PHÓ CHỦ TỊCH for a deputy', async () => {
    const deputy: PlanDoc = { ...samplePlan, signer: { name: 'Nguyễn Văn A', title: 'Phó Chủ tịch', capacity: 'KT.' } };
    const signature = elements(elements(await documentXml(planDocument(deputy)), 'w:tbl').at(-1) ?? '', 'w:tc')[1] ?? '';
    expect(paragraphsOf(signature).map((p) => p.text)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A']);
  });

  it('leaves the number and the day blank in a draft', async () => {
    const draft = await documentXml(planDocument(samplePlan, { draft: true }));
    expect(paragraph(draft, 'Số:').text).toMatch(/^Số: {4,}\/KH-UBND$/);
    expect(paragraph(draft, /^Bàn Thạch, ngày/).text).toMatch(/^Bàn Thạch, ngày {4,}tháng 8 năm 2025$/);
    expect(draft).toContain('xml:space="preserve">Số:      ');
  });
});

describe('the decision issuing a plan', async () => {
  const xml = await documentXml(decisionDocument(decisionForPlan(samplePlan, { number: '112/QĐ-UBND' })));

  it('follows seed 001: title, authority, bases, proposal, QUYẾT ĐỊNH:, Điều 1-4', () => {
    expect(paragraph(xml, 'Số:').text).toBe('Số: 112/QĐ-UBND');
    expect(style(paragraph(xml, 'QUYẾT ĐỊNH'))).toMatchObject({ bold: true, size: 28 });
    expect(paragraph(xml, 'Ban hành Kế hoạch triển khai Phong trào thi đua').align).toBe('center');
    const authority = paragraph(xml, 'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BÀN THẠCH');
    expect(authority.align).toBe('center');
    expect(style(authority)).toMatchObject({ bold: true });
    expect(style(paragraph(xml, 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;'))).toMatchObject({ italic: true });
    expect(paragraph(xml, 'Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.').text).toBeTruthy();
    expect(style(paragraph(xml, 'QUYẾT ĐỊNH:'))).toMatchObject({ bold: true });
    const articles = paragraphsOf(xml).filter((p) => /^Điều \d\. /.test(p.text));
    expect(articles).toHaveLength(4);
    expect(articles[0]?.text).toMatch(/^Điều 1\. Ban hành kèm theo Quyết định này Kế hoạch triển khai Phong trào thi đua/);
    expect(articles[2]?.text).toBe('Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.');
    expect(articles[3]?.text).toMatch(/chịu trách nhiệm thi hành Quyết định này\.\/\.$/);
    expect(articles[0]?.runs.map((r) => r.bold)).toEqual([true, false]);
  });

  it('is signed by the chairman in person, recipients starting with "Như Điều 4"', () => {
    const [recipients = '', signature = ''] = elements(elements(xml, 'w:tbl').at(-1) ?? '', 'w:tc');
    expect(paragraphsOf(signature).map((p) => p.text)).toEqual(['CHỦ TỊCH', 'Dương Văn Tuấn']);
    expect(paragraphsOf(recipients)[1]?.text).toBe('- Như Điều 4;');
  });

  it('prints the articles a DecisionDoc gives', async () => {
    const given = {
      ...decisionForPlan(samplePlan),
      articles: [
        { order: 1, text: 'Một.' },
        { order: 2, text: 'Hai./.' },
      ],
    };
    const texts = paragraphsOf(await documentXml(decisionDocument(given))).map((p) => p.text);
    expect(texts.filter((t) => t.startsWith('Điều '))).toEqual(['Điều 1. Một.', 'Điều 2. Hai./.']);
  });
});

describe('the printable HTML view', () => {
  const tricky: PlanDoc = {
    ...samplePlan,
    responsibilities: [{ body: 'Phòng Văn hóa - Xã hội', tasks: ['Theo dõi <script>alert(1)</script> & báo cáo "đúng hạn"'] }],
  };
  const doc = planDocument(tricky, { draft: true });
  const html = renderHtml(doc);

  it('is A4 with the same margins, Times New Roman, no external assets', () => {
    expect(html).toContain('size: A4');
    expect(html).toContain('margin: 56.7pt 42.55pt 56.7pt 85.05pt');
    expect(html).toContain("font-family: 'Times New Roman'");
    expect(html).not.toMatch(/\b(src|href)=|url\(|@import/);
  });

  it('has the two-column header and the same texts, escaped', async () => {
    expect(html).toMatch(/<table class="cols header"><colgroup><col style="width:178.6pt"><col style="width:289.1pt">/);
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Theo dõi &lt;script&gt;alert(1)&lt;/script&gt; &amp; báo cáo &quot;đúng hạn&quot;');
    expect(html).not.toContain('<script>');
    const xml = await documentXml(doc);
    const unescape = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    const htmlText = unescape(html.replace(/<\/?[bi]>/g, '').replace(/<[^>]+>/g, '\n'));
    for (const p of paragraphsOf(xml)) if (p.text.trim()) expect(htmlText, p.text).toContain(p.text);
  });
});
