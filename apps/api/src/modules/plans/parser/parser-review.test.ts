import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, readSeed } from '../fixtures/expected.js';
import { parsePlanText } from './index.js';
import { extractText } from './read-file.js';

/** Points an officer's review of the seed extractions found, each checked on the seed and on a small document of the same shape. */

const plan = (file: string) => parsePlanText(readSeed(file)).plan!;

async function pdfPlan(file: string) {
  const r = await extractText(readFileSync(`${FIXTURES}${file}`), file, undefined);
  if (!('text' in r)) throw new Error(r.message);
  return parsePlanText(r.text).plan!;
}

const HEAD = `UBND XÃ ĐÔNG TÂY
Số: 15/KH-UBND
Đông Tây, ngày 10 tháng 9 năm 2025
KẾ HOẠCH
Thi đua "Chuyển đổi số" trên địa bàn xã
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về chuyển đổi số.
II. NỘI DUNG THI ĐUA
1. Thi đua học tập kỹ năng số.
`;
const TAIL = `Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Bình
`;

describe('responsibilities', () => {
  it('001: the council is "Hội đồng Thi đua - Khen thưởng", without the adverb of its task', () => {
    const bodies = plan('001_af22eac0dd1fb29f.txt').responsibilities.map((r) => r.body);
    expect(bodies).toContain('Hội đồng Thi đua - Khen thưởng');
    expect(bodies.some((b) => /\sthường$/u.test(b))).toBe(false);
  });

  it('003: responsibility 5 (the commune radio station and web page) is kept', () => {
    const r = plan('003_52b1619693e432af.txt').responsibilities;
    expect(r[4]).toEqual({
      body: 'Đài Phát thanh xã, Trang thông tin điện tử xã',
      tasks: [expect.stringMatching(/^Tuyên truyền, mở các chuyên trang, chuyên mục để tuyên truyền/u)],
    });
  });

  it('004: the yearly-report paragraph is a deadline of all units, not a task of the Fatherland Front', () => {
    const p = plan('004_10df63f3de600047.txt');
    const front = p.responsibilities.find((r) => /Mặt trận Tổ quốc/u.test(r.body))!;
    expect(front.body).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam');
    expect(front.tasks).toHaveLength(1);
    expect(front.tasks.some((t) => /báo cáo/u.test(t))).toBe(false);
    expect(p.deadlines).toEqual([
      expect.objectContaining({ from: 'Các cơ quan, đơn vị và doanh nghiệp trên địa bàn xã', year: 2025, month: null, text: 'Năm 2025' }),
      expect.objectContaining({ from: 'tất cả các cơ quan, đơn vị và doanh nghiệp', day: 15, month: 12, recurrence: 'yearly' }),
    ]);
  });

  it('a body with an adverb before its verb, a verb before a comma, and a report paragraph of other units', () => {
    const text = `${HEAD}III. TỔ CHỨC THỰC HIỆN
1. Hội đồng Thi đua - Khen thưởng xã thường xuyên kiểm tra, đôn đốc các đơn vị.
2. Đài Truyền thanh xã tuyên truyền, phổ biến các mô hình hay.
3. Văn phòng HĐND và UBND xã
Theo dõi, tổng hợp kết quả.
Hằng năm các thôn, tổ dân phố gửi báo cáo kết quả về Văn phòng HĐND và UBND xã trước ngày 30/11.
${TAIL}`;
    const p = parsePlanText(text).plan!;
    expect(p.responsibilities).toEqual([
      { body: 'Hội đồng Thi đua - Khen thưởng xã', tasks: ['Thường xuyên kiểm tra, đôn đốc các đơn vị'] },
      { body: 'Đài Truyền thanh xã', tasks: ['Tuyên truyền, phổ biến các mô hình hay'] },
      { body: 'Văn phòng HĐND và UBND xã', tasks: ['Theo dõi, tổng hợp kết quả'] },
    ]);
    expect(p.deadlines).toEqual([expect.objectContaining({ from: 'các thôn, tổ dân phố', day: 30, month: 11 })]);
  });
});

