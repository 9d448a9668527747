import { z } from 'zod';

export const uuid = z.uuid({ error: 'Mã định danh không hợp lệ.' });
export const isoDate = z.iso.date({ error: 'Ngày không hợp lệ (yyyy-MM-dd).' });
export const isoDateTime = z.string();

/** Free text with a maximum length, stored NFC and trimmed. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Tối đa ${max} ký tự.` });
export const requiredText = (max: number) => text(max).min(1, { error: 'Không được để trống.' });

const yearMessages = { int: { error: 'Năm phải là số nguyên.' }, range: { error: 'Năm không hợp lệ (2000-2100).' } };
/** A year in a request body (2000-2100). */
export const year = z.number({ error: 'Năm phải là số.' }).int(yearMessages.int).min(2000, yearMessages.range).max(2100, yearMessages.range);
/** A year in a query string (text read as a number). */
export const queryYear = z.coerce.number({ error: 'Năm phải là số.' }).int(yearMessages.int).min(2000, yearMessages.range).max(2100, yearMessages.range);

export const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const idParams = z.strictObject({ id: uuid });
export const okResponse = z.object({ ok: z.literal(true) });

/** Vietnamese labels for field names, used to name the field in error messages. */
export const fieldLabelsVi: Record<string, string> = {
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
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  limit: 'Số mục',
  comment: 'Ý kiến',
  sections: 'Các mục của báo cáo',
  period: 'Kỳ báo cáo',
  year: 'Năm',
  planId: 'Kế hoạch',
  text: 'Nội dung',
};
