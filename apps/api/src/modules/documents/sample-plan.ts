import type { PlanDoc } from '@tds/contracts';

/** A plan written by hand after seed 001 (phường Bàn Thạch), for tests and the render preview. */

const FIRST = 'Cả nước thi đua đổi mới sáng tạo và chuyển đổi số';
const SECOND = 'Bình dân học vụ số';

/** The plan of seed 001 with a number and a date, signed by the chairman for the committee. */
export const samplePlan: PlanDoc = {
  issuer: { name: 'Ủy ban nhân dân phường Bàn Thạch', parent: null },
  number: '27/KH-UBND',
  date: '2025-08-21',
  place: 'Bàn Thạch',
  title: `Triển khai Phong trào thi đua “${FIRST}” và Phong trào “${SECOND}” trên địa bàn phường Bàn Thạch`,
  movements: [FIRST, SECOND],
  legalBases: [
    { ref: null, type: 'Luật', date: '2025-06-16', issuer: null, title: 'Tổ chức chính quyền địa phương' },
    {
      ref: '923/QĐ-TTg',
      type: 'Quyết định',
      date: '2025-05-14',
      issuer: 'Thủ tướng Chính phủ',
      title: `về việc ban hành Kế hoạch triển khai Phong trào thi đua “${FIRST}”`,
    },
    {
      ref: '01-KH/BCĐTW',
      type: 'Kế hoạch',
      date: '2025-03-21',
      issuer: 'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
      title: `về triển khai Phong trào “${SECOND}”`,
    },
    { ref: '146/KH-UBND', type: 'Kế hoạch', date: '2025-05-28', issuer: 'UBND thành phố Đà Nẵng', title: null },
    { ref: '4735/BNV-BTĐKT', type: 'Công văn', date: '2025-07-04', issuer: 'Bộ Nội vụ', title: null },
  ],
  purposes: [
    'Phát huy truyền thống thi đua yêu nước, tăng cường sự lãnh đạo toàn diện của Đảng, phát huy sức mạnh tổng hợp của cả hệ thống chính trị, sự tham gia tích cực của doanh nhân, doanh nghiệp và Nhân dân đối với phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
    'Tạo không khí thi đua sôi nổi, phát huy tính chủ động, sáng tạo và tiềm năng thế mạnh của các cơ quan, đơn vị, đoàn thể, Tổ Công nghệ số cộng đồng các tổ dân phố thuộc phường',
  ],
  requirements: [
    'Phong trào thi đua phải được triển khai sâu rộng, đồng bộ, xuyên suốt trên toàn phường, đảm bảo thiết thực, hiệu quả với nội dung, hình thức phù hợp',
  ],
  contents: [
    { order: 1, text: 'Thi đua nâng cao nhận thức, đột phá về đổi mới tư duy, chuyển đổi số, phát triển khoa học, công nghệ, đổi mới sáng tạo' },
    {
      order: 2,
      text: 'Thi đua đẩy mạnh chuyển đổi số, ứng dụng khoa học, công nghệ, đổi mới sáng tạo trong hoạt động của các cơ quan trong hệ thống chính trị, phát triển chính quyền số',
    },
    {
      order: 3,
      text: 'Thi đua phát triển kinh tế số, phát triển doanh nghiệp công nghệ số, doanh nghiệp khoa học công nghệ và doanh nghiệp khởi nghiệp sáng tạo',
    },
    { order: 4, text: `Thi đua phát triển xã hội số; triển khai sâu rộng phong trào “${SECOND}” của Tổ Công nghệ số cộng đồng` },
    { order: 5, text: 'Thi đua bảo đảm quốc phòng và an ninh, an toàn, an ninh mạng, chủ quyền quốc gia trên nền tảng số và không gian mạng' },
    { order: 6, text: 'Tăng cường quan hệ hợp tác trong phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số' },
  ],
  participantGroups: [
    {
      name: 'Đối với các cơ quan, đơn vị thuộc phường',
      criteria: [
        'Hoàn thành có chất lượng, đạt, vượt và về đích sớm các mục tiêu cơ bản về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
        'Xây dựng, phát huy hiệu quả dữ liệu, đảm bảo “Đúng, đủ, sạch”',
      ],
    },
    { name: 'Đối với Mặt trận Tổ quốc Việt Nam phường', criteria: ['Có sáng kiến, giải pháp triển khai sâu rộng phong trào học tập số, bình dân học vụ số'] },
    {
      name: 'Đối với Tổ công nghệ số cộng đồng các tổ dân phố',
      criteria: ['Tổ chức các hoạt động cụ thể, thiết thực, hiệu quả, huy động sự tham gia đông đảo người dân'],
    },
    {
      name: 'Đối với các doanh nghiệp',
      criteria: ['Thúc đẩy hoạt động đổi mới sáng tạo, chuyển từ ứng dụng và làm chủ công nghệ sang xây dựng năng lực sáng tạo đột phá'],
    },
    { name: 'Đối với cá nhân', criteria: ['Cán bộ, công chức, viên chức, người lao động nỗ lực, có sáng kiến, giải pháp sáng tạo'] },
  ],
  awardForms: [
    { name: 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố', code: 'BK_CT_TINH' },
    { name: 'Giấy khen của Chủ tịch Ủy ban nhân dân phường', code: 'GK_CT_XA' },
  ],
  occasions: ['yearly', 'mid-term', 'final'],
  dossier: ['Tờ trình đề nghị khen thưởng', 'Biên bản họp xét của Hội đồng Thi đua - Khen thưởng', 'Báo cáo thành tích của tập thể, cá nhân'],
  solutions: [
    'Tăng cường sự lãnh đạo của cấp ủy, tổ chức đảng, chỉ đạo, điều hành của các cấp chính quyền',
    'Đẩy mạnh công tác truyền thông, nâng cao nhận thức, trách nhiệm của các ngành, các tầng lớp Nhân dân',
    'Hội đồng Thi đua - Khen thưởng phường thực hiện kiểm tra, giám sát tình hình triển khai Phong trào thi đua',
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
      what: 'Báo cáo tình hình tổ chức thực hiện Phong trào thi đua',
      from: 'các cơ quan, đơn vị, đoàn thể',
      to: 'Phòng Văn hóa - Xã hội',
      day: 5,
      month: 12,
      year: null,
      recurrence: 'yearly',
      qualifier: 'before',
      text: 'trước ngày 05/12 hằng năm',
    },
  ],
  responsibilities: [
    {
      body: 'Phòng Văn hóa - Xã hội',
      tasks: [
        'Chủ trì, phối hợp với các cơ quan liên quan triển khai bộ chỉ số đánh giá về Chính quyền số, kinh tế số, xã hội số của thành phố Đà Nẵng',
        'Hướng dẫn khen thưởng Phong trào thi đua cho các cơ quan, đơn vị trên địa bàn phường',
      ],
    },
    {
      body: 'Hội đồng Thi đua - Khen thưởng phường',
      tasks: ['Phân công rõ trách nhiệm các thành viên trong quá trình chỉ đạo, hướng dẫn, giám sát việc triển khai thực hiện Phong trào thi đua'],
    },
  ],
  recipients: ['Sở Nội vụ', 'Văn phòng UBND thành phố', 'Thường trực Đảng ủy', 'Ủy ban MTTQVN phường', 'Lưu: VT, PVH-XH'],
  signer: { name: 'Dương Văn Tuấn', title: 'Chủ tịch', capacity: 'TM.' },
};
