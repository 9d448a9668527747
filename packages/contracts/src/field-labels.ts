import { indicatorAggregationLabelsVi, indicatorDirectionLabelsVi, indicatorPillarLabelsVi, targetSplitMethodLabelsVi } from './indicators.js';
import { notifyChannelLabelsVi, outboxStatusLabelsVi } from './notify.js';
import { communeKindLabelsVi, unitKindLabelsVi } from './org.js';
import { genderLabelsVi } from './people.js';
import { roleLabelsVi } from './permissions.js';
import { planStatusLabelsVi } from './plans.js';
import { progressCadenceLabelsVi, progressCycleKindLabelsVi, progressStatusLabelsVi, progressUnitStatusLabelsVi } from './progress.js';
import { registrationStatusLabelsVi } from './registration.js';
import { dueItemStatusLabelsVi, reportActionLabelsVi, reportCadenceLabelsVi, reportKindLabelsVi, reportStatusLabelsVi } from './reports.js';
import { todoKindLabelsVi } from './todo.js';

/**
 * Vietnamese labels for the field names of every request schema (and of the records the audit log
 * shows), used to name a field in an error message, a form, an import report or the audit log.
 * `field-labels.test.ts` walks the request schemas and fails when a key has no label here. A key
 * that holds a list is named by its item ("Chỉ tiêu"), so that "Chỉ tiêu thứ 1" reads well.
 */
