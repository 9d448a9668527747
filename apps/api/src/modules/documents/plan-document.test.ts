import { describe, expect, it } from 'vitest';
import type { PlanDoc } from '@tds/contracts';
import { headerOf, legalBasisLine, shortDate, signerOf } from './doc-text';
import { dateLine, numberLine, recipientLines } from './document-model';
import { deadlineSentence, planDocument, planTitle } from './plan-document';
import { samplePlan } from './sample-plan';

const issuer = { name: 'UBND xã Gia Phúc', parent: null };

describe('wording shared by the document types', () => {
  it('writes legal bases as the preamble does', () => {
    expect(legalBasisLine({ ref: '150/KH-UBND', type: 'Kế hoạch', date: '2025-06-16', issuer: 'Ủy ban nhân dân thành phố Hải Phòng' })).toBe(
      'Căn cứ Kế hoạch số 150/KH-UBND ngày 16/6/2025 của Ủy ban nhân dân thành phố Hải Phòng;',
    );
    expect(
      legalBasisLine({ ref: '57-NQ/TW', type: 'Nghị quyết', date: '2024-12-22', issuer: 'Bộ Chính trị', title: 'Đột phá phát triển khoa học, công nghệ' }),
    ).toBe('Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về việc đột phá phát triển khoa học, công nghệ;');
    expect(legalBasisLine({ ref: null, type: 'Luật', date: null, issuer: null, title: 'Thi đua, khen thưởng' })).toBe('Căn cứ Luật Thi đua, khen thưởng;');
    expect(shortDate('2025-02-04')).toBe('04/02/2025');
  });

  it('pads the date line as Decree 30 asks and blanks the day of a draft', () => {
    const header = headerOf({ issuer, number: '5/KH-UBND', date: '2025-02-04', place: null }, 'KH-UBND');
    expect(dateLine(header)).toBe('Gia Phúc, ngày 04 tháng 02 năm 2025');
    expect(dateLine(header, true)).toBe(`Gia Phúc, ngày ${' '.repeat(6)} tháng 02 năm 2025`);
    expect(dateLine({ ...header, date: null })).toMatch(/^Gia Phúc, ngày +tháng +năm +$/);
    expect(numberLine(header)).toBe('Số: 5/KH-UBND');
    expect(numberLine({ ...header, number: null })).toBe(`Số: ${' '.repeat(6)}/KH-UBND`);
  });

  it('splits number and symbol, spells out UBND and breaks the issuer line', () => {
    const header = headerOf({ issuer, number: '/KH-UBND', date: null, place: null }, 'QĐ-UBND');
    expect(header).toMatchObject({ issuer: 'Ủy ban nhân dân\nxã Gia Phúc', number: null, symbol: 'KH-UBND', place: 'Gia Phúc' });
    expect(headerOf({ issuer, number: '27', date: null, place: 'Gia Phúc' }, 'KH-UBND')).toMatchObject({ number: '27', symbol: 'KH-UBND' });
  });

  it('maps the signing capacity to the signature block', () => {
    expect(signerOf({ name: 'A', title: 'Chủ tịch', capacity: 'TM.' }, issuer)).toEqual({ capacity: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'A' });
    expect(signerOf({ name: 'B', title: null, capacity: 'KT.' }, issuer)).toEqual({ capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'B' });
    expect(signerOf({ name: null, title: null, capacity: null }, issuer)).toEqual({ capacity: null, title: 'CHỦ TỊCH', name: null });
  });

  it('punctuates recipients "- X;" and the last "- X."', () => {
    expect(recipientLines(['Như trên;', '- Sở Nội vụ', 'Lưu: VT.'])).toEqual(['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT.']);
  });
});

describe('the plan as a document', () => {
  it('writes a deadline from its fields when it has no text', () => {
    const d = {
      what: 'Báo cáo kết quả',
      from: null,
      to: 'UBND xã',
      day: 5,
      month: 11,
      year: null,
      recurrence: 'yearly',
      qualifier: 'before',
      text: '',
    } as const;
    expect(deadlineSentence(d)).toBe('Báo cáo kết quả về UBND xã trước ngày 05/11 hằng năm.');
    expect(deadlineSentence({ ...d, qualifier: 'in', day: null, month: 9, year: 2025, recurrence: 'once' })).toBe(
      'Báo cáo kết quả về UBND xã trong tháng 09/2025.',
    );
  });

  it('leaves out empty parts and numbers the rest in order', () => {
    const bare: PlanDoc = { ...samplePlan, title: null, purposes: undefined, requirements: undefined, solutions: undefined, deadlines: [] };
    const doc = planDocument(bare);
    const headings = doc.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? `${b.label} ${b.text}` : ''));
    expect(headings).toEqual([
      'I. NỘI DUNG THI ĐUA',
      'II. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG',
      'III. THỜI GIAN THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(planTitle(bare)).toBe('Triển khai Phong trào “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và Phong trào “Bình dân học vụ số”');
  });

  it('uses the Vietnamese letter order for participant groups (no f)', () => {
    const groups = Array.from({ length: 7 }, (_, i) => ({ name: `Nhóm ${i + 1}`, criteria: [] }));
    const labels = planDocument({ ...samplePlan, participantGroups: groups }).body.flatMap((b) => (b.kind === 'heading' && b.level === 3 ? [b.label] : []));
    expect(labels).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)', 'g)']);
  });
});
