import { describe, expect, it } from 'vitest';
import { isUndated, reviewDate } from '@tds/contracts';
import { expandDeadline } from '../due-dates.js';
import { planConflicts, resolveDeadlines } from '../plan-rules.js';
import { parsePlanText } from './index.js';

/** When things are due: dates a plan leaves out are asked of the officer, never invented (small documents of the seeds' shapes). */

const HEAD = `UBND XÃ ĐÔNG TÂY
Số: 15/KH-UBND
Đông Tây, ngày 10 tháng 9 năm 2025
KẾ HOẠCH
Thi đua "Chuyển đổi số" trên địa bàn xã giai đoạn 2025 - 2030
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về chuyển đổi số.
II. NỘI DUNG THI ĐUA
1. Thi đua học tập kỹ năng số.
`;
const TAIL = `Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn An`;

const parse = (body: string) => parsePlanText(`${HEAD}${body}${TAIL}`);

describe('dates a plan leaves out', () => {
  it('a report folded into the half-yearly and yearly reports has no date: flagged, nothing invented', () => {
    const r = parse(`III. TỔ CHỨC THỰC HIỆN
1. Các cơ quan, đơn vị, thôn báo cáo kết quả thực hiện phong trào lồng ghép vào báo cáo 6 tháng, hằng năm gửi về Văn phòng UBND xã.
`);
    const p = r.plan!;
    expect(p.deadlines.map((d) => [d.recurrence, d.day, d.month])).toEqual([
      ['half-yearly', null, null],
      ['yearly', null, null],
    ]);
    expect(p.deadlines.every((d) => isUndated(d))).toBe(true);
    expect(p.deadlines.flatMap((d) => expandDeadline(d, 2025, 2030))).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'DEADLINE_UNDATED').map((w) => w.path)).toEqual(['plan.deadlines.0', 'plan.deadlines.1']);
  });

  it('an obligation stated as a year (an item headed "Năm 2026:", or "trong năm 2026") becomes a deadline to date', () => {
    const p = parse(`III. THỜI GIAN THỰC HIỆN
- Năm 2026: Các trường học và các thôn xây dựng Kế hoạch hưởng ứng phong trào thi đua.
- Năm 2028: Tổ chức sơ kết phong trào.
IV. TỔ CHỨC THỰC HIỆN
1. Các doanh nghiệp ban hành kế hoạch chuyển đổi số của doanh nghiệp trong năm 2027; định kỳ báo cáo trước ngày 20/11 hằng năm.
`).plan!;
    const once = p.deadlines.filter((d) => d.recurrence === 'once');
    expect(once.map((d) => [d.year, d.month, d.day, d.text, d.from])).toEqual([
      [2026, null, null, 'Năm 2026', 'Các trường học và các thôn'],
      [2027, null, null, 'trong năm 2027', 'Các doanh nghiệp'],
    ]);
    expect(once.every((d) => isUndated(d))).toBe(true);
    // "Năm 2028: Tổ chức sơ kết" is a review, not a document units hand in.
    expect(p.deadlines.some((d) => d.year === 2028)).toBe(false);
    expect(p.milestones).toContainEqual({ kind: 'mid-term', year: 2028 });
  });

  it('each review gets a default report day (the yearly report day of that year), flagged until confirmed', () => {
    const r = parse(`III. THỜI GIAN THỰC HIỆN
- Giai đoạn 1 (2025 - 2027): sơ kết vào năm 2027.
- Giai đoạn 2 (2027 - 2030): tổng kết vào năm 2030.
IV. TỔ CHỨC THỰC HIỆN
1. Các cơ quan, đơn vị gửi báo cáo kết quả về UBND xã trước ngày 20/11 hằng năm.
`);
    const p = r.plan!;
    expect(p.milestones.map((m) => [m.kind, m.year, reviewDate(p, m)])).toEqual([
      ['mid-term', 2027, { date: '2027-11-19', isDefault: true }],
      ['final', 2030, { date: '2030-11-19', isDefault: true }],
    ]);
    const flagged = r.warnings.filter((w) => w.code === 'REVIEW_DATE_DEFAULT');
    expect(flagged.map((w) => w.path)).toEqual(['plan.milestones.0.dueDate', 'plan.milestones.1.dueDate']);
    expect(flagged[0]!.message).toContain('19/11/2027');
    // Without a yearly report the default is 31/10; a confirmed date stands.
    expect(reviewDate({ deadlines: [] }, { kind: 'final', year: 2030 })).toEqual({ date: '2030-10-31', isDefault: true });
    expect(reviewDate(p, { kind: 'final', year: 2030, dueDate: '2030-12-01', confirmed: true })).toEqual({ date: '2030-12-01', isDefault: false });
  });
});

