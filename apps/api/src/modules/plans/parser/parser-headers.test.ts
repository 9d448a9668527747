import { planParseResult } from '@tds/contracts';
import { describe, expect, it } from 'vitest';
import { normalisePlanText, parsePlanText } from './index.js';

/** The body shared by the header shapes below: enough sections for a plan, and a signature. */
const BODY = `Căn cứ Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ;
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về chuyển đổi số của cán bộ và Nhân dân trên địa bàn xã.
II. NỘI DUNG THI ĐUA
1. Thi đua học tập kỹ năng số.
2. Thi đua phát triển chính quyền số.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND xã: theo dõi, tổng hợp kết quả thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn An
`;

const TITLE = 'Triển khai phong trào "Bình dân học vụ số" trên địa bàn xã';

/** Parse a header followed by BODY; the result must fit the schema. */
function parseWith(header: string, body = BODY) {
  const r = parsePlanText(`${header}\n${body}`);
  expect(planParseResult.parse(r)).toBeTruthy();
  return r;
}

const head = (r: ReturnType<typeof parsePlanText>) => {
  const p = r.plan!;
  return { issuer: p.issuer, number: p.number, date: p.date, place: p.place, title: p.title };
};

/** What the table-shaped headers below all say: commune A's plan 15/KH-UBND of 03/04/2025 at Thanh Hoá. */
const XA_A_HEADER = {
  issuer: { name: 'Ủy ban nhân dân xã A', parent: 'Ủy ban nhân dân tỉnh Thanh Hoá' },
  number: '15/KH-UBND',
  date: '2025-04-03',
  place: 'Thanh Hoá',
  title: TITLE,
};

