import { planParseResult } from '@tds/contracts';
import { describe, expect, it } from 'vitest';
import { normalisePlanText, parsePlanText } from './index.js';

/** A plan in another shape: header block, other numbering, headings not in capitals, an extra section and no "Giải pháp". */
const OTHER_SHAPE = `UBND TỈNH BẮC NAM
UBND XÃ ĐÔNG TÂY
Số: 15/KH-UBND
Đông Tây, ngày 10 tháng 9 năm 2025
KẾ HOẠCH
Thi đua "Chuyển đổi số" trên địa bàn xã giai đoạn 2025 - 2030
Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;
Căn cứ Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ;
Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ;
I. Mục đích, yêu cầu
1) Nâng cao nhận thức về chuyển đổi số.
II. Nội dung thi đua
a) Thi đua học tập kỹ năng số.
b) Thi đua phát triển chính quyền số.
c) Thi đua phát triển kinh tế số.
d) Thi đua phát triển xã hội số.
đ) Thi đua bảo đảm an toàn thông tin.
e) Thi đua hợp tác, chia sẻ dữ liệu.
III. Tiêu chí và khen thưởng
1) Tiêu chí thi đua
(1) Đối với các thôn:
+ Có Tổ công nghệ số cộng đồng hoạt động hiệu quả.
+ Trên 80% hộ dân cài đặt ứng dụng định danh điện tử.
(2) Đối với trường học:
+ Số hóa học bạ.
2) Hình thức khen thưởng
- Khen thưởng hằng năm: Giấy khen của Chủ tịch UBND xã.
- Khen thưởng tổng kết: Bằng khen của Chủ tịch UBND tỉnh.
IV. Thời gian thực hiện
- Giai đoạn I (từ năm 2025 đến năm 2027): sơ kết vào năm 2027.
- Giai đoạn II (từ năm 2027 đến năm 2030): tổng kết vào năm 2030.
V. Tổ chức thực hiện
1) Văn phòng HĐND và UBND xã: theo dõi, tổng hợp.
2) Các thôn gửi báo cáo về Văn phòng UBND xã chậm nhất ngày 30/11 hàng năm; gửi danh sách đề nghị khen thưởng đến ngày 15/10/2025.
VI. Kinh phí
Kinh phí do ngân sách xã bảo đảm.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Thị Bình
`;

const WEB_COPY = `Cổng thông tin điện tử xã Tây Bắc
Trang chủ > Văn bản > Kế hoạch
UBND TỈNH BẮC NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
UBND XÃ TÂY BẮC | Độc lập - Tự do - Hạnh phúc
Số: 45/KH-
UBND | Tây Bắc, ngày 13
tháng 6 năm 2025
KẾ HOẠCH
Triển khai phong trào "Bình dân học vụ số"
(Ảnh: Lễ phát động phong trào)
Thực hiện Kế hoạch số 01-KH/BCĐTW ngày 21/3/2025 của Ban Chỉ đạo Trung ương;
I. MỤC ĐÍCH, YÊU CẦU
- Phổ cập kỹ năng số cho người dân.
II. NỘI DUNG
1. Mở lớp học kỹ năng số.
2. Hướng dẫn cài đặt ứng dụng.
III. TỔ CHỨC THỰC HIỆN
1. Các thôn báo cáo kết quả về UBND xã trước ngày 05/12 hàng năm.
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn An
Chia sẻ
Bài viết liên quan
`;

