import { errorMessagesVi, errorStatus, type ErrorCode, type ErrorDetail } from '@tds/contracts';

/** A typed, coded error; the one error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  /** For 429: seconds until a retry may succeed (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[], extra: { retryAfterSeconds?: number } = {}) {
    super(message ?? errorMessagesVi[code]);
    this.code = code;
    this.status = errorStatus[code];
    this.details = details;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

/** PostgreSQL error code of a driver error, if any (unique_violation = 23505, ...). */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/u.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Constraint name of a driver error, if any. */
export function pgConstraint(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
