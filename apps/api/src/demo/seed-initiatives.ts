import { and, asc, eq, inArray } from 'drizzle-orm';
import { recognitionLevelRank, vietnamYear, type InitiativeDomain, type RecognitionLevel } from '@tds/contracts';
import type { Db } from '../db/client';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import { unit } from '../modules/org';
import { person } from '../modules/people';
import { loadDoc, plan } from '../modules/plans';
import { initiative, initiativeAuthor, initiativeRecognition, initiativeSearchKey, recognitionNumberKey } from '../modules/initiatives';
import { exemplaryModel, modelSearchKey } from '../modules/models';

interface InitiativeSpec {
  title: string;
  unit: string;
  domain: InitiativeDomain;
  description: string;
  firstAppliedOn: string;
  scope: 'unit' | 'commune' | 'province';
  /** People of the demo list by name, or [name, workplace] typed in. */
  authors: (string | [string, string])[];
  effects: { kind: 'economic' | 'social' | 'time_saved'; text: string; amount?: number }[];
  recognitions: { kind: 'decision' | 'confirmation'; number: string; date: string; body: string; level: RecognitionLevel }[];
}

const INITIATIVES: InitiativeSpec[] = [
  {
    title: 'Ứng dụng mã QR tra cứu tiến độ hồ sơ tại Bộ phận một cửa',
    unit: 'TTPVHCC',
    domain: 'administrative_reform',
    description:
      'Mỗi phiếu hẹn in kèm mã QR; người dân quét mã để biết hồ sơ đang ở bước nào, không phải đến hỏi trực tiếp. Cán bộ cập nhật trạng thái trên phần mềm một cửa.',
    firstAppliedOn: '2025-08-04',
    scope: 'commune',
    authors: ['Phạm Văn Hùng', 'Lê Thị Dung'],
    effects: [
      { kind: 'time_saved', text: 'Giảm khoảng 60% lượt người dân đến hỏi tiến độ hồ sơ', amount: 900 },
      { kind: 'social', text: 'Người dân hài lòng hơn với Bộ phận một cửa (khảo sát quý IV)' },
    ],
    recognitions: [{ kind: 'decision', number: '215/QĐ-UBND', date: '2025-12-18', body: 'Ủy ban nhân dân xã Gia Phúc', level: 'commune' }],
  },
  {
    title: 'Sổ tay điện tử "Mỗi phụ huynh một tài khoản VNeID"',
    unit: 'TH-GP',
    domain: 'digital_transformation',
    description: 'Giáo viên chủ nhiệm hướng dẫn phụ huynh kích hoạt VNeID mức 2 qua các buổi họp lớp, kèm sổ tay từng bước có hình minh họa.',
    firstAppliedOn: '2025-09-15',
    scope: 'unit',
    authors: ['Hoàng Thị Yến', 'Đặng Thị Ngọc Ánh'],
    effects: [{ kind: 'social', text: '412 phụ huynh được hướng dẫn kích hoạt tài khoản định danh điện tử' }],
    recognitions: [
      { kind: 'decision', number: '08/QĐ-THGP', date: '2025-12-05', body: 'Trường Tiểu học Gia Phúc', level: 'unit' },
      { kind: 'confirmation', number: '31/XN-UBND', date: '2026-01-20', body: 'Ủy ban nhân dân xã Gia Phúc', level: 'commune' },
    ],
  },
  {
    title: 'Bán nông sản qua sàn thương mại điện tử cho hộ xã viên',
    unit: 'HTX-NN',
    domain: 'economy',
    description: 'Hợp tác xã mở gian hàng chung trên sàn thương mại điện tử, chụp ảnh, đóng gói và giao hàng cho các hộ xã viên.',
    firstAppliedOn: '2025-10-01',
    scope: 'commune',
    authors: ['Bùi Văn An', ['Nguyễn Văn Tiến', 'Hợp tác xã Nông nghiệp Gia Phúc']],
    effects: [{ kind: 'economic', text: 'Doanh thu bán hàng trực tuyến của các hộ xã viên', amount: 186_000_000 }],
    recognitions: [],
  },
  {
    title: 'Nhóm Zalo "Thanh niên tình nguyện số" hỗ trợ người cao tuổi',
    unit: 'DTN',
    domain: 'culture_society',
    description: 'Đoàn viên trực nhóm Zalo theo ca, trả lời câu hỏi về dịch vụ công trực tuyến và đến tận nhà giúp người cao tuổi.',
    firstAppliedOn: '2025-11-10',
    scope: 'commune',
    authors: ['Vũ Thị Ánh'],
    effects: [{ kind: 'social', text: 'Hơn 300 lượt người cao tuổi được hỗ trợ' }],
    recognitions: [],
  },
  {
    title: 'Số hóa hồ sơ văn hóa - xã hội bằng biểu mẫu dùng chung',
    unit: 'VHXH',
    domain: 'digital_transformation',
    description: 'Bộ biểu mẫu trực tuyến dùng chung cho các thôn báo cáo số liệu văn hóa - xã hội, tổng hợp tự động thay cho báo cáo giấy.',
    firstAppliedOn: '2025-07-21',
    scope: 'province',
    authors: ['Nguyễn Thị Hồng', 'Đỗ Minh Đức'],
    effects: [
      { kind: 'time_saved', text: 'Rút ngắn thời gian tổng hợp báo cáo tháng từ 3 ngày còn nửa ngày', amount: 240 },
      { kind: 'economic', text: 'Tiết kiệm chi phí in ấn, giấy tờ', amount: 12_500_000 },
    ],
    recognitions: [
      { kind: 'decision', number: '198/QĐ-UBND', date: '2025-11-28', body: 'Ủy ban nhân dân xã Gia Phúc', level: 'commune' },
      { kind: 'decision', number: '1052/QĐ-SKHCN', date: '2026-03-12', body: 'Sở Khoa học và Công nghệ thành phố Hải Phòng', level: 'province' },
    ],
  },
];

