import { and, eq, inArray } from 'drizzle-orm';
import { defaultClasses, vietnamYear, type CriterionInput, type ScoringTemplateDto } from '@tds/contracts';
import type { Db } from '../db/client';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import { commune, unit } from '../modules/org';
import { assessment, councilScore, freezeResults, rubric, rubricCriterion, scoringTemplate } from '../modules/scoring';

/** The bands of a count of meetings: 4 or more, 3, 2, 1, none. */
const MEETINGS = [
  { min: 4, points: 20 },
  { min: 3, points: 15 },
  { min: 2, points: 10 },
  { min: 1, points: 5 },
  { min: 0, points: 0 },
];

/** The commune's rubric for its offices, schools and mass organisations (after the city's index, 001). */
const CRITERIA: (CriterionInput & { claim: { value?: number; points?: number } })[] = [
  {
    title: 'Ban hành kế hoạch thực hiện phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” của đơn vị',
    section: 'main',
    method: 'judgement',
    maxPoints: 15,
    evidenceRequired: true,
    evidenceHint: 'Kế hoạch của đơn vị (số, ngày, trích yếu)',
    claim: { points: 15 },
  },
  {
    title: 'Số cuộc họp chuyên đề về chuyển đổi số trong năm (từ 4 cuộc: 20 điểm; 3: 15; 2: 10; 1: 5)',
    section: 'main',
    method: 'bands',
    maxPoints: 20,
    bands: MEETINGS,
    evidenceRequired: true,
    evidenceHint: 'Biên bản các cuộc họp',
    claim: { value: 4 },
  },
  {
    title: 'Tỷ lệ cán bộ, công chức, viên chức hoàn thành khóa học kỹ năng số cơ bản (tỷ lệ % × 0,25)',
    section: 'main',
    method: 'formula',
    maxPoints: 25,
    indicatorCode: 'CQ.CBCC_HOAN_THANH_KHOA_HOC',
    factor: 0.25,
    evidenceRequired: false,
    claim: {},
  },
  {
    title: 'Tham gia hướng dẫn người dân sử dụng dịch vụ công trực tuyến, Bình dân học vụ số',
    section: 'main',
    method: 'judgement',
    maxPoints: 25,
    evidenceRequired: false,
    claim: { points: 22 },
  },
  {
    title: 'Báo cáo kết quả thực hiện phong trào đúng hạn, đầy đủ nội dung',
    section: 'main',
    method: 'judgement',
    maxPoints: 15,
    evidenceRequired: false,
    claim: { points: 15 },
  },
  {
    title: 'Có sáng kiến, giải pháp hữu ích được công nhận và nhân rộng',
    section: 'bonus',
    method: 'judgement',
    maxPoints: 5,
    evidenceRequired: false,
    claim: { points: 0 },
  },
  {
    title: 'Chậm báo cáo hoặc báo cáo không đầy đủ (trừ mỗi lần 1 điểm)',
    section: 'penalty',
    method: 'judgement',
    maxPoints: 5,
    evidenceRequired: false,
    claim: { points: 0 },
  },
];

/** The city's template (Đà Nẵng-style groups, with bonus and penalty points) the communes copy. */
function cityTemplate(): Omit<ScoringTemplateDto, 'id' | 'provinceId'> {
  const plain = CRITERIA.map(({ claim: _c, ...c }) => c);
  return {
    name: 'Bộ tiêu chí chấm điểm thi đua đổi mới sáng tạo và chuyển đổi số cấp xã',
    year: 2025,
    legalBasis: 'Hướng dẫn của Sở Nội vụ thành phố về chấm điểm thi đua năm 2025',
    groups: [
      { name: 'Đối với các cơ quan, đơn vị', criteria: plain, classes: defaultClasses },
      {
        name: 'Đối với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội',
        criteria: [
          {
            title: 'Tuyên truyền, vận động đoàn viên, hội viên tham gia phong trào',
            section: 'main',
            method: 'judgement',
            maxPoints: 40,
            evidenceRequired: true,
          },
          {
            title: 'Số buổi hướng dẫn kỹ năng số cho hội viên (từ 4 buổi: 20 điểm)',
            section: 'main',
            method: 'bands',
            maxPoints: 20,
            bands: MEETINGS,
            evidenceRequired: false,
          },
          { title: 'Có mô hình hay, điển hình tiên tiến được nhân rộng', section: 'main', method: 'judgement', maxPoints: 40, evidenceRequired: false },
          { title: 'Có sáng kiến được công nhận', section: 'bonus', method: 'judgement', maxPoints: 5, evidenceRequired: false },
          { title: 'Không hoàn thành chỉ tiêu được giao', section: 'penalty', method: 'judgement', maxPoints: 10, evidenceRequired: false },
        ],
      },
      {
        name: 'Đối với các doanh nghiệp, hợp tác xã',
        criteria: [
          { title: 'Ứng dụng nền tảng số trong sản xuất, kinh doanh', section: 'main', method: 'judgement', maxPoints: 50, evidenceRequired: false },
          {
            title: 'Bán hàng trên sàn thương mại điện tử, thanh toán không dùng tiền mặt',
            section: 'main',
            method: 'judgement',
            maxPoints: 50,
            evidenceRequired: false,
          },
        ],
      },
    ],
  };
}