describe('scope and participants', () => {
  it('003: section II keeps its scope and participants', () => {
    const p = plan('003_52b1619693e432af.txt');
    expect(p.scope).toEqual(['Phong trào thi đua “Đổi mới sáng tạo và Chuyển đổi số” được triển khai trên phạm vi toàn xã']);
    expect(p.participants).toEqual([
      'Tập thể: Cơ quan, đơn vị, doanh nghiệp, các tổ chức hợp pháp trên địa bàn xã Hải An',
      expect.stringMatching(/^Cá nhân: Cán bộ, đảng viên, công chức, viên chức, người lao động/u),
    ]);
    expect(p.contents).toHaveLength(7);
  });

  it('a section "Phạm vi, đối tượng và nội dung" with a scope inline and participants as items', () => {
    const text = HEAD.replace(
      'II. NỘI DUNG THI ĐUA\n',
      'II. PHẠM VI, ĐỐI TƯỢNG VÀ NỘI DUNG THI ĐUA\n1. Phạm vi: Toàn xã Đông Tây.\n2. Đối tượng thi đua\n- Tập thể: các thôn, cơ quan, trường học.\n- Cá nhân: cán bộ, công chức và Nhân dân.\n3. Nội dung thi đua\n',
    );
    const p = parsePlanText(`${text}${TAIL}`).plan!;
    expect(p.scope).toEqual(['Toàn xã Đông Tây']);
    expect(p.participants).toEqual(['Tập thể: các thôn, cơ quan, trường học', 'Cá nhân: cán bộ, công chức và Nhân dân']);
    expect(p.contents.map((c) => c.text)).toEqual(['Thi đua học tập kỹ năng số']);
    expect(parsePlanText(`${HEAD}${TAIL}`).plan).not.toHaveProperty('scope');
  });
});

describe('contents and criteria', () => {
  it('003: content h keeps its seven sector bullets', () => {
    const h = plan('003_52b1619693e432af.txt').contents[6]!;
    expect(h.order).toBe(7);
    expect(h.text.startsWith('Chú trọng ưu tiên, đẩy mạnh thi đua chuyển đổi số ở một số lĩnh vực:\n- Về lĩnh vực nông nghiệp:')).toBe(true);
    expect(h.text.split('\n- ')).toHaveLength(8);
    expect(h.text).toContain('- Chuyển đổi số trong lĩnh vực dân cư:');
  });

  it('003: the shared criteria of the collectives come first in each of their groups; the lead-in "cụ thể như sau:" is no criterion', () => {
    const groups = plan('003_52b1619693e432af.txt').participantGroups;
    expect(groups.map((g) => g.name)).toEqual([
      'Đối với các phòng ban chuyên môn, các ban ngành, đoàn thể của xã',
      'Đối với các xóm',
      'Đối với các doanh nghiệp trên địa bàn xã',
      'Đối với cá nhân',
      'Đối tượng khác',
    ]);
    for (const g of groups.slice(0, 3)) {
      expect(g.criteria[0]).toMatch(/^Quán triệt, triển khai thực hiện đầy đủ/u);
      expect(g.criteria[2]).toMatch(/^Tiếp tục thực hiện nhiệm vụ trọng tâm/u);
    }
    expect(groups.map((g) => g.criteria.length)).toEqual([5, 7, 4, 3, 1]);
    expect(groups.flatMap((g) => g.criteria).some((c) => /như sau$/u.test(c))).toBe(false);
  });

  it('a content with a list, shared criteria above lettered groups, a lead-in, and a group written as one more item', () => {
    const text = `${HEAD}2. Thi đua chuyển đổi số ở các lĩnh vực:
- Về nông nghiệp: truy xuất nguồn gốc.
- Về y tế: sổ sức khỏe điện tử.
3. Thi đua bảo đảm an toàn thông tin.
III. TIÊU CHÍ THI ĐUA
1. Tiêu chí đối với tập thể
- Có kế hoạch thực hiện phong trào.
- Có sáng kiến được công nhận, cụ thể như sau:
a) Đối với các thôn
- Có Tổ công nghệ số cộng đồng.
b) Đối với trường học
- Số hóa học bạ.
2. Tiêu chí đối với cá nhân
- Hoàn thành khóa học kỹ năng số.
- Đối tượng khác: Có đóng góp cho chuyển đổi số.
${TAIL}`;
    const p = parsePlanText(text).plan!;
    expect(p.contents.map((c) => c.text)).toEqual([
      'Thi đua học tập kỹ năng số',
      'Thi đua chuyển đổi số ở các lĩnh vực:\n- Về nông nghiệp: truy xuất nguồn gốc.\n- Về y tế: sổ sức khỏe điện tử',
      'Thi đua bảo đảm an toàn thông tin',
    ]);
    expect(p.participantGroups.map(({ name, criteria }) => ({ name, criteria }))).toEqual([
      { name: 'Đối với các thôn', criteria: ['Có kế hoạch thực hiện phong trào', 'Có Tổ công nghệ số cộng đồng'] },
      { name: 'Đối với trường học', criteria: ['Có kế hoạch thực hiện phong trào', 'Số hóa học bạ'] },
      { name: 'Đối với cá nhân', criteria: ['Hoàn thành khóa học kỹ năng số'] },
      { name: 'Đối tượng khác', criteria: ['Có đóng góp cho chuyển đổi số'] },
    ]);
  });
});

