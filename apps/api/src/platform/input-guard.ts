import type { FastifyInstance } from 'fastify';
import { labelledMessage } from '@tds/contracts';
import { AppError } from './errors';

/** Control characters other than tab, line feed and carriage return (NUL included). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
/** Deeper than any request body of ours: refuse before anything walks it further. */
const MAX_DEPTH = 32;

/** The path of the first string (or key) holding a control character, or of an over-deep value. */
export function findBadInput(value: unknown, path: string, depth = 0): { field: string; reason: 'control' | 'depth' } | null {
  if (typeof value === 'string') return CONTROL.test(value) ? { field: path, reason: 'control' } : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return { field: path, reason: 'depth' };
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  for (const [k, v] of entries) {
    const at = path ? `${path}.${k}` : k;
    if (CONTROL.test(k)) return { field: at, reason: 'control' };
    const bad = findBadInput(v, at, depth + 1);
    if (bad) return bad;
  }
  return null;
}

/**
 * Refuse control characters at the edge, in the path, the query string and a JSON body, with a
 * 400 naming the field, before any route or database sees them (PostgreSQL cannot store NUL in
 * text, and no user types the others).
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    let raw = req.url;
    try {
      raw = decodeURIComponent(req.url);
    } catch {
      throw new AppError('VALIDATION_FAILED', 'Địa chỉ yêu cầu có mã hóa không hợp lệ.', [{ field: 'url', message: 'Mã hóa phần trăm không hợp lệ.' }]);
    }
    if (CONTROL.test(raw)) {
      const q = raw.indexOf('?');
      const inQuery = q >= 0 && CONTROL.test(raw.slice(q));
      const name = inQuery
        ? raw
            .slice(q + 1)
            .split('&')
            .find((pair) => CONTROL.test(pair))
            ?.split('=')[0]
        : undefined;
      const field = inQuery ? (name ?? 'query') : 'url';
      throw new AppError('VALIDATION_FAILED', `${inQuery ? `Tham số "${field}"` : 'Địa chỉ yêu cầu'} chứa ký tự điều khiển không hợp lệ.`, [
        { field, message: 'Chứa ký tự điều khiển không hợp lệ.' },
      ]);
    }
  });
  app.addHook('preValidation', async (req) => {
    const bad = findBadInput(req.body, '');
    if (!bad) return;
    const message = bad.reason === 'control' ? 'Chứa ký tự điều khiển không hợp lệ.' : 'Dữ liệu lồng nhau quá sâu.';
    throw new AppError('VALIDATION_FAILED', bad.field ? labelledMessage(bad.field, message) : `Dữ liệu: ${message}`, [{ field: bad.field || 'body', message }]);
  });
}
