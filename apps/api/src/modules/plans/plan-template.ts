import { inPhrase, NATIONAL_MOVEMENTS, type PlanDoc } from '@tds/contracts';

/** Where a template plan is issued. */
export interface TemplateContext {
  communeName: string;
  provinceName: string;
  /** The year the plan is made (deadlines that happen once fall in it). */
  year: number;
}

const MOVEMENTS: readonly string[] = NATIONAL_MOVEMENTS;

/**
 * The built-in national template of the movement (QĐ 923/QĐ-TTg + Bình dân học vụ số), filled in for
 * one commune. Every part is meant to be edited by the commune before it is published.
 */
export function buildPlanTemplate(c: TemplateContext): PlanDoc {
  const commune = c.communeName;
  const local = commune.replace(/^(Xã|Phường|Đặc khu)\s+/u, '').trim();
  const level = /^Phường/u.test(commune) ? 'phường' : /^Đặc khu/u.test(commune) ? 'đặc khu' : 'xã';
  return {
    issuer: { name: `Ủy ban nhân dân ${inPhrase(commune)}`, parent: null },
    number: null,
    date: null,
    place: local,
    title: `Triển khai Phong trào thi đua “${MOVEMENTS[0]}” và “${MOVEMENTS[1]}” trên địa bàn ${level} ${local} giai đoạn 2025 - 2030`,
    movements: [...MOVEMENTS],
    legalBases: [
      { ref: null, type: 'Luật', date: '2022-06-15', issuer: 'Quốc hội', title: 'Luật Thi đua, khen thưởng' },
      {
        ref: '152/2025/NĐ-CP',
        type: 'Nghị định',
        date: null,
        issuer: 'Chính phủ',
        title: 'quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
      },
      {
        ref: '57-NQ/TW',
        type: 'Nghị quyết',
        date: '2024-12-22',
        issuer: 'Bộ Chính trị',
        title: 'về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
      },
      { ref: '01-KH/BCĐTW', type: 'Kế hoạch', date: '2025-03-21', issuer: 'Ban Chỉ đạo Trung ương', title: 'triển khai phong trào “Bình dân học vụ số”' },
      {
        ref: '923/QĐ-TTg',
        type: 'Quyết định',
        date: '2025-05-14',
        issuer: 'Thủ tướng Chính phủ',
        title: 'phát động Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”',
      },
    ],
    purposes: [
      'Phát huy sức mạnh tổng hợp của cả hệ thống chính trị, doanh nghiệp và Nhân dân trong đổi mới sáng tạo và chuyển đổi số.',
      `Phổ cập kỹ năng số cơ bản cho người dân trên địa bàn ${level}, không để ai bị bỏ lại phía sau.`,
    ],
    requirements: [
      'Phong trào được triển khai thiết thực, hiệu quả, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, thôn, tổ dân phố.',
      'Việc khen thưởng bảo đảm dân chủ, công khai, minh bạch, kịp thời, đúng người, đúng thành tích.',
    ],
    contents: [
      'Thi đua nâng cao nhận thức, trách nhiệm về đổi mới sáng tạo và chuyển đổi số.',
      'Thi đua học tập, phổ cập kỹ năng số cho người dân (Bình dân học vụ số).',
      'Thi đua phát triển hạ tầng số, bảo đảm kết nối và dữ liệu.',
      'Thi đua xây dựng chính quyền số, nâng cao chất lượng dịch vụ công trực tuyến.',
      'Thi đua phát triển kinh tế số, thanh toán không dùng tiền mặt và thương mại điện tử.',
      'Thi đua phát triển xã hội số, công dân số.',
      'Thi đua bảo đảm an toàn, an ninh mạng và bảo vệ dữ liệu cá nhân.',
      'Thi đua đẩy mạnh hợp tác, huy động nguồn lực cho chuyển đổi số.',
    ].map((text, i) => ({ order: i + 1, text })),
    participantGroups: [
      {
        name: 'Đối với các cơ quan, đơn vị',
        criteria: [
          'Xây dựng và triển khai kế hoạch thực hiện phong trào đúng thời hạn.',
          'Tỷ lệ hồ sơ thủ tục hành chính trực tuyến và số hóa hồ sơ đạt và vượt chỉ tiêu được giao.',
          '100% cán bộ, công chức, viên chức hoàn thành chương trình kỹ năng số cơ bản.',
        ],
      },
      {
        name: 'Đối với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội',
        criteria: ['Tuyên truyền, vận động đoàn viên, hội viên tham gia học tập kỹ năng số.', 'Có mô hình, cách làm hay hỗ trợ người dân chuyển đổi số.'],
      },
      {
        name: 'Đối với các thôn, tổ dân phố và Tổ công nghệ số cộng đồng',
        criteria: [
          'Tổ chức các buổi hướng dẫn kỹ năng số cho người dân.',
          'Tỷ lệ người trưởng thành được phổ cập kỹ năng số cơ bản đạt chỉ tiêu.',
          'Hỗ trợ người dân kích hoạt định danh điện tử, sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.',
        ],
      },
      {
        name: 'Đối với các trường học',
        criteria: ['Ứng dụng công nghệ số trong dạy học và quản lý.', 'Học sinh, giáo viên được trang bị kỹ năng số và an toàn trên mạng.'],
      },
      {
        name: 'Đối với doanh nghiệp, hợp tác xã',
        criteria: ['Ứng dụng công nghệ số trong sản xuất, kinh doanh; bán hàng trên sàn thương mại điện tử.', 'Thanh toán không dùng tiền mặt.'],
      },
      {
        name: 'Đối với cá nhân',
        criteria: ['Gương mẫu đi đầu trong học tập, ứng dụng kỹ năng số.', 'Có sáng kiến, giải pháp được công nhận về đổi mới sáng tạo, chuyển đổi số.'],
      },
    ],
    awardForms: [
      { name: 'Giấy khen của Chủ tịch Ủy ban nhân dân xã', code: 'GIAY_KHEN_CT_UBND_XA' },
      {
        name: `Bằng khen của Chủ tịch Ủy ban nhân dân ${c.provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, (m) => m.toLowerCase())}`,
        code: 'BANG_KHEN_CT_UBND_TINH',
      },
      { name: 'Cờ thi đua của Ủy ban nhân dân tỉnh/thành phố', code: 'CO_THI_DUA_TINH' },
      { name: 'Bằng khen của Thủ tướng Chính phủ', code: 'BANG_KHEN_TTG' },
      { name: 'Cờ thi đua của Chính phủ', code: 'CO_THI_DUA_CP' },
      { name: 'Huân chương Lao động', code: 'HUAN_CHUONG_LAO_DONG' },
    ],
    occasions: ['yearly', 'mid-term', 'final'],
    dossier: [
      'Tờ trình đề nghị khen thưởng kèm danh sách',
      'Biên bản họp xét khen thưởng của đơn vị',
      'Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng',
      'Xác nhận của cấp có thẩm quyền về hiệu quả, phạm vi ảnh hưởng của sáng kiến (nếu có)',
    ],
    solutions: [
      'Đẩy mạnh tuyên truyền về phong trào trên các phương tiện thông tin và mạng xã hội.',
      'Phát huy vai trò của Tổ công nghệ số cộng đồng ở từng thôn, tổ dân phố.',
      'Kịp thời phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến.',
    ],
    phases: [
      { name: 'Giai đoạn 1', fromYear: 2025, toYear: 2027 },
      { name: 'Giai đoạn 2', fromYear: 2027, toYear: 2030 },
    ],
    milestones: [
      { kind: 'mid-term', year: 2027 },
      { kind: 'final', year: 2030 },
    ],
    deadlines: [
      {
        what: 'Kế hoạch thực hiện phong trào của cơ quan, đơn vị',
        from: 'tất cả các đơn vị tham gia phong trào',
        to: 'Ủy ban nhân dân (qua Phòng Văn hóa - Xã hội)',
        day: 31,
        month: 12,
        year: c.year,
        recurrence: 'once',
        qualifier: 'before',
        text: `trước ngày 31/12/${c.year}`,
      },
      {
        what: 'Báo cáo kết quả thực hiện phong trào thi đua',
        from: 'tất cả các đơn vị tham gia phong trào',
        to: 'Ủy ban nhân dân (qua Phòng Văn hóa - Xã hội)',
        day: 5,
        month: 12,
        year: null,
        recurrence: 'yearly',
        qualifier: 'before',
        text: 'trước ngày 05/12 hằng năm',
      },
    ],
    responsibilities: [
      { body: 'Phòng Văn hóa - Xã hội', tasks: ['Tham mưu Ủy ban nhân dân triển khai, theo dõi, đôn đốc thực hiện kế hoạch; tổng hợp báo cáo kết quả.'] },
      { body: 'Phòng Kinh tế', tasks: ['Tham mưu bố trí kinh phí thực hiện phong trào và khen thưởng.'] },
      { body: 'Hội đồng Thi đua - Khen thưởng', tasks: ['Kiểm tra, đánh giá, xét đề nghị khen thưởng theo quy định.'] },
      { body: 'Trung tâm Văn hóa, Thể thao và Truyền thông', tasks: ['Tuyên truyền, giới thiệu các mô hình, điển hình tiên tiến.'] },
      { body: 'Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể', tasks: ['Vận động đoàn viên, hội viên và Nhân dân tích cực tham gia phong trào.'] },
      { body: 'Các thôn, tổ dân phố và Tổ công nghệ số cộng đồng', tasks: ['Tổ chức hướng dẫn kỹ năng số cho người dân; báo cáo kết quả định kỳ.'] },
    ],
    recipients: [
      'Sở Nội vụ (Ban Thi đua - Khen thưởng)',
      'Thường trực Đảng ủy',
      'Thường trực Hội đồng nhân dân',
      'Ủy ban Mặt trận Tổ quốc Việt Nam',
      'Các cơ quan, đơn vị, thôn, tổ dân phố',
      'Lưu: VT, VHXH',
    ],
    signer: { name: null, title: 'Chủ tịch', capacity: 'TM.' },
  };
}