export const fieldLabelsVi: Record<string, string> = {
  // Territory, units, people, users
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại',
  parentId: 'Đơn vị cấp trên',
  activeFrom: 'Hoạt động từ ngày',
  activeTo: 'Hoạt động đến ngày',
  mergedIntoId: 'Sáp nhập vào',
  contactName: 'Người liên hệ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  position: 'Chức vụ',
  unitId: 'Đơn vị',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  roles: 'Vai trò',
  role: 'Vai trò',
  provinceId: 'Tỉnh/thành phố',
  communeId: 'Xã/phường',
  personId: 'Cá nhân',
  version: 'Phiên bản',
  active: 'Đang hoạt động',
  disabled: 'Khóa tài khoản',
  id: 'Mã định danh',
  // Lists and filters
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  limit: 'Số mục',
  q: 'Từ khóa tìm kiếm',
  includeInactive: 'Gồm cả mục ngừng hoạt động',
  dryRun: 'Chạy thử',
  status: 'Trạng thái',
  unread: 'Chưa đọc',
  // Audit log
  entityType: 'Loại đối tượng',
  action: 'Thao tác',
  actorId: 'Người thực hiện',
  from: 'Từ ngày',
  to: 'Đến ngày',
  // Plans (the plan document)
  doc: 'Nội dung kế hoạch',
  source: 'Nguồn',
  ownerUnitId: 'Đơn vị của kế hoạch',
  parentPlanId: 'Kế hoạch cấp trên',
  provincePlanId: 'Kế hoạch của tỉnh',
  note: 'Ghi chú',
  issuer: 'Cơ quan ban hành',
  parent: 'Cơ quan chủ quản',
  number: 'Số văn bản',
  date: 'Ngày ban hành',
  place: 'Địa danh',
  title: 'Tiêu đề',
  movements: 'Phong trào',
  legalBases: 'Căn cứ',
  ref: 'Số, ký hiệu',
  type: 'Loại văn bản',
  purposes: 'Mục đích',
  requirements: 'Yêu cầu',
  scope: 'Phạm vi',
  participants: 'Đối tượng thi đua',
  contents: 'Nội dung thi đua',
  order: 'Thứ tự',
  text: 'Nội dung',
  participantGroups: 'Nhóm đối tượng',
  criteria: 'Tiêu chí',
  kinds: 'Loại đơn vị',
  unitIds: 'Đơn vị được chọn',
  dueDate: 'Ngày nộp báo cáo',
  confirmed: 'Đã xác nhận ngày',
  dates: 'Hạn từng kỳ 6 tháng',
  unitKinds: 'Loại đơn vị báo cáo',
  standing: 'Tình trạng nộp báo cáo',
  reason: 'Lý do',
  awardForms: 'Hình thức khen thưởng',
  occasions: 'Dịp khen thưởng',
  dossier: 'Hồ sơ',
  solutions: 'Giải pháp',
  phases: 'Giai đoạn',
  fromYear: 'Từ năm',
  toYear: 'Đến năm',
  milestones: 'Mốc sơ kết, tổng kết',
  year: 'Năm',
  deadlines: 'Thời hạn',
  what: 'Việc phải làm',
  day: 'Ngày',
  month: 'Tháng',
  recurrence: 'Lặp lại',
  qualifier: 'Cách tính hạn',
  responsibilities: 'Trách nhiệm',
  body: 'Cơ quan, đơn vị',
  tasks: 'Nhiệm vụ',
  recipients: 'Nơi nhận',
  signer: 'Người ký',
  capacity: 'Thẩm quyền ký',
  resolutions: 'Lựa chọn khi trùng thời hạn',
  acceptUnreached: 'Ban hành khi có thời hạn chưa giao đơn vị nào',
  planId: 'Kế hoạch',
  dueItemId: 'Hạn nộp',
  // Reports and registrations
  cadence: 'Kỳ báo cáo',
  period: 'Kỳ',
  value: 'Giá trị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  key: 'Mã mục',
  sections: 'Mục',
  values: 'Số liệu',
  summary: 'Tóm tắt',
  comment: 'Nhận xét',
  titleCode: 'Danh hiệu',
  commitment: 'Cam kết',
  commitments: 'Nội dung cam kết',
  awardCodes: 'Hình thức khen thưởng, danh hiệu',
  indicators: 'Chỉ tiêu',
  targets: 'Mục tiêu',
  people: 'Cá nhân',
  submit: 'Gửi đăng ký',
  open: 'Mở đăng ký',
  // Indicators, targets, progress
  pillar: 'Trụ cột',
  measure: 'Đơn vị tính',
  direction: 'Chiều đánh giá',
  aggregation: 'Cách tổng hợp',
  numeratorLabel: 'Tên tử số',
  denominatorLabel: 'Tên mẫu số',
  minValue: 'Giá trị nhỏ nhất',
  maxValue: 'Giá trị lớn nhất',
  integer: 'Chỉ nhận số nguyên',
  scoreBands: 'Mức điểm',
  min: 'Ngưỡng',
  score: 'Điểm',
  evidence: 'Minh chứng',
  verifier: 'Đơn vị kiểm chứng',
  sortOrder: 'Thứ tự sắp xếp',
  indicatorCode: 'Chỉ tiêu',
  items: 'Mục tiêu',
  method: 'Cách chia',
  weights: 'Trọng số',
  view: 'Bảng số liệu',
  draft: 'Bản dự thảo',
  // Reminders
  offsets: 'Mốc nhắc',
  channels: 'Kênh thông báo',
  notifyFocalPoints: 'Nhắc đầu mối đơn vị',
  notifyAdmins: 'Nhắc quản trị xã',
  enabled: 'Bật nhắc hạn',
  // Named by the server's own checks (not request keys)
  file: 'Tệp',
  reportId: 'Báo cáo',
  rows: 'Dòng',
  url: 'Địa chỉ yêu cầu',
  query: 'Tham số truy vấn',
  content: 'Nội dung gửi lên',
  // The publish entry of the audit log
  publishedVersion: 'Phiên bản ban hành',
  added: 'Số hạn nộp thêm',
  removed: 'Số hạn nộp bỏ',
  acceptedUnreached: 'Thời hạn chưa giao đơn vị nào (vẫn ban hành)',
  addresseeUnread: 'Đơn vị gửi không nhận ra (giao cho tất cả)',
  // Bình dân học vụ số
  adultAge: 'Tuổi được tính là người trưởng thành',
  adults: 'Dân số từ đủ tuổi',
  basicModules: 'Bộ kỹ năng số cơ bản',
  certificateNo: 'Số chứng nhận',
  completedOn: 'Ngày hoàn thành',
  confirmNew: 'Xác nhận thêm người mới',
  count: 'Số người được hỗ trợ',
  decisionDate: 'Ngày quyết định thành lập',
  decisionNo: 'Số quyết định thành lập',
  exceptId: 'Người dân đang sửa',
  groupName: 'Nhóm kỹ năng',
  intoId: 'Gộp vào người dân',
  learnerGroup: 'Nhóm đối tượng',
  learnerGroups: 'Nhóm đối tượng',
  marks: 'Lượt điểm danh',
  moduleCode: 'Học phần',
  moduleCodes: 'Học phần',
  nationalId: 'Số định danh cá nhân',
  opKey: 'Mã thao tác',
  present: 'Có mặt',
  residentId: 'Người dân',
  startTime: 'Giờ bắt đầu',
  teamId: 'Tổ công nghệ số cộng đồng',
  trainers: 'Người hướng dẫn',
  villageId: 'Thôn, tổ dân phố',
  villageIds: 'Thôn, tổ dân phố phụ trách',
};

