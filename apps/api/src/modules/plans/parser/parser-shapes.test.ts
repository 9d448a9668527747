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
    expect(p.participantGroups).toEqual([
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
    expect(r.warnings.map((w) => w.code)).toEqual([]);
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
