import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatDateVi } from '@tds/contracts';

/**
 * A4 PDFs of the training module (the attendance sheet, the certificate), Vietnamese set in DejaVu
 * Sans: full TrueType fonts shipped by the npm package dejavu-fonts-ttf (never a system font, never
 * a web subset), embedded in each file.
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 42;

let fonts: { regular: Uint8Array; bold: Uint8Array } | null = null;
function fontBytes() {
  if (!fonts) {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = { regular: fs.readFileSync(path.join(dir, 'DejaVuSans.ttf')), bold: fs.readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  return fonts;
}

async function newDoc(title: string) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setCreator('Thi Đua Số');
  doc.setProducer('Thi Đua Số');
  const { regular, bold } = fontBytes();
  return { doc, font: await doc.embedFont(regular, { subset: true }), bold: await doc.embedFont(bold, { subset: true }) };
}

/** Lines of `text` that fit `width` at `size` (words kept whole). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  return out;
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number) {
  const w = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (A4[0] - w) / 2, y, size, font });
}

async function qrPng(doc: PDFDocument, link: string) {
  const png = await QRCode.toBuffer(link, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return doc.embedPng(png);
}

export interface SheetData {
  communeName: string;
  villageName: string;
  teamName: string;
  date: string;
  startTime: string | null;
  place: string;
  modules: string[];
  trainers: string[];
  link: string;
  /** The village's residents (and those already marked), in order. */
  roster: { fullName: string; birthYear: number; gender: string; present: boolean }[];
  /** Empty lines for people not on the roster. */
  blankRows: number;
}

const GENDER: Record<string, string> = { male: 'Nam', female: 'Nữ', other: 'Khác' };

/** The printable attendance sheet: the session, a QR code of its entry link, the roster with a column to sign. */
export async function attendanceSheetPdf(d: SheetData): Promise<Buffer> {
  const { doc, font, bold } = await newDoc(`Danh sách điểm danh ${formatDateVi(d.date)} - ${d.villageName}`);
  const qr = await qrPng(doc, d.link);
  const cols = [
    { title: 'STT', w: 34 },
    { title: 'Họ và tên', w: 200 },
    { title: 'Năm sinh', w: 62 },
    { title: 'Giới tính', w: 62 },
    { title: 'Ký tên', w: A4[0] - 2 * MARGIN - 34 - 200 - 62 - 62 },
  ];
  const rows = [
    ...d.roster.map((r, i) => [String(i + 1), r.fullName + (r.present ? ' ✓' : ''), String(r.birthYear), GENDER[r.gender] ?? r.gender, '']),
    ...Array.from({ length: d.blankRows }, (_, i) => [String(d.roster.length + i + 1), '', '', '', '']),
  ];
  const rowH = 20;
  let page: PDFPage | null = null;
  let y = 0;
  let pageNo = 0;
  const header = () => {
    page = doc.addPage(A4);
    pageNo++;
    y = A4[1] - MARGIN;
    if (pageNo === 1) {
      page.drawText(`UBND ${d.communeName.toUpperCase()}`, { x: MARGIN, y: y - 10, size: 10, font: bold });
      page.drawText(d.teamName, { x: MARGIN, y: y - 24, size: 9, font });
      page.drawImage(qr, { x: A4[0] - MARGIN - 84, y: y - 84, width: 84, height: 84 });
      page.drawText('Quét mã để nhập điểm danh', { x: A4[0] - MARGIN - 104, y: y - 96, size: 7, font });
      y -= 118;
      centred(page, 'DANH SÁCH ĐIỂM DANH', y, bold, 14);
      y -= 18;
      centred(page, 'Buổi hướng dẫn kỹ năng số cơ bản - Bình dân học vụ số', y, font, 11);
      y -= 24;
      const info = [
        `Thời gian: ${d.startTime ? `${d.startTime}, ` : ''}ngày ${formatDateVi(d.date)}`,
        `Địa điểm: ${d.place} (${d.villageName})`,
        `Nội dung: ${d.modules.join('; ')}`,
        ...(d.trainers.length ? [`Người hướng dẫn: ${d.trainers.join(', ')}`] : []),
      ];
      for (const line of info)
        for (const l of wrap(line, font, 10, A4[0] - 2 * MARGIN)) {
          page.drawText(l, { x: MARGIN, y, size: 10, font });
          y -= 14;
        }
      y -= 8;
    } else y -= 10;
    let x = MARGIN;
    for (const c of cols) {
      page.drawRectangle({ x, y: y - rowH, width: c.w, height: rowH, borderColor: rgb(0, 0, 0), borderWidth: 0.6, color: rgb(0.92, 0.94, 0.97) });
      page.drawText(c.title, { x: x + 4, y: y - 14, size: 9, font: bold });
      x += c.w;
    }
    y -= rowH;
  };
  header();
  for (const r of rows) {
    if (y - rowH < MARGIN + 20) {
      footer(page!, pageNo, font);
      header();
    }
    let x = MARGIN;
    cols.forEach((c, i) => {
      page!.drawRectangle({ x, y: y - rowH, width: c.w, height: rowH, borderColor: rgb(0, 0, 0), borderWidth: 0.6 });
      const text = fit(r[i]!, font, 9, c.w - 8);
      if (text) page!.drawText(text, { x: x + 4, y: y - 14, size: 9, font });
      x += c.w;
    });
    y -= rowH;
  }
  footer(page!, pageNo, font);
  return Buffer.from(await doc.save());
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
}