describe('award occasions', () => {
  it('"khen thưởng ... khi sơ kết, tổng kết" and "tại Hội nghị sơ kết, tổng kết" are mid-term and final occasions', () => {
    const p = parse(`III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội tham mưu khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc khi sơ kết, tổng kết phong trào.
`).plan!;
    expect(p.occasions).toEqual(['mid-term', 'final']);
    const q = parse(`III. TỔ CHỨC THỰC HIỆN
1. Hội đồng Thi đua - Khen thưởng xã thẩm định hồ sơ đề nghị khen thưởng tại Hội nghị tổng kết phong trào.
`).plan!;
    expect(q.occasions).toEqual(['final']);
  });

  it('the council named beside a review ("Trên cơ sở sơ kết ... tham mưu Hội đồng Thi đua - Khen thưởng") is no occasion', () => {
    const p = parse(`III. TỔ CHỨC THỰC HIỆN
1. Trên cơ sở sơ kết giai đoạn 1, Phòng Văn hóa - Xã hội tham mưu Hội đồng Thi đua - Khen thưởng xã triển khai giai đoạn 2.
`).plan!;
    expect(p.occasions).toEqual([]);
  });
});

describe('contradicting dates', () => {
  it('a plan due before the month it is to be made in asks which date stands, and the choice drops the other', () => {
    const p = parse(`III. THỜI GIAN THỰC HIỆN
- Giai đoạn 1 (2025 - 2027): các đơn vị xây dựng kế hoạch thực hiện phong trào trong tháng 10/2025.
IV. TỔ CHỨC THỰC HIỆN
1. Các cơ quan, đơn vị gửi kế hoạch thực hiện phong trào về UBND xã trước ngày 15/8/2025.
`).plan!;
    const conflict = planConflicts(p).find((c) => c.key.startsWith('dates:'))!;
    expect(conflict.message).toContain('trước ngày 15/8/2025');
    expect(conflict.options.map((o) => o.value)).toEqual([expect.stringMatching(/^keep:\d+$/u), expect.stringMatching(/^keep:\d+$/u), 'keep-all']);
    expect(resolveDeadlines(p, {}).unresolved.map((c) => c.key)).toContain(conflict.key);
    const keepMonth = conflict.options[1]!.value;
    const { deadlines, unresolved } = resolveDeadlines(p, { [conflict.key]: keepMonth });
    expect(unresolved.filter((c) => c.key === conflict.key)).toEqual([]);
    expect(deadlines.map((d) => d.text)).toContain('trong tháng 10/2025');
    expect(deadlines.map((d) => d.text)).not.toContain('trước ngày 15/8/2025');
  });
});

describe('who a deadline is addressed to', () => {
  it('a line naming no body the parser knows is flagged on its field; a line naming a kind of body is not', () => {
    const r = parse(`III. TỔ CHỨC THỰC HIỆN
1. Ban quản lý chợ Đông Tây báo cáo kết quả thực hiện gửi về UBND xã trước ngày 15/11 hằng năm.
2. Các trường học báo cáo kết quả xây dựng trường học số gửi về UBND xã trước ngày 20/9/2026.
`);
    expect(r.plan!.deadlines.map((d) => d.from)).toEqual(['Ban quản lý chợ Đông Tây', 'Các trường học']);
    const unread = r.warnings.filter((w) => w.code === 'DEADLINE_ADDRESSEE_UNREAD');
    expect(unread.map((w) => w.path)).toEqual(['plan.deadlines.0.from']);
    expect(unread[0]!.message).toContain('Ban quản lý chợ Đông Tây');
    expect(unread[0]!.message).toContain('tất cả đơn vị tham gia');
  });
});