interface ModelSpec {
  kind: 'collective' | 'individual';
  title: string;
  unit: string;
  person?: string;
  story: string;
  from: string;
  to: string | null;
  publish: boolean;
}

const MODELS: ModelSpec[] = [
  {
    kind: 'collective',
    title: 'Tổ công nghệ số cộng đồng thôn Đông: "Đến từng ngõ, chỉ từng người"',
    unit: 'THON-01-CNS',
    story:
      'Tổ chia thôn thành 6 cụm, mỗi thành viên phụ trách một cụm. Tối thứ Ba và thứ Sáu, tổ mở lớp tại nhà văn hóa; ngày thường đến tận nhà người cao tuổi, người khuyết tật để cài ứng dụng, kích hoạt VNeID và hướng dẫn thanh toán không dùng tiền mặt. Sau một năm, gần 70% người trưởng thành của thôn có kỹ năng số cơ bản.',
    from: '2025-09-01',
    to: '2026-06-30',
    publish: true,
  },
  {
    kind: 'individual',
    title: 'Cô hiệu trưởng "một chạm" đưa phụ huynh lên môi trường số',
    unit: 'TH-GP',
    person: 'Hoàng Thị Yến',
    story:
      'Cô Yến vận động giáo viên mỗi người nhận hướng dẫn 20 phụ huynh; tự biên soạn sổ tay từng bước và trực tiếp hỗ trợ các gia đình khó khăn. Nhà trường đã chuyển toàn bộ thông báo, thu học phí sang hình thức trực tuyến.',
    from: '2025-09-05',
    to: null,
    publish: false,
  },
  {
    kind: 'collective',
    title: 'Hợp tác xã Nông nghiệp Gia Phúc: nông sản lên sàn',
    unit: 'HTX-NN',
    story: 'Hợp tác xã gom hàng của các hộ, chuẩn hóa tem truy xuất nguồn gốc và mở gian hàng trực tuyến; mỗi tuần livestream giới thiệu sản phẩm.',
    from: '2025-10-01',
    to: null,
    publish: false,
  },
  {
    kind: 'individual',
    title: 'Bí thư Đoàn xã với mô hình "Thanh niên tình nguyện số"',
    unit: 'DTN',
    person: 'Vũ Thị Ánh',
    story: 'Chị Ánh tổ chức đoàn viên trực nhóm Zalo hỗ trợ người dân làm thủ tục trực tuyến, đến nhà giúp người cao tuổi vào cuối tuần.',
    from: '2025-11-10',
    to: null,
    publish: false,
  },
];

