import { errorMessagesVi, errorStatus, type ErrorCode, type ErrorDetail } from '@tds/contracts';
import { pgConstraint, pgErrorCode } from './errors';

/** What a violated constraint means to the user: the error code and the field it names. */
export interface ConstraintMeaning {
  code: ErrorCode;
  field?: string;
  message?: string;
}

/** A client key (opKey) another user's create already carries. */
const OP_KEY_TAKEN = 'Mã thao tác này đã được dùng cho một bản ghi khác. Vui lòng đóng biểu mẫu, mở lại rồi lưu.';

/**
 * The one table of constraint name -> error code, status and field. A unique violation names the
 * field; a foreign key is a bad reference (400) when written, and "in use" (409) when the referenced
 * record is deleted; anything not listed falls to the generic rule of its kind.
 */
export const CONSTRAINTS: Record<string, ConstraintMeaning> = {
  app_user_username_uq: { code: 'DUPLICATE_USERNAME', field: 'username' },
  province_code_uq: { code: 'DUPLICATE_CODE', field: 'code' },
  commune_code_uq: { code: 'DUPLICATE_CODE', field: 'code' },
  unit_code_uq: { code: 'DUPLICATE_CODE', field: 'code' },
  report_due_item_uq: { code: 'STALE_VERSION', field: 'dueItemId', message: 'Báo cáo của việc này vừa được tạo; vui lòng tải lại.' },
  registration_uq: { code: 'STALE_VERSION', field: 'version', message: 'Đăng ký thi đua đã được người khác lưu trước đó. Vui lòng tải lại.' },
  due_item_uq: { code: 'STALE_VERSION', message: 'Việc phải nộp vừa được tạo bởi thao tác khác; vui lòng tải lại.' },
  initiative_op_key_uq: { code: 'DUPLICATE_CODE', field: 'opKey', message: OP_KEY_TAKEN },
  exemplary_model_op_key_uq: { code: 'DUPLICATE_CODE', field: 'opKey', message: OP_KEY_TAKEN },
  inspection_op_key_uq: { code: 'DUPLICATE_CODE', field: 'opKey', message: OP_KEY_TAKEN },
};

export interface DbErrorAnswer {
  status: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

/** A driver error as the API answers it, or null when it is no constraint or data error. */
export function dbErrorAnswer(err: unknown): DbErrorAnswer | null {
  const pg = pgErrorCode(err);
  if (!pg) return null;
  const constraint = pgConstraint(err) ?? '';
  const known = CONSTRAINTS[constraint];
  const answer = (code: ErrorCode, message?: string, field?: string): DbErrorAnswer => ({
    status: errorStatus[code],
    code,
    message: message ?? errorMessagesVi[code],
    ...(field ? { details: [{ field, message: message ?? errorMessagesVi[code] }] } : {}),
  });
  if (known && (pg === '23505' || pg === '23503')) return answer(known.code, known.message, known.field);
  if (pg === '23505') return answer('DUPLICATE_CODE', undefined, 'code');
  if (pg === '23001') return answer('IN_USE');
  if (pg === '23503') {
    const text = messages(err);
    // "update or delete on table ... violates foreign key": the record is still referenced.
    if (/update or delete on/iu.test(text)) return answer('IN_USE');
    return answer('VALIDATION_FAILED', 'Dữ liệu tham chiếu tới bản ghi không tồn tại.', referencingField(text));
  }
  if (pg === '23502' || pg === '23514') return answer('VALIDATION_FAILED');
  if (pg === '22P02' || pg === '22007' || pg === '22008' || pg === '22003' || pg === '22001') return answer('VALIDATION_FAILED');
  return null;
}

/**
 * The field a foreign-key violation names, from PostgreSQL's detail "Key (commune_id, report_id)=(...)
 * is not present in table ...": the referencing column other than commune_id, in camelCase.
 */
function referencingField(text: string): string | undefined {
  const cols = /Key \(([^)]+)\)=/u
    .exec(text)?.[1]
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== 'commune_id');
  const col = cols?.[cols.length - 1];
  return col ? col.replace(/_([a-z])/gu, (_m, ch: string) => ch.toUpperCase()) : undefined;
}

/** The messages of an error and its causes (the driver's error sits under the ORM's). */
function messages(err: unknown): string {
  const out: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    out.push(e instanceof Error ? e.message : String(e));
    const detail = e && typeof e === 'object' ? (e as { detail?: unknown }).detail : undefined;
    if (typeof detail === 'string') out.push(detail);
    e = e && typeof e === 'object' ? (e as { cause?: unknown }).cause : undefined;
  }
  return out.join(' | ');
}