/**
 * Scoring as the commune ran it: last year's rubric for its offices, schools and mass organisations,
 * each unit's self-assessment with evidence, the scores of the council's two members, the results
 * frozen and published; and the city's template the communes copy.
 */
export async function seedScoring(db: Db, opts: { communeId: string; memberIds: string[]; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const year = vietnamYear(now) - 1;
  const { communeId } = opts;
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const [c] = await tx.select({ provinceId: commune.provinceId }).from(commune).where(eq(commune.id, communeId));
    await tx.insert(scoringTemplate).values({ provinceId: c!.provinceId, ...cityTemplate() });
    const units = (
      await tx
        .select({ id: unit.id, code: unit.code, sortKey: unit.sortKey })
        .from(unit)
        .where(and(eq(unit.communeId, communeId), inArray(unit.kind, ['office', 'public_service', 'mass_org', 'school'])))
    ).sort((a, b) => a.sortKey.localeCompare(b.sortKey));
    const [r] = await tx
      .insert(rubric)
      .values({
        communeId,
        groupName: 'Đối với các cơ quan, đơn vị',
        title: `Bảng tiêu chí chấm điểm thi đua năm ${year}: các cơ quan, đơn vị`,
        year,
        status: 'open',
        classes: defaultClasses,
        unitIds: units.map((u) => u.id),
        source: 'Bộ tiêu chí chấm điểm thi đua đổi mới sáng tạo và chuyển đổi số cấp xã (Sở Nội vụ thành phố)',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const crit = await tx
      .insert(rubricCriterion)
      .values(
        CRITERIA.map(({ claim: _c, ...c }, i) => ({
          communeId,
          rubricId: r!.id,
          ord: i + 1,
          title: c.title,
          section: c.section,
          method: c.method,
          maxPoints: c.maxPoints,
          bands: c.bands ?? null,
          indicatorCode: c.indicatorCode ?? null,
          factor: c.factor ?? null,
          evidenceRequired: c.evidenceRequired,
          evidenceHint: c.evidenceHint ?? null,
        })),
      )
      .returning({ id: rubricCriterion.id, method: rubricCriterion.method, indicatorCode: rubricCriterion.indicatorCode });
    // Each unit claims a little less the further down the list it is; the members score near the claim.
    const claimOf = (ui: number, ci: number) => {
      const k = CRITERIA[ci]!.claim;
      const less = (ui * 3 + ci) % 4;
      return k.value !== undefined
        ? { value: Math.max(0, k.value - (less > 2 ? 1 : 0)) }
        : k.points !== undefined
          ? { points: Math.max(0, k.points - less) }
          : null;
    };
    for (const [ui, u] of units.entries()) {
      const items = Object.fromEntries(
        crit.flatMap((k, ci) => {
          const claim = claimOf(ui, ci);
          if (!claim) return [];
          const evidence = CRITERIA[ci]!.evidenceRequired
            ? [
                {
                  kind: 'document' as const,
                  number: `${ci + 1}/${u.code}`,
                  date: `${year}-0${ci + 2}-15`,
                  summary: ci === 0 ? `Kế hoạch thực hiện phong trào năm ${year}` : `Biên bản họp chuyên đề quý ${ci}`,
                },
              ]
            : [];
          return [[k.id, { ...claim, evidence }]];
        }),
      );
      await tx
        .insert(assessment)
        .values({ communeId, rubricId: r!.id, unitId: u.id, status: 'submitted', items, submittedAt: now.toISOString(), updatedAt: now });
      for (const [mi, memberId] of opts.memberIds.entries()) {
        const scores = Object.fromEntries(
          crit.flatMap((k, ci) => {
            const claim = claimOf(ui, ci);
            if (!claim) return [];
            return [
              [k.id, claim.value !== undefined ? { value: claim.value } : { points: Math.max(0, (claim.points ?? 0) - ((ui + mi + ci) % 3 === 0 ? 1 : 0)) }],
            ];
          }),
        );
        await tx
          .insert(councilScore)
          .values({ communeId, rubricId: r!.id, unitId: u.id, memberId, status: 'submitted', items: scores, submittedAt: now.toISOString(), updatedAt: now });
      }
    }
    await freezeResults(tx, r!, now);
    await tx
      .update(rubric)
      .set({ status: 'published', closedAt: now.toISOString(), publishedAt: now.toISOString(), version: 3 })
      .where(and(eq(rubric.communeId, communeId), eq(rubric.id, r!.id)));
  });
}