describe('plans in other shapes', () => {
  it('reads another numbering, mixed-case headings and an extra section, with Windows line endings', () => {
    const r = parsePlanText(OTHER_SHAPE.replace(/\n/gu, '\r\n'));
    expect(planParseResult.parse(r)).toBeTruthy();
    const p = r.plan!;
    expect(p.issuer).toEqual({ name: 'Ủy ban nhân dân xã Đông Tây', parent: 'Ủy ban nhân dân tỉnh Bắc Nam' });
    expect([p.number, p.date, p.place]).toEqual(['15/KH-UBND', '2025-09-10', 'Đông Tây']);
    expect(p.legalBases.map((b) => [b.ref, b.type, b.date])).toEqual([
      [null, 'Luật', '2022-06-15'],
      ['923/QĐ-TTg', 'Quyết định', '2025-05-14'],
      ['152/2025/NĐ-CP', 'Nghị định', '2025-06-14'],
    ]);
    expect(p.contents.map((c) => c.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p.participantGroups.map(({ name, criteria }) => ({ name, criteria }))).toEqual([
      { name: 'Đối với các thôn', criteria: ['Có Tổ công nghệ số cộng đồng hoạt động hiệu quả', 'Trên 80% hộ dân cài đặt ứng dụng định danh điện tử'] },
      { name: 'Đối với trường học', criteria: ['Số hóa học bạ'] },
    ]);
    expect(p.awardForms.map((a) => a.code)).toEqual(['GIAY_KHEN_CT_UBND_XA', 'BANG_KHEN_CT_UBND_TINH']);
    expect(p.occasions).toEqual(['yearly', 'final']);
    expect(p.phases).toEqual([
      { name: 'Giai đoạn I', fromYear: 2025, toYear: 2027 },
      { name: 'Giai đoạn II', fromYear: 2027, toYear: 2030 },
    ]);
    expect(p.deadlines.map((d) => [d.day, d.month, d.year, d.recurrence, d.qualifier])).toEqual([
      [30, 11, null, 'yearly', 'by'],
      [15, 10, 2025, 'once', 'by'],
    ]);
    expect(p.signer).toEqual({ capacity: 'KT.', title: 'Phó Chủ tịch', name: 'Trần Thị Bình' });
    expect(r.warnings.map((w) => w.code)).toEqual(['REVIEW_DATE_DEFAULT', 'REVIEW_DATE_DEFAULT']);
  });

  it('reads web-copied text: table pipes, banners, captions, a number and a date broken over lines', () => {
    const r = parsePlanText(WEB_COPY);
    const p = r.plan!;
    expect(p.issuer.name).toBe('Ủy ban nhân dân xã Tây Bắc');
    expect([p.number, p.date]).toEqual(['45/KH-UBND', '2025-06-13']);
    expect(p.title).toBe('Triển khai phong trào "Bình dân học vụ số"');
    expect(p.legalBases.map((b) => b.ref)).toEqual(['01-KH/BCĐTW']);
    expect(p.contents).toHaveLength(2);
    expect(p.deadlines.map((d) => [d.day, d.month, d.recurrence])).toEqual([[5, 12, 'yearly']]);
    expect(p.signer.name).toBe('Lê Văn An');
    const norm = normalisePlanText(WEB_COPY);
    const s = r.sources['plan.date']!;
    expect(norm.slice(s.start, s.end)).toBe('ngày 13\ntháng 6 năm 2025');
  });

  it('extracts what there is from a document cut after its first page and names what is missing', () => {
    const cut = OTHER_SHAPE.slice(0, OTHER_SHAPE.indexOf('III. Tiêu chí'));
    const r = parsePlanText(cut);
    expect(r.plan!.contents).toHaveLength(6);
    expect(r.plan!.legalBases).toHaveLength(3);
    const missing = r.warnings.filter((w) => w.code === 'SECTION_MISSING').map((w) => w.message);
    expect(missing).toHaveLength(3);
    expect(missing.join(' ')).toContain('Tổ chức thực hiện');
    expect(r.warnings.map((w) => w.code)).toContain('TRUNCATED');
  });

  it('returns no plan and NOT_A_PLAN for text that is not a plan', () => {
    const r = parsePlanText('Sáng nay, trời mưa to ở Hà Nội. Giá vàng tăng nhẹ.\nĐội tuyển thắng 2-0.');
    expect(r.plan).toBeNull();
    expect(r.warnings).toEqual([{ code: 'NOT_A_PLAN', message: expect.stringContaining('kế hoạch') }]);
    expect(parsePlanText('').plan).toBeNull();
  });

  it('keeps typos as written', () => {
    const text = OTHER_SHAPE.replace('Thi đua học tập kỹ năng số.', 'Thi đua học tập kỷ năng sô.');
    expect(parsePlanText(text).plan!.contents[0]!.text).toBe('Thi đua học tập kỷ năng sô');
  });
});

/** OTHER_SHAPE with "cộng đồng doanh nghiệp" written three times and once as "cộng động doanh nghiệp". */
const WITH_TYPO = OTHER_SHAPE.replace(
  'I. Mục đích, yêu cầu\n1) Nâng cao nhận thức về chuyển đổi số.',
  [
    'I. Mục đích, yêu cầu',
    '1) Nâng cao nhận thức của cộng đồng doanh nghiệp về chuyển đổi số.',
    '2) Huy động cộng đồng doanh nghiệp tham gia; đánh giá tình hình thực hiện hằng quý.',
    '3) Biểu dương cộng đồng doanh nghiệp với nhiều hình thức phong phú, đa dạng về hình thức và hình thức khen thưởng.',
    '4) Phát huy vai trò của cộng động doanh nghiệp trong chuyển đổi số.',
  ].join('\n'),
);

describe('suspected typos', () => {
  it('flags a rare word pair beside a common near twin, with the field, and changes nothing', () => {
    const r = parsePlanText(WITH_TYPO);
    const typos = r.warnings.filter((w) => w.code === 'TYPO_SUSPECTED');
    expect(typos).toEqual([{ code: 'TYPO_SUSPECTED', path: 'plan.purposes.3', message: expect.stringContaining('"cộng động" (dòng 14)') }]);
    expect(typos[0]!.message).toContain('"cộng đồng"');
    expect(r.plan!.purposes![3]).toBe('Phát huy vai trò của cộng động doanh nghiệp trong chuyển đổi số');
    const clean = parsePlanText(WITH_TYPO.replace('cộng động', 'cộng đồng'));
    expect(clean.warnings.map((w) => w.code)).not.toContain('TYPO_SUSPECTED');
    expect({ ...clean.plan, purposes: [], requirements: [] }).toEqual({ ...r.plan, purposes: [], requirements: [] });
  });

  it('does not flag a legitimate word next to a common pair ("tình hình thực hiện" beside "hình thức"), nor tone placement ("hoá"/"hóa")', () => {
    const text = WITH_TYPO.replace('cộng động', 'cộng đồng').replace(
      'Văn phòng HĐND và UBND xã: theo dõi',
      'Phòng Văn hoá - Xã hội: theo dõi phòng văn hóa, phòng văn hóa, phòng văn hóa',
    );
    expect(parsePlanText(text).warnings.map((w) => w.code)).toEqual(['REVIEW_DATE_DEFAULT', 'REVIEW_DATE_DEFAULT']);
  });

  it('flags an inserted or dropped letter, and caps the number of warnings', () => {
    const variants = ['triễn', 'trển', 'triên', 'triền', 'triẹn', 'triến', 'trieen'];
    const lines = [
      ...Array(5).fill('- Thi đua phát triển kinh tế số.'),
      ...variants.flatMap((v) => [`- Hỗ trợ phát ${v} kinh tế.`, `- Ưu tiên phát ${v} kinh tế.`]),
    ];
    const text = OTHER_SHAPE.replace('VI. Kinh phí', `${lines.join('\n')}\nVI. Kinh phí`);
    const typos = parsePlanText(text).warnings.filter((w) => w.code === 'TYPO_SUSPECTED');
    expect(typos).toHaveLength(10);
    expect(typos.map((w) => /"phát (\S+)"/u.exec(w.message)![1])).toEqual(variants.flatMap((v) => [v, v]).slice(0, 10));
    expect(typos.every((w) => w.message.includes('"phát triển"'))).toBe(true);
  });

  it('stays fast on long repetitive text full of near twins', () => {
    const words = ['phát triển kinh tế', 'phát triễn kinh tế', 'phát trển kinh tế', 'cộng đồng', 'cộng động'];
    const text = `KẾ HOẠCH\nI. NỘI DUNG\n${Array.from({ length: 20_000 }, (_, i) => words[(i * 7) % 5]).join(' ')}\n${'dài'.repeat(10_000)} ${'dài'.repeat(10_000)} ${'dài'.repeat(10_000)} ${'dài'.repeat(10_000)}`;
    const t0 = performance.now();
    parsePlanText(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

/** A provincial plan: the city's People's Committee, no parent body, signed by a vice-chairman for the committee. */
const PROVINCIAL = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI ĐÔNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 150/KH-UBND
Hải Đông, ngày 16 tháng 6 năm 2025
KẾ HOẠCH
Triển khai Phong trào thi đua "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số" trên địa bàn thành phố giai đoạn 2025 - 2030
Căn cứ Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ;
Thực hiện Kế hoạch số 2024/KH-UBND ngày 03/10/2024 của Ủy ban nhân dân thành phố về chuyển đổi số năm 2025;
I. MỤC ĐÍCH, YÊU CẦU
1. Tạo khí thế thi đua sôi nổi trong toàn thành phố.
II. NỘI DUNG THI ĐUA
1. Thi đua phát triển hạ tầng số.
2. Thi đua phát triển dữ liệu số.
III. KHEN THƯỞNG
1. Khen thưởng tổng kết: Bằng khen của Chủ tịch Ủy ban nhân dân thành phố.
IV. THỜI GIAN THỰC HIỆN
- Giai đoạn 1 (từ năm 2025 đến năm 2027): sơ kết vào năm 2027.
- Giai đoạn 2 (từ năm 2027 đến năm 2030): tổng kết vào năm 2030.
V. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: theo dõi, hướng dẫn thực hiện kế hoạch.
2. Ủy ban nhân dân các xã, phường gửi báo cáo kết quả năm 2025 về Sở Nội vụ trước ngày 15/11/2025; báo cáo hằng năm về Sở Nội vụ trước ngày 20/11 hằng năm.
Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Hùng
`;

/** A commune Party committee's plan: Party motto instead of the state's, a Party number, signed "T/M BAN THƯỜNG VỤ". */
const PARTY = `ĐẢNG BỘ TỈNH BẮC NAM
ĐẢNG ỦY XÃ ĐÔNG TÂY
*
ĐẢNG CỘNG SẢN VIỆT NAM
Số 05-KH/ĐU
Đông Tây, ngày 12 tháng 8 năm 2025
KẾ HOẠCH
lãnh đạo thực hiện Phong trào thi đua "Bình dân học vụ số" trong Đảng bộ xã
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
Thực hiện Kế hoạch số 01-KH/BCĐTW ngày 21/3/2025 của Ban Chỉ đạo Trung ương,
Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số.
II. NỘI DUNG
1. Mỗi đảng viên sử dụng thành thạo sổ tay đảng viên điện tử.
2. Các chi bộ họp trực tuyến khi cần thiết.
3. Các chi bộ gửi báo cáo kết quả về Văn phòng Đảng ủy trước ngày 10/12 hằng năm.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Đảng ủy theo dõi, tổng hợp.
2. Các chi bộ xây dựng kế hoạch thực hiện trong tháng 9/2025.
Nơi nhận:
- Ban Thường vụ Tỉnh ủy (để báo cáo);
- Các chi bộ;
- Lưu VPĐU.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Thị Hoa
`;

describe('provincial and Party documents; a number that looks like a year', () => {
  it('reads a provincial plan signed "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"', () => {
    const r = parsePlanText(PROVINCIAL);
    expect(planParseResult.parse(r)).toBeTruthy();
    const p = r.plan!;
    expect(p.issuer).toEqual({ name: 'Ủy ban nhân dân thành phố Hải Đông', parent: null });
    expect([p.number, p.date, p.place]).toEqual(['150/KH-UBND', '2025-06-16', 'Hải Đông']);
    expect(p.legalBases.map((b) => [b.ref, b.type, b.date])).toEqual([
      ['923/QĐ-TTg', 'Quyết định', '2025-05-14'],
      ['2024/KH-UBND', 'Kế hoạch', '2024-10-03'],
    ]);
    expect(p.contents).toHaveLength(2);
    expect(p.phases.map((x) => [x.fromYear, x.toYear])).toEqual([
      [2025, 2027],
      [2027, 2030],
    ]);
    expect(p.deadlines.map((d) => [d.day, d.month, d.year, d.recurrence, d.qualifier])).toEqual([
      [15, 11, 2025, 'once', 'before'],
      [20, 11, null, 'yearly', 'before'],
    ]);
    // The person signing is the vice-chairman, for the chairman (KT.) on behalf of the committee (TM.).
    expect(p.signer).toEqual({ capacity: 'KT.', title: 'Phó Chủ tịch', name: 'Lê Văn Hùng' });
    expect(r.warnings.map((w) => w.code)).toEqual(['REVIEW_DATE_DEFAULT', 'REVIEW_DATE_DEFAULT']);
  });

  it('reads a commune Party committee plan: Party motto, number "05-KH/ĐU", signer "T/M BAN THƯỜNG VỤ / BÍ THƯ"', () => {
    const r = parsePlanText(PARTY);
    expect(planParseResult.parse(r)).toBeTruthy();
    const p = r.plan!;
    expect(p.issuer).toEqual({ name: 'Đảng ủy xã Đông Tây', parent: 'Đảng bộ tỉnh Bắc Nam' });
    expect([p.number, p.date, p.place]).toEqual(['05-KH/ĐU', '2025-08-12', 'Đông Tây']);
    expect(p.title).toBe('lãnh đạo thực hiện Phong trào thi đua "Bình dân học vụ số" trong Đảng bộ xã');
    expect(p.movements).toEqual(['Bình dân học vụ số']);
    expect(p.legalBases.map((b) => b.ref)).toEqual(['57-NQ/TW', '01-KH/BCĐTW']);
    expect(p.contents).toHaveLength(3);
    expect(p.deadlines.map((d) => [d.day, d.month, d.year, d.recurrence, d.qualifier])).toEqual([
      [10, 12, null, 'yearly', 'before'],
      [null, 9, 2025, 'once', 'in'],
    ]);
    expect(p.recipients).toEqual(['Ban Thường vụ Tỉnh ủy (để báo cáo)', 'Các chi bộ', 'Lưu VPĐU']);
    // The schema's capacities are those of state documents (TM./KT./TL./TUQ.); the Party's "T/M" is read as "TM.".
    expect(p.signer).toEqual({ capacity: 'TM.', title: 'Bí thư', name: 'Nguyễn Thị Hoa' });
    const cap = r.sources['plan.signer.capacity']!;
    expect(normalisePlanText(PARTY).slice(cap.start, cap.end)).toBe('T/M');
    // Party cells (chi bộ) are no kind of unit a commune's tree holds: both deadlines ask who owes them.
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['DEADLINE_ADDRESSEE_UNREAD', 'plan.deadlines.0.from'],
      ['DEADLINE_ADDRESSEE_UNREAD', 'plan.deadlines.1.from'],
      ['SECTION_MISSING', 'plan.sections.criteria'],
      ['SECTION_MISSING', 'plan.sections.timeline'],
    ]);
  });

  it('reads a provincial Party standing committee header ("ĐẢNG BỘ TỈNH ..." above "BAN THƯỜNG VỤ TỈNH ỦY")', () => {
    const text = PARTY.replace('ĐẢNG ỦY XÃ ĐÔNG TÂY', 'BAN THƯỜNG VỤ TỈNH ỦY')
      .replace('Số 05-KH/ĐU', 'Số 120-KH/TU')
      .replace('Đông Tây, ngày', 'Bắc Nam, ngày');
    const p = parsePlanText(text).plan!;
    expect(p.issuer).toEqual({ name: 'Ban Thường vụ Tỉnh ủy', parent: 'Đảng bộ tỉnh Bắc Nam' });
    expect([p.number, p.place]).toEqual(['120-KH/TU', 'Bắc Nam']);
  });

  it('takes "Số: 2025/KH-UBND" as the number, not a year, also on web-copied and wrapped text', () => {
    const text = PROVINCIAL.replace('Số: 150/KH-UBND', 'Số: 2025/KH-UBND');
    expect(parsePlanText(text).plan!.number).toBe('2025/KH-UBND');
    const web = text
      .replace('THÀNH PHỐ HẢI ĐÔNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'THÀNH PHỐ HẢI ĐÔNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
      .replace('Số: 2025/KH-UBND\nHải Đông', 'Số: 2025/KH-UBND | Hải Đông');
    const r = parsePlanText(web);
    expect([r.plan!.number, r.plan!.date]).toEqual(['2025/KH-UBND', '2025-06-16']);
    const wrapped = text.replace('Số: 2025/KH-UBND', 'Số: 2025/KH-\nUBND');
    expect(parsePlanText(wrapped).plan!.number).toBe('2025/KH-UBND');
  });

  it('keeps a year-like number in a legal basis and does not take "năm 2025" in a deadline for a number', () => {
    const p = parsePlanText(PROVINCIAL).plan!;
    expect(p.legalBases[1]).toEqual({ ref: '2024/KH-UBND', type: 'Kế hoạch', date: '2024-10-03', issuer: 'Ủy ban nhân dân thành phố' });
    expect(p.legalBases.some((b) => b.ref === '2025' || b.ref?.startsWith('2025/'))).toBe(false);
    expect(p.deadlines[0]).toMatchObject({ text: 'trước ngày 15/11/2025', year: 2025 });
    const noNumber = parsePlanText(PROVINCIAL.replace('Số: 150/KH-UBND', 'Số: /KH-UBND'));
    expect(noNumber.plan!.number).toBeNull();
    expect(noNumber.warnings.map((w) => w.code)).toEqual(['NUMBER_MISSING', 'REVIEW_DATE_DEFAULT', 'REVIEW_DATE_DEFAULT']);
  });
});

/** Greedy word wrap at `width` characters, as a PDF or a hard-wrapped text file lays a paragraph out. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

describe('lines wrapped by the page before a capital or "("', () => {
  it('keeps a wrapped sentence whole, so a deadline keeps what is due (as in seed 003 made into a PDF)', () => {
    const body = OTHER_SHAPE.split('\n').flatMap((l) => wrap(l, 72));
    const at = body.findIndex((l) => l.startsWith('2) Các thôn gửi báo cáo'));
    expect(body[at + 1]).toContain('gửi danh sách');
    body.splice(
      at,
      2,
      '2) Các thôn căn cứ tình hình thực tế xây dựng kế hoạch, gửi Kế hoạch thực hiện',
      'Phong trào thi đua về UBND xã (Qua Văn phòng HĐND và UBND xã) trước ngày 18/7/2025;',
      'định kỳ hằng năm các thôn gửi báo cáo kết quả thực hiện phong trào thi đua về UBND xã',
      '(Qua Văn phòng HĐND và UBND xã) trước ngày 30/11 hằng năm.',
    );
    const r = parsePlanText(body.join('\n'));
    expect(r.plan!.deadlines.map((d) => [d.what, d.to, d.day, d.month, d.recurrence])).toEqual([
      ['Kế hoạch thực hiện Phong trào thi đua', 'UBND xã (Qua Văn phòng HĐND và UBND xã)', 18, 7, 'once'],
      ['Báo cáo kết quả thực hiện phong trào thi đua', 'UBND xã (Qua Văn phòng HĐND và UBND xã)', 30, 11, 'yearly'],
    ]);
    expect(r.plan!.responsibilities).toHaveLength(2);
  });

  it('does not join a short numbered heading to the capitalised line under it', () => {
    const text = OTHER_SHAPE.split('\n')
      .flatMap((l) => wrap(l, 72))
      .join('\n');
    const p = parsePlanText(text).plan!;
    expect(p.participantGroups.map((g) => g.name)).toEqual(['Đối với các thôn', 'Đối với trường học']);
    expect(p.awardForms).toHaveLength(2);
  });
});