describe('criteria wrapped by the page inside a list of citations', () => {
  it('001 and 003 as PDF: no criterion starts at "Nghị quyết số ..." after a wrapped "...;"', async () => {
    for (const file of ['001_af22eac0dd1fb29f.pdf', '003_52b1619693e432af.pdf']) {
      const p = await pdfPlan(file);
      const text = plan(file.replace('.pdf', '.txt'));
      const criteria = p.participantGroups.flatMap((g) => g.criteria);
      expect(
        criteria.filter((c) => /^Nghị quyết/u.test(c)),
        file,
      ).toEqual([]);
      expect(criteria.length, file).toBe(text.participantGroups.flatMap((g) => g.criteria).length);
    }
  });

  it('a hard-wrapped criterion citing several resolutions stays one criterion', () => {
    const filler = 'Các cơ quan, đơn vị quán triệt và triển khai thực hiện đầy đủ các nhiệm vụ, giải pháp được giao';
    const lines = Array.from({ length: 6 }, () => `${filler} trong năm.`);
    const text = `${HEAD}${lines.join('\n')}
III. TIÊU CHÍ THI ĐUA
1. Đối với các thôn:
- Quán triệt, triển khai thực hiện đầy đủ, sâu sắc nội dung Nghị quyết số 57-
NQ/TW, Quyết định số 2024-QĐ/TW; Nghị quyết số 03/NQ-CP; Nghị quyết số 71/NQ-CP;
Nghị quyết số 193/2025/QH15 bảo đảm cán bộ, đảng viên và nhân dân nhận thức đầy đủ.
- Có Tổ công nghệ số cộng đồng hoạt động hiệu quả.
${TAIL}`;
    const g = parsePlanText(text).plan!.participantGroups;
    expect(g).toHaveLength(1);
    expect(g[0]!.criteria).toHaveLength(2);
    expect(g[0]!.criteria[0]).toContain('Nghị quyết số 71/NQ-CP; Nghị quyết số 193/2025/QH15 bảo đảm');
  });
});

describe('known confusions are flagged, with the intended form, and kept as written', () => {
  it('003: "sau rộng", "chuyên đổi số" and "VHXX"', () => {
    const r = parsePlanText(readSeed('003_52b1619693e432af.txt'));
    const typos = r.warnings.filter((w) => w.code === 'TYPO_SUSPECTED').map((w) => w.message);
    expect(typos).toEqual([
      expect.stringContaining('"sau rộng" (dòng 31) — có lẽ là "sâu rộng"'),
      expect.stringContaining('"chuyên đổi" (dòng 129) — có lẽ là "chuyển đổi"'),
      expect.stringContaining('"chuyên đổi" (dòng 147) — có lẽ là "chuyển đổi"'),
      expect.stringContaining('"VHXX" (dòng 179) — có lẽ là "VHXH"'),
    ]);
    expect(r.plan!.recipients).toContain('Lưu: VT, VHXX');
  });

  it('in any plan, and not where the words are right', () => {
    const text = `${HEAD}2. Triển khai sâu rộng, đẩy mạnh chuyển đổi số; triển khai sau rộng phong trào chuyên đổi số.
${TAIL}- Lưu: VT, VHXX.
`;
    const r = parsePlanText(text);
    const typos = r.warnings.filter((w) => w.code === 'TYPO_SUSPECTED');
    expect(typos.map((w) => /"([^"]+)" \(dòng/u.exec(w.message)![1])).toEqual(['sau rộng', 'chuyên đổi', 'VHXX']);
    expect(typos[0]).toMatchObject({ path: 'plan.contents.1.text' });
    expect(
      parsePlanText(text.replace('sau rộng', 'sâu rộng').replace('chuyên đổi', 'chuyển đổi').replace('VHXX', 'VHXH')).warnings.map((w) => w.code),
    ).not.toContain('TYPO_SUSPECTED');
  });
});
