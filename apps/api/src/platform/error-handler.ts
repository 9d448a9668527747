import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorMessagesVi, errorStatus, fieldPathLabel, labelledMessage, type ErrorCode, type ErrorDetail } from '@tds/contracts';
import { dbErrorAnswer } from './db-errors';
import { AppError } from './errors';
import { safeError } from './safe-error';

/**
 * A detail as it leaves: its field as a dotted path ("indicators.0.targets", never
 * "indicators[0].targets"), and the field in words for a message shown away from the form.
 */
export function withLabel(d: ErrorDetail): ErrorDetail {
  if (!d.field) return d;
  const field = d.field.replace(/\[(\d+)\]/gu, '.$1');
  const label = d.label ?? fieldPathLabel(field);
  return { ...d, field, ...(label ? { label } : {}) };
}

/** A body that is not JSON, or not JSON the server accepts: named as the request's content, like any other 400. */
const invalidJson = () => body('INVALID_JSON', undefined, [{ field: 'content', message: 'Nội dung gửi lên không phải JSON hợp lệ.' }]);

function body(code: ErrorCode, message?: string, details?: ErrorDetail[]) {
  return { error: { code, message: message ?? errorMessagesVi[code], ...(details?.length ? { details: details.map(withLabel) } : {}) } };
}

/** One error handler: AppError, schema errors and driver errors become `{ error: { code, message, details } }`. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.retryAfterSeconds) reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: ErrorDetail[] = err.validation.map((v) => {
        const raw = v.instancePath.replace(/^\//u, '').replace(/\//gu, '.');
        const params = v.params as { keys?: string[] };
        if (v.keyword === 'unrecognized_keys') {
          const keys = params.keys ?? [];
          const where = fieldPathLabel(raw);
          return { field: keys.join(', ') || raw, message: `${where ? `${where}: ` : ''}Trường không được chấp nhận: ${keys.join(', ')}.` };
        }
        const label = fieldPathLabel(raw);
        return { field: raw || v.keyword, ...(label ? { label } : {}), message: v.message ?? 'Không hợp lệ.' };
      });
      const where = err.validationContext === 'querystring' ? 'tham số truy vấn' : err.validationContext === 'params' ? 'đường dẫn' : 'dữ liệu';
      const first = details[0];
      const message = first ? (first.label ? labelledMessage(first.field ?? '', first.message) : first.message) : `Lỗi ${where}.`;
      return reply.status(400).send(body('VALIDATION_FAILED', message, details));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err: safeError(err) }, 'response does not match its schema');
      return reply.status(500).send(body('INTERNAL'));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(invalidJson());
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
        return reply.status(413).send(body('PAYLOAD_TOO_LARGE'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply.status(415).send(body('UNSUPPORTED_FILE_TYPE', 'Kiểu nội dung gửi lên không được hỗ trợ.'));
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return reply.status(400).send(body('VALIDATION_FAILED', 'Độ dài nội dung không hợp lệ.'));
      default:
        break;
    }
    // Also a body the JSON parser refuses on purpose (a "__proto__" or "constructor" key).
    if (err instanceof SyntaxError) return reply.status(400).send(invalidJson());
    const db = dbErrorAnswer(err);
    if (db) return reply.status(db.status).send(body(db.code, db.message, db.details));
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      const code = (Object.entries(errorStatus).find(([, s]) => s === err.statusCode)?.[0] ?? 'VALIDATION_FAILED') as ErrorCode;
      return reply.status(err.statusCode).send(body(code));
    }
    req.log.error({ err: safeError(err) }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL'));
  });
}
