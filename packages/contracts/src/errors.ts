import { z } from 'zod';

/** Every error code the API can return, with its HTTP status. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNIT_CYCLE: 400,
  UNIT_PARENT_INVALID: 400,
  DATE_RANGE_INVALID: 400,
  PASSWORD_WEAK: 400,
  PASSWORD_REUSED: 400,
  IMPORT_ROWS_INVALID: 400,
  IMPORT_EMPTY: 400,
  NOT_A_PLAN: 400,
  FILE_UNREADABLE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  DUPLICATE_CODE: 409,
  DUPLICATE_USERNAME: 409,
  STALE_VERSION: 409,
  UNIT_HAS_CHILDREN: 409,
  PLAN_CONFLICTS: 409,
  PLAN_UNREACHED: 409,
  PLAN_DATES: 409,
  REPORT_LOCKED: 409,
  INVALID_TRANSITION: 409,
  REGISTRATION_CLOSED: 409,
  PLAN_NOT_PUBLISHED: 409,
  IN_USE: 409,
  RESIDENT_DUPLICATE: 409,
  PHOTO_LIMIT: 409,
  SCORING_CLOSED: 409,
  SCORE_CONFLICT: 409,
  USER_LOCKED: 429,
  PAYLOAD_TOO_LARGE: 413,
  /** A document past what the server reads: a ZIP that inflates too far or holds too many entries, or a read that passed the time or memory limit. */
  FILE_TOO_COMPLEX: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  NOT_READY: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

/** Default Vietnamese message per code; the server may send a more specific one. */
export const errorMessagesVi: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu không hợp lệ.',
  INVALID_JSON: 'Nội dung gửi lên không phải JSON hợp lệ.',
  UNIT_CYCLE: 'Không thể đặt đơn vị cấp trên là chính nó hoặc một đơn vị cấp dưới của nó.',
  UNIT_PARENT_INVALID: 'Đơn vị cấp trên không hợp lệ.',
  DATE_RANGE_INVALID: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
  PASSWORD_WEAK: 'Mật khẩu phải có ít nhất 10 ký tự, gồm chữ và số.',
  PASSWORD_REUSED: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  IMPORT_ROWS_INVALID: 'Tệp có dòng lỗi; chưa có dữ liệu nào được ghi.',
  IMPORT_EMPTY: 'Tệp không có dòng dữ liệu nào.',
  NOT_A_PLAN: 'Không tìm thấy nội dung kế hoạch trong văn bản.',
  FILE_UNREADABLE: 'Không đọc được tệp.',
  UNAUTHENTICATED: 'Bạn cần đăng nhập.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  SESSION_EXPIRED: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  PASSWORD_CHANGE_REQUIRED: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  CSRF_INVALID: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.',
  NOT_FOUND: 'Không tìm thấy dữ liệu.',
  DUPLICATE_CODE: 'Mã đã tồn tại.',
  DUPLICATE_USERNAME: 'Tên đăng nhập đã tồn tại.',
  STALE_VERSION: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trước khi lưu.',
  UNIT_HAS_CHILDREN: 'Đơn vị còn đơn vị trực thuộc đang hoạt động.',
  PLAN_CONFLICTS: 'Kế hoạch còn điểm mâu thuẫn cần chọn trước khi ban hành.',
  PLAN_DATES: 'Kế hoạch còn thời hạn chưa có ngày, hoặc ngày sơ kết, tổng kết chưa được xác nhận. Sửa kế hoạch (phần Thời gian thực hiện) rồi ban hành.',
  PLAN_UNREACHED: 'Có thời hạn của kế hoạch chưa giao cho đơn vị nào. Chọn đơn vị tham gia, hoặc xác nhận ban hành như vậy.',
  REPORT_LOCKED: 'Báo cáo đã được tiếp nhận và khóa; cần mở lại trước khi sửa.',
  INVALID_TRANSITION: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
  REGISTRATION_CLOSED: 'Đăng ký thi đua của kế hoạch này đang đóng.',
  PLAN_NOT_PUBLISHED: 'Kế hoạch chưa được ban hành.',
  IN_USE: 'Bản ghi đang được dùng ở nơi khác nên không xóa được.',
  RESIDENT_DUPLICATE: 'Có thể người dân này đã có trong danh sách. Chọn người đã có, gộp, hoặc xác nhận thêm mới.',
  PHOTO_LIMIT: 'Đã đủ số ảnh cho phép: hãy xóa bớt ảnh cũ trước khi thêm ảnh mới.',
  SCORING_CLOSED: 'Đợt chấm điểm đã đóng: không thể chấm hoặc sửa điểm nữa.',
  SCORE_CONFLICT: 'Thành viên Hội đồng không chấm điểm đơn vị mình có xung đột lợi ích (đơn vị của mình hoặc đã khai báo).',
  USER_LOCKED: 'Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.',
  FILE_TOO_COMPLEX: 'Tệp quá phức tạp để đọc (quá lớn khi giải nén hoặc đọc quá lâu). Vui lòng lưu lại thành tệp đơn giản hơn hoặc dán nội dung dạng văn bản.',
  UNSUPPORTED_FILE_TYPE: 'Định dạng tệp không được hỗ trợ.',
  TOO_MANY_REQUESTS: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.',
  INTERNAL: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
  NOT_READY: 'Hệ thống đang khởi động.',
};

export const errorDetailSchema = z.object({
  /** The field's path as sent ("indicators.0.targets.1.value"), for a form to put the message on. */
  field: z.string().optional(),
  /** The field in words ("Chỉ tiêu thứ 1 – Mục tiêu thứ 2 – Giá trị"), for a message shown away from the field. */
  label: z.string().optional(),
  row: z.number().int().optional(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** The one error body every route returns. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