describe('headers as officers paste them', () => {
  it('reads a table header copied from a web page: issuer and motto in one row, number and place/date in the next', () => {
    const r = parseWith(
      [
        'UBND TỈNH THANH HOÁ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
        'ỦY BAN NHÂN DÂN XÃ A | Độc lập - Tự do - Hạnh phúc |',
        'Số: 15/KH-UBND | Thanh Hoá, ngày 3 tháng 4 năm 2025',
        'KẾ HOẠCH',
        TITLE,
      ].join('\n'),
    );
    expect(head(r)).toEqual(XA_A_HEADER);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'SECTION_MISSING' }), expect.objectContaining({ code: 'SECTION_MISSING' })]);
  });

  it('reads a header whose cells are separated by tabs (copied from a Word table)', () => {
    const r = parseWith(
      [
        'UBND TỈNH THANH HOÁ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'ỦY BAN NHÂN DÂN XÃ A\tĐộc lập - Tự do - Hạnh phúc',
        'Số: 15/KH-UBND\tThanh Hoá, ngày 3 tháng 4 năm 2025',
        'KẾ HOẠCH',
        TITLE,
      ].join('\n'),
    );
    expect(head(r)).toEqual(XA_A_HEADER);
  });

  it('reads issuer and motto run together on one line, and number and place/date on one line', () => {
    const text = [
      'ỦY BAN NHÂN DÂN XÃ A CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/KH-UBND Thanh Hoá, ngày 3 tháng 4 năm 2025',
      'KẾ HOẠCH',
      TITLE,
    ].join('\n');
    const r = parseWith(text);
    expect(head(r)).toEqual({
      issuer: { name: 'Ủy ban nhân dân xã A', parent: null },
      number: '15/KH-UBND',
      date: '2025-04-03',
      place: 'Thanh Hoá',
      title: TITLE,
    });
    const norm = normalisePlanText(`${text}\n${BODY}`);
    const span = (k: string) => norm.slice(r.sources[k]!.start, r.sources[k]!.end);
    expect([span('plan.issuer.name'), span('plan.number'), span('plan.place'), span('plan.date')]).toEqual([
      'ỦY BAN NHÂN DÂN XÃ A',
      '15/KH-UBND',
      'Thanh Hoá',
      'ngày 3 tháng 4 năm 2025',
    ]);
  });

  it('reads "KẾ HOẠCH" and the title on one line right after the place and date', () => {
    const r = parseWith(
      ['ỦY BAN NHÂN DÂN XÃ A | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 15/KH-UBND | Thanh Hoá, ngày 3 tháng 4 năm 2025', `KẾ HOẠCH ${TITLE}`].join('\n'),
    );
    expect(head(r)).toEqual({
      issuer: { name: 'Ủy ban nhân dân xã A', parent: null },
      number: '15/KH-UBND',
      date: '2025-04-03',
      place: 'Thanh Hoá',
      title: TITLE,
    });
  });

  it('reads a central Party plan: no "KẾ HOẠCH" line, number "01-KH/BCĐTW", the title as the first line after the date', () => {
    const r = parseWith(
      [
        'BAN CHẤP HÀNH TRUNG ƯƠNG',
        '*',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số: 01-KH/BCĐTW',
        'Hà Nội, ngày 21 tháng 3 năm 2025',
        '**Triển khai Phong trào "Bình dân học vụ số"**',
      ].join('\n'),
    );
    expect(head(r)).toEqual({
      issuer: { name: 'Ban Chấp hành Trung ương', parent: null },
      number: '01-KH/BCĐTW',
      date: '2025-03-21',
      place: 'Hà Nội',
      title: 'Triển khai Phong trào "Bình dân học vụ số"',
    });
    expect(r.plan!.movements).toEqual(['Bình dân học vụ số']);
    expect(r.plan!.legalBases.map((b) => b.ref)).toEqual(['923/QĐ-TTg']);
    expect(r.plan!.contents).toHaveLength(2);
  });

  it('reads a provincial Party plan in a table row ("TỈNH ỦY ... | ĐẢNG CỘNG SẢN VIỆT NAM"), number "05-KH/TU", title in capitals', () => {
    const r = parseWith(
      [
        'ĐẢNG BỘ TỈNH BẮC NAM | ĐẢNG CỘNG SẢN VIỆT NAM',
        'TỈNH ỦY BẮC NAM',
        'Số 05-KH/TU | Bắc Nam, ngày 02 tháng 4 năm 2025',
        'THỰC HIỆN PHONG TRÀO "BÌNH DÂN HỌC VỤ SỐ"',
      ].join('\n'),
    );
    expect(head(r)).toEqual({
      issuer: { name: 'Tỉnh ủy Bắc Nam', parent: 'Đảng bộ tỉnh Bắc Nam' },
      number: '05-KH/TU',
      date: '2025-04-02',
      place: 'Bắc Nam',
      title: 'THỰC HIỆN PHONG TRÀO "BÌNH DÂN HỌC VỤ SỐ"',
    });
  });

  it('infers the issuer from the title when the issuer line is missing, and says so', () => {
    const r = parseWith(
      ['Số: 15/KH-UBND', 'Đông Tây, ngày 3 tháng 4 năm 2025', 'KẾ HOẠCH', 'Triển khai phong trào "Bình dân học vụ số" của Ủy ban nhân dân xã Đông Tây'].join(
        '\n',
      ),
    );
    expect(r.plan!.issuer).toEqual({ name: 'Ủy ban nhân dân xã Đông Tây', parent: null });
    const w = r.warnings.find((x) => x.code === 'ISSUER_INFERRED')!;
    expect(w).toMatchObject({ path: 'plan.issuer.name', message: expect.stringContaining('suy ra "Ủy ban nhân dân xã Đông Tây" từ tiêu đề') });
  });

  it("infers the issuer from the place, the number's symbol and the level the text names, and says so", () => {
    const body = BODY.replace('trên địa bàn xã.', 'trên địa bàn xã Đông Tây.');
    const r = parseWith(['Số: 15/KH-UBND', 'Đông Tây, ngày 3 tháng 4 năm 2025', 'KẾ HOẠCH', TITLE].join('\n'), body);
    expect(r.plan!.issuer.name).toBe('Ủy ban nhân dân xã Đông Tây');
    expect(r.warnings.find((x) => x.code === 'ISSUER_INFERRED')!.message).toContain('từ địa danh "Đông Tây"');
  });

  it("infers no issuer from a place the text never names with a level, when the symbol is not a People's Committee's", () => {
    const r = parseWith(['Số: 15/KH-BCĐ', 'Đông Tây, ngày 3 tháng 4 năm 2025', 'KẾ HOẠCH', TITLE].join('\n'));
    expect(r.plan!.issuer.name).toBeNull();
    expect(r.warnings.map((w) => w.code)).not.toContain('ISSUER_INFERRED');
  });
});

describe('messages the user sees', () => {
  const texts = [
    ['Số: /KH-UBND', 'Đông Tây, ngày tháng năm 2025', 'KẾ HOẠCH', TITLE].join('\n'),
    ['Số: 15/KH-UBND', 'Đông Tây, ngày 3 tháng 4 năm 2025', 'KẾ HOẠCH', `${TITLE} của UBND xã Đông Tây`].join('\n'),
    'Sáng nay trời mưa.',
  ];
  it('every warning carries a Vietnamese message that shows no code', () => {
    for (const t of texts) {
      const r = parsePlanText(`${t}\n${BODY}`);
      expect(r.warnings.length).toBeGreaterThan(0);
      for (const w of r.warnings) {
        expect(w.message).toMatch(/[ạảãáàăâđêôơưệếểễọốồổỗộớờởỡợ]/u);
        expect(w.message).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/u);
      }
    }
  });
});
