import { describe, expect, it } from 'vitest';
import { ApiError, buildQuery, detailsByField, filenameFromDisposition, parseApiError, readCookie } from './api';

describe('parseApiError', () => {
  it('reads code, message and details from the error body', () => {
    const err = parseApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu không hợp lệ.',
        details: [{ field: 'code', message: 'Mã đã tồn tại.' }, { row: 3, message: 'Thiếu tên.' }, { nonsense: true }],
      },
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Dữ liệu không hợp lệ.');
    expect(err.details).toEqual([
      { field: 'code', message: 'Mã đã tồn tại.' },
      { row: 3, message: 'Thiếu tên.' },
    ]);
  });

  it('falls back to a Vietnamese message when the body is not an error body', () => {
    expect(parseApiError(502, '<html>Bad gateway</html>')).toMatchObject({ status: 502, code: 'INTERNAL' });
    expect(parseApiError(401, null)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.' });
    expect(parseApiError(0, null).code).toBe('NETWORK');
    expect(parseApiError(418, {}).code).toBe('HTTP_418');
  });

  it('fills a missing message from the status', () => {
    const err = parseApiError(404, { error: { code: 'NOT_FOUND' } });
    expect(err.message).toBe('Không tìm thấy dữ liệu.');
  });
});

describe('helpers', () => {
  it('groups details by top-level field', () => {
    expect(
      detailsByField([
        { field: 'roles.0.unitId', message: 'a' },
        { field: 'roles', message: 'b' },
        { row: 1, message: 'c' },
      ]),
    ).toEqual({ roles: ['a', 'b'] });
  });

  it('builds query strings without empty values', () => {
    expect(buildQuery({ page: 1, q: 'Gia Phúc', kind: undefined, parentId: null, x: '' })).toBe('?page=1&q=Gia+Ph%C3%BAc');
    expect(buildQuery({})).toBe('');
  });

  it('reads a cookie', () => {
    expect(readCookie('tds_csrf', 'a=1; tds_csrf=abc%3D; b=2')).toBe('abc=');
    expect(readCookie('missing', 'a=1')).toBeNull();
  });

  it('takes the file name from Content-Disposition', () => {
    expect(filenameFromDisposition('attachment; filename="don-vi.xlsx"; filename*=UTF-8\'\'%C4%91%C6%A1n-v%E1%BB%8B.xlsx', 'x')).toBe('đơn-vị.xlsx');
    expect(filenameFromDisposition('attachment; filename="a.xlsx"', 'x')).toBe('a.xlsx');
    expect(filenameFromDisposition(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