function footer(page: PDFPage, n: number, font: PDFFont) {
  page.drawText(`Trang ${n}`, { x: A4[0] - MARGIN - 40, y: MARGIN - 10, size: 8, font });
}

export interface CertificateData {
  communeName: string;
  fullName: string;
  birthYear: number;
  villageName: string;
  modules: string[];
  issuedOn: string;
  code: string;
  link: string;
}

/** The certificate of completion: the commune, the resident, the modules completed, its verification code and QR. */
export async function certificatePdf(d: CertificateData): Promise<Buffer> {
  const { doc, font, bold } = await newDoc(`Giấy chứng nhận ${d.code}`);
  const page = doc.addPage([A4[1], A4[0]]);
  const [W, H] = [A4[1], A4[0]];
  page.drawRectangle({ x: 24, y: 24, width: W - 48, height: H - 48, borderColor: rgb(0.55, 0.1, 0.1), borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: W - 64, height: H - 64, borderColor: rgb(0.75, 0.6, 0.2), borderWidth: 1 });
  const centre = (text: string, y: number, f: PDFFont, size: number) => page.drawText(text, { x: (W - f.widthOfTextAtSize(text, size)) / 2, y, size, font: f });
  centre('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', H - 76, bold, 12);
  centre('Độc lập - Tự do - Hạnh phúc', H - 92, bold, 11);
  centre(`ỦY BAN NHÂN DÂN ${d.communeName.toUpperCase()}`, H - 124, bold, 12);
  page.drawText('CHỨNG NHẬN', { x: (W - bold.widthOfTextAtSize('CHỨNG NHẬN', 30)) / 2, y: H - 176, size: 30, font: bold, color: rgb(0.6, 0.1, 0.1) });
  centre('Hoàn thành chương trình kỹ năng số cơ bản - Bình dân học vụ số', H - 204, font, 13);
  centre(`Ông/Bà: ${d.fullName}`, H - 248, bold, 18);
  centre(`Năm sinh: ${d.birthYear}      Nơi cư trú: ${d.villageName}, ${d.communeName}`, H - 272, font, 12);
  centre('Đã hoàn thành các học phần:', H - 304, font, 12);
  let y = H - 324;
  for (const line of wrap(d.modules.join('; '), font, 11, W - 240)) {
    centre(line, y, font, 11);
    y -= 16;
  }
  const qr = await qrPng(doc, d.link);
  page.drawImage(qr, { x: 64, y: 60, width: 90, height: 90 });
  page.drawText(`Mã xác minh: ${d.code}`, { x: 164, y: 100, size: 10, font: bold });
  page.drawText(`Kiểm tra tại: ${d.link}`, { x: 164, y: 84, size: 8, font });
  page.drawText(`${d.communeName}, ngày ${formatDateVi(d.issuedOn)}`, { x: W - 300, y: 120, size: 11, font });
  page.drawText('TM. ỦY BAN NHÂN DÂN', { x: W - 270, y: 102, size: 11, font: bold });
  return Buffer.from(await doc.save());
}