/** The same fields in English (the audit log and the import report in English). */
export const fieldLabelsEn: Record<string, string> = {
  code: 'Code',
  name: 'Name',
  kind: 'Kind',
  parentId: 'Parent unit',
  activeFrom: 'Active from',
  activeTo: 'Active until',
  mergedIntoId: 'Merged into',
  contactName: 'Contact person',
  phone: 'Phone',
  email: 'E-mail',
  address: 'Address',
  fullName: 'Full name',
  gender: 'Gender',
  birthYear: 'Year of birth',
  position: 'Position',
  unitId: 'Unit',
  username: 'User name',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  roles: 'Roles',
  role: 'Role',
  provinceId: 'Province',
  communeId: 'Commune',
  personId: 'Person',
  version: 'Version',
  active: 'Active',
  disabled: 'Account locked',
  id: 'Identifier',
  page: 'Page',
  pageSize: 'Rows per page',
  limit: 'Number of items',
  q: 'Search',
  includeInactive: 'Include inactive',
  dryRun: 'Dry run',
  status: 'Status',
  unread: 'Unread',
  entityType: 'Record type',
  action: 'Action',
  actorId: 'Done by',
  from: 'From',
  to: 'To',
  doc: 'Plan content',
  source: 'Source',
  ownerUnitId: 'Unit of the plan',
  parentPlanId: 'Parent plan',
  provincePlanId: 'Province plan',
  note: 'Note',
  issuer: 'Issuing body',
  parent: 'Parent body',
  number: 'Document number',
  date: 'Date issued',
  place: 'Place',
  title: 'Title',
  movements: 'Movement',
  legalBases: 'Legal basis',
  ref: 'Reference',
  type: 'Document type',
  purposes: 'Purpose',
  requirements: 'Requirement',
  scope: 'Scope',
  participants: 'Participants',
  contents: 'Content',
  order: 'Order',
  text: 'Text',
  participantGroups: 'Participant group',
  criteria: 'Criterion',
  kinds: 'Unit kinds',
  unitIds: 'Chosen units',
  dueDate: 'Report due',
  confirmed: 'Date confirmed',
  dates: 'Half-yearly due days',
  unitKinds: 'Unit kinds that report',
  standing: 'Submission standing',
  reason: 'Reason',
  awardForms: 'Award form',
  occasions: 'Award occasion',
  dossier: 'Dossier',
  solutions: 'Solution',
  phases: 'Phase',
  fromYear: 'From year',
  toYear: 'To year',
  milestones: 'Milestone',
  year: 'Year',
  deadlines: 'Deadline',
  what: 'What is due',
  day: 'Day',
  month: 'Month',
  recurrence: 'Recurrence',
  qualifier: 'Deadline rule',
  responsibilities: 'Responsibility',
  body: 'Body',
  tasks: 'Task',
  recipients: 'Recipients',
  signer: 'Signer',
  capacity: 'Signing capacity',
  resolutions: 'Choices for conflicting deadlines',
  acceptUnreached: 'Publish with deadlines owed by no unit',
  planId: 'Plan',
  dueItemId: 'Due item',
  cadence: 'Reporting cycle',
  period: 'Period',
  value: 'Value',
  numerator: 'Numerator',
  denominator: 'Denominator',
  key: 'Section key',
  sections: 'Section',
  values: 'Figure',
  summary: 'Summary',
  comment: 'Comment',
  titleCode: 'Title',
  commitment: 'Commitment',
  commitments: 'Commitments',
  awardCodes: 'Awards and titles',
  indicators: 'Indicator',
  targets: 'Target',
  people: 'Person',
  submit: 'Submit registration',
  open: 'Registration open',
  pillar: 'Pillar',
  measure: 'Unit of measure',
  direction: 'Direction',
  aggregation: 'Aggregation',
  numeratorLabel: 'Numerator label',
  denominatorLabel: 'Denominator label',
  minValue: 'Minimum value',
  maxValue: 'Maximum value',
  integer: 'Whole numbers only',
  scoreBands: 'Score band',
  min: 'Threshold',
  score: 'Score',
  evidence: 'Evidence',
  verifier: 'Verified by',
  sortOrder: 'Sort order',
  indicatorCode: 'Indicator',
  items: 'Target',
  method: 'Split method',
  weights: 'Weights',
  view: 'Table',
  draft: 'Draft',
  offsets: 'Reminder',
  channels: 'Channel',
  notifyFocalPoints: 'Remind unit focal points',
  notifyAdmins: 'Remind commune administrators',
  enabled: 'Reminders on',
  file: 'File',
  reportId: 'Report',
  rows: 'Rows',
  url: 'Request address',
  query: 'Query parameters',
  content: 'Request body',
  publishedVersion: 'Published version',
  added: 'Due items added',
  removed: 'Due items removed',
  acceptedUnreached: 'Deadlines owed by no unit (published anyway)',
  addresseeUnread: 'Unread addressee lines (given to all)',
  // Digital skills training
  adultAge: 'Age counted as adult',
  adults: 'Adult population',
  basicModules: 'Basic digital skills set',
  certificateNo: 'Certificate number',
  completedOn: 'Completed on',
  confirmNew: 'Confirm new resident',
  count: 'People helped',
  decisionDate: 'Founding decision date',
  decisionNo: 'Founding decision number',
  exceptId: 'Resident being edited',
  groupName: 'Skill group',
  intoId: 'Merge into resident',
  learnerGroup: 'Learner group',
  learnerGroups: 'Learner groups',
  marks: 'Attendance marks',
  moduleCode: 'Module',
  moduleCodes: 'Modules',
  nationalId: 'National ID number',
  opKey: 'Operation key',
  present: 'Present',
  residentId: 'Resident',
  startTime: 'Start time',
  teamId: 'Community digital team',
  trainers: 'Trainers',
  villageId: 'Village',
  villageIds: 'Villages served',
};

