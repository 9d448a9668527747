import type { z } from 'zod';
import { enumValueLabelsVi } from './field-labels.js';

type Issue = z.core.$ZodRawIssue;

const sized: Record<string, string> = { string: 'ký tự', array: 'mục', set: 'mục', file: 'byte' };
const typeWords: Record<string, string> = {
  number: 'Phải là số.',
  int: 'Phải là số nguyên.',
  bigint: 'Phải là số nguyên.',
  string: 'Phải là chữ.',
  boolean: 'Phải chọn có hoặc không.',
  array: 'Phải là một danh sách.',
  object: 'Dữ liệu không đúng dạng.',
  date: 'Ngày không hợp lệ.',
};
const formats: Record<string, string> = {
  email: 'Thư điện tử không hợp lệ.',
  uuid: 'Mã định danh không hợp lệ.',
  guid: 'Mã định danh không hợp lệ.',
  date: 'Ngày không hợp lệ (yyyy-MM-dd).',
  datetime: 'Thời điểm không hợp lệ.',
  time: 'Giờ không hợp lệ.',
  url: 'Địa chỉ trang web không hợp lệ.',
};

/**
 * The Vietnamese message of a Zod issue, without the field's name (the error handler and the forms
 * put the field's label in front once): no type names ("string"), no operators (">=1"), and an
 * enum's allowed values by their labels.
 */
export function zodIssueMessageVi(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return 'Không được để trống.';
      return typeWords[issue.expected] ?? 'Không đúng kiểu dữ liệu.';
    }
    case 'invalid_value': {
      const labels = enumValueLabelsVi(issue.values);
      return labels.length === 1 ? `Phải là ${labels[0]}.` : `Chọn một trong: ${labels.join(', ')}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const unit = sized[issue.origin];
      if (unit) return issue.origin === 'string' && min <= 1 ? 'Không được để trống.' : `Cần ít nhất ${min} ${unit}.`;
      return issue.inclusive ? `Phải từ ${min} trở lên.` : `Phải lớn hơn ${min}.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      const unit = sized[issue.origin];
      if (unit) return `Tối đa ${max} ${unit}.`;
      return issue.inclusive ? `Không được vượt quá ${max}.` : `Phải nhỏ hơn ${max}.`;
    }
    case 'invalid_format':
      return formats[issue.format] ?? 'Không đúng định dạng.';
    case 'not_multiple_of':
      return `Phải là bội số của ${String(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `Trường không được chấp nhận: ${issue.keys.join(', ')}.`;
    case 'invalid_key':
      return 'Khóa không hợp lệ.';
    case 'invalid_element':
      return 'Có phần tử không hợp lệ.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}
