/**
 * Fetch wrapper for the Thi Đua Số API: JSON in and out, same-origin cookies, the CSRF header on
 * every non-GET request, and one error type (ApiError) built from the API's error body.
 */

export interface ApiErrorDetail {
  field?: string;
  /** The field in words ("Chỉ tiêu thứ 1 – Mục tiêu"), for a message shown away from the field. */
  label?: string;
  row?: number;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const FALLBACK_MESSAGES: Record<number, { code: string; message: string }> = {
  0: { code: 'NETWORK', message: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.' },
  401: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.' },
  403: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' },
  404: { code: 'NOT_FOUND', message: 'Không tìm thấy dữ liệu.' },
  409: { code: 'CONFLICT', message: 'Dữ liệu bị xung đột.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.' },
};

function fallbackFor(status: number): { code: string; message: string } {
  return (
    FALLBACK_MESSAGES[status] ??
    (status >= 500
      ? { code: 'INTERNAL', message: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.' }
      : { code: 'HTTP_' + String(status), message: `Yêu cầu không thành công (mã ${status}).` })
  );
}

/**
 * Turn an HTTP status and a parsed (or unparsable) body into an ApiError. Pure: unit-tested.
 * Accepts `{ error: { code, message, details } }`; anything else falls back to a generic message.
 */
export function parseApiError(status: number, body: unknown): ApiError {
  const fb = fallbackFor(status);
  if (body && typeof body === 'object' && 'error' in body) {
    const err = (body as { error: unknown }).error;
    if (err && typeof err === 'object') {
      const e = err as Record<string, unknown>;
      const code = typeof e.code === 'string' && e.code ? e.code : fb.code;
      const message = typeof e.message === 'string' && e.message ? e.message : fb.message;
      const details: ApiErrorDetail[] = [];
      if (Array.isArray(e.details)) {
        for (const d of e.details) {
          if (!d || typeof d !== 'object') continue;
          const r = d as Record<string, unknown>;
          if (typeof r.message !== 'string') continue;
          const detail: ApiErrorDetail = { message: r.message };
          if (typeof r.field === 'string' && r.field) detail.field = r.field;
          if (typeof r.label === 'string' && r.label) detail.label = r.label;
          if (typeof r.row === 'number' && Number.isFinite(r.row)) detail.row = r.row;
          details.push(detail);
        }
      }
      return new ApiError(status, code, message, details);
    }
  }
  return new ApiError(status, fb.code, fb.message);
}

/** Group field-level details by field name (first segment of a dotted path). */
export function detailsByField(details: readonly ApiErrorDetail[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of details) {
    if (!d.field) continue;
    const key = d.field.split('.')[0] ?? d.field;
    (out[key] ??= []).push(d.message);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSRF token and global handlers

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function readCookie(name: string, cookieString: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookieString.split(';')) {
    const idx = part.indexOf('=');
    if (idx < 0) continue;
    if (part.slice(0, idx).trim() === name) {
      try {
        return decodeURIComponent(part.slice(idx + 1).trim());
      } catch {
        return part.slice(idx + 1).trim();
      }
    }
  }
  return null;
}

function currentCsrf(): string | null {
  return readCookie('tds_csrf') ?? csrfToken;
}

type Handler = (err: ApiError) => void;
const handlers: { unauthorized?: Handler; passwordChange?: Handler } = {};

/** Register what happens on 401 (go to login) and on PASSWORD_CHANGE_REQUIRED. */
export function setApiHandlers(h: { unauthorized?: Handler; passwordChange?: Handler }): void {
  handlers.unauthorized = h.unauthorized;
  handlers.passwordChange = h.passwordChange;
}

// ---------------------------------------------------------------------------------------------

export type QueryValue = string | number | boolean | null | undefined;

export function buildQuery(params?: Record<string, QueryValue>): string {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not trigger the global 401 / password-change handlers (login, me). */
  silent?: boolean;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') {
    const token = currentCsrf();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path + buildQuery(opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw parseApiError(0, null);
  }
  if (!res.ok) {
    let parsed: unknown = null;
    try {
      parsed = await res.json();
    } catch {
      parsed = null;
    }
    const err = parseApiError(res.status, parsed);
    if (!opts.silent) {
      if (res.status === 401) handlers.unauthorized?.(err);
      else if (err.code === 'PASSWORD_CHANGE_REQUIRED') handlers.passwordChange?.(err);
    }
    throw err;
  }
  return res;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  return JSON.parse(text) as T;
}

export const apiGet = <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => api<T>(path, { query, signal });
export const apiPost = <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) => api<T>(path, { method: 'POST', body: body ?? {}, query });
export const apiPatch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });

/** Filename from a Content-Disposition header (RFC 5987 filename* first). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/iu.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/gu, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/iu.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** Download a file (Excel export, template) with the session cookie; errors become ApiError. */
export async function downloadFile(path: string, fallbackName: string, query?: Record<string, QueryValue>): Promise<void> {
  const res = await send(path + buildQuery(query), {});
  const blob = await res.blob();
  const name = filenameFromDisposition(res.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Multipart upload of one file in field `file`. */
export function uploadFile<T>(path: string, file: Blob, query?: Record<string, QueryValue>): Promise<T> {
  const fd = new FormData();
  fd.append('file', file);
  return api<T>(path, { method: 'POST', body: fd, query });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Multipart upload of one file in field `file`, telling how much has been sent (0 to 1) as it goes,
 * for a progress bar on large files; answers and errors as `api()`.
 */
export function uploadWithProgress<T>(path: string, file: Blob, onProgress?: (share: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = currentCsrf();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(parseApiError(0, null));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
      const err = parseApiError(xhr.status, parsed);
      if (xhr.status === 401) handlers.unauthorized?.(err);
      reject(err);
    };
    const fd = new FormData();
    fd.append('file', file);
    xhr.send(fd);
  });
}