/**
 * The demo commune's register of initiatives (several recognised, at unit, commune and province
 * level, one with an author typed in) and its exemplary models (one published for the portal, one
 * tied to the movement content of the commune's plan when there is one). Runs once: a commune
 * that already has initiatives is left as it is.
 */
export async function seedInitiatives(db: Db, opts: { communeId: string; adminUserId: string; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const { communeId, adminUserId } = opts;
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    // Once: a commune that has its register already is left as it is.
    const [already] = await tx.select({ id: initiative.id }).from(initiative).where(eq(initiative.communeId, communeId)).limit(1);
    if (already) return;
    const units = new Map(
      (await tx.select({ id: unit.id, code: unit.code, name: unit.name }).from(unit).where(eq(unit.communeId, communeId))).map((u) => [u.code, u]),
    );
    const names = [
      ...new Set([...INITIATIVES.flatMap((i) => i.authors.filter((a): a is string => typeof a === 'string')), ...MODELS.flatMap((m) => m.person ?? [])]),
    ];
    const people = new Map(
      (
        await tx
          .select({ id: person.id, fullName: person.fullName })
          .from(person)
          .where(and(eq(person.communeId, communeId), inArray(person.fullName, names)))
      ).map((p) => [p.fullName, p.id]),
    );
    for (const spec of INITIATIVES) {
      const u = units.get(spec.unit);
      if (!u) continue;
      const authors = spec.authors.map((a) =>
        typeof a === 'string'
          ? { personId: people.get(a) ?? null, fullName: a, workplace: people.has(a) ? null : u.name }
          : { personId: null, fullName: a[0], workplace: a[1] },
      );
      const [row] = await tx
        .insert(initiative)
        .values({
          communeId,
          unitId: u.id,
          title: spec.title,
          domain: spec.domain,
          description: spec.description,
          firstAppliedOn: spec.firstAppliedOn,
          year: Number(spec.firstAppliedOn.slice(0, 4)),
          scope: spec.scope,
          effects: spec.effects.map((e) => ({ ...e, amount: e.amount ?? null })),
          searchKey: initiativeSearchKey(spec.title, authors, u.name),
          createdBy: adminUserId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await tx.insert(initiativeAuthor).values(authors.map((a, ord) => ({ communeId, initiativeId: row!.id, ord, ...a })));
      if (spec.recognitions.length)
        await tx.insert(initiativeRecognition).values(
          spec.recognitions.map((r) => ({
            communeId,
            initiativeId: row!.id,
            ...r,
            numberKey: recognitionNumberKey(r.number),
            levelRank: recognitionLevelRank(r.level),
            createdBy: adminUserId,
            createdAt: now,
          })),
        );
    }
    // The movement content of the commune's first plan, for the first model.
    const [p] = await tx.select().from(plan).where(eq(plan.communeId, communeId)).orderBy(asc(plan.createdAt)).limit(1);
    const first = p ? (await loadDoc(tx, p)).contents[0] : undefined;
    for (const [i, spec] of MODELS.entries()) {
      const u = units.get(spec.unit);
      const personId = spec.person ? (people.get(spec.person) ?? null) : null;
      if (!u || (spec.kind === 'individual' && !personId)) continue;
      const linked = i === 0 && p && first;
      await tx.insert(exemplaryModel).values({
        communeId,
        kind: spec.kind,
        title: spec.title,
        unitId: u.id,
        personId,
        story: spec.story,
        planId: linked ? p.id : null,
        contentOrder: linked ? first.order : null,
        movementContent: linked ? first.text : 'Phổ cập kỹ năng số cho người dân (Bình dân học vụ số)',
        periodFrom: spec.from,
        periodTo: spec.to,
        year: spec.to ? Number(spec.to.slice(0, 4)) : vietnamYear(now),
        status: spec.publish ? 'published' : 'draft',
        publishedAt: spec.publish ? now : null,
        publishedBy: spec.publish ? adminUserId : null,
        searchKey: modelSearchKey(spec.title, u.name, spec.person ?? null),
        createdBy: adminUserId,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
}