/** Labels of enum values that have no label map of their own elsewhere in the contracts. */
export const recurrenceLabelsVi: Record<string, string> = { once: 'Một lần', 'half-yearly': 'Sáu tháng một lần', yearly: 'Hằng năm' };
export const deadlineQualifierLabelsVi: Record<string, string> = { before: 'Trước ngày', by: 'Chậm nhất ngày', in: 'Trong tháng' };
export const awardOccasionLabelsVi: Record<string, string> = { yearly: 'Hằng năm', 'mid-term': 'Sơ kết', final: 'Tổng kết', thematic: 'Chuyên đề' };
export const planSourceLabelsVi: Record<string, string> = { template: 'Theo mẫu', import: 'Nhập từ văn bản', blank: 'Trang trắng' };
export const yesNoLabelsVi: Record<string, string> = { true: 'Có', false: 'Không' };
export const progressExportViewLabelsVi: Record<string, string> = {
  completeness: 'Mức độ đầy đủ',
  cycles: 'Các kỳ báo cáo',
  indicators: 'Chỉ tiêu',
  league: 'Xếp hạng',
  rollup: 'Tổng hợp nhiều năm',
};

/**
 * The label maps an enum error may use: the first map holding every value the enum allows names
 * them (so `kind` of a unit lists "Cơ quan (phòng, ban), Trường học, ..." and never "office"|"school").
 */
const enumLabelMaps: readonly Record<string, string>[] = [
  unitKindLabelsVi,
  communeKindLabelsVi,
  genderLabelsVi,
  roleLabelsVi,
  planStatusLabelsVi,
  planSourceLabelsVi,
  recurrenceLabelsVi,
  deadlineQualifierLabelsVi,
  awardOccasionLabelsVi,
  indicatorPillarLabelsVi,
  indicatorDirectionLabelsVi,
  indicatorAggregationLabelsVi,
  targetSplitMethodLabelsVi,
  notifyChannelLabelsVi,
  outboxStatusLabelsVi,
  registrationStatusLabelsVi,
  reportStatusLabelsVi,
  dueItemStatusLabelsVi,
  reportKindLabelsVi,
  reportCadenceLabelsVi,
  reportActionLabelsVi,
  progressCycleKindLabelsVi,
  progressCadenceLabelsVi,
  progressStatusLabelsVi,
  progressUnitStatusLabelsVi,
  progressExportViewLabelsVi,
  todoKindLabelsVi,
  yesNoLabelsVi,
];

/** The Vietnamese labels of an enum's allowed values (a value without a label is quoted as is). */
export function enumValueLabelsVi(values: readonly unknown[]): string[] {
  const keys = values.map(String);
  const map = enumLabelMaps.find((m) => keys.every((k) => Object.hasOwn(m, k)));
  return keys.map((k) => (map ? map[k]! : `"${k}"`));
}

const INDEX = /^\d+$/u;

/**
 * A field path ("indicators.0.targets.2.value", "commitments", ["people", 1, "personId"], or the
 * bracket form "people[1].personId") in words: "Chỉ tiêu thứ 1 – Mục tiêu thứ 3 – Giá trị".
 * Record keys (ids, conflict keys) and the `doc` wrapper of a plan add nothing and are left out.
 */
export function fieldPathLabel(path: string | readonly (string | number)[], labels: Record<string, string> = fieldLabelsVi, nth = 'thứ'): string {
  const parts = (typeof path === 'string' ? path.replace(/\[(\d+)\]/gu, '.$1').split('.') : path.map(String)).filter((p) => p !== '');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (INDEX.test(p)) continue;
    if (p === 'doc' && i < parts.length - 1) continue;
    const label = labels[p];
    if (!label) continue;
    const next = parts[i + 1];
    // "people.1.personId": the person's own field adds nothing to "Cá nhân thứ 2".
    if (words.length && words[words.length - 1]!.startsWith(`${label} ${nth} `)) continue;
    words.push(next !== undefined && INDEX.test(next) ? `${label} ${nth} ${Number(next) + 1}` : label);
  }
  return words.join(' – ');
}

/**
 * A message naming its field once: "Chỉ tiêu thứ 1 – Mục tiêu: Không được để trống." A message that
 * already begins with the field's own label ("Năm phải là số.") is not prefixed with it again.
 */
export function labelledMessage(path: string | readonly (string | number)[], message: string): string {
  const where = fieldPathLabel(path);
  if (!where) return message;
  const words = where.split(' – ');
  const last = words[words.length - 1]!;
  const bare = last.replace(/ thứ \d+$/u, '');
  const lower = message.toLocaleLowerCase('vi');
  if (lower.startsWith(bare.toLocaleLowerCase('vi')) || lower.startsWith(where.toLocaleLowerCase('vi'))) {
    if (lower.startsWith(where.toLocaleLowerCase('vi'))) return message;
    const context = words.slice(0, -1);
    return context.length ? `${context.join(' – ')} – ${message}` : message;
  }
  return `${where}: ${message}`;
}
