import { z } from 'zod';
import type { PlanParseResult } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { extractText, type ExtractError } from './parser/read-file';
import { normalisePlanText, parsePlanText } from './parser';

export const importTextInput = z.strictObject({ text: z.string().min(1, { error: 'Không được để trống.' }).max(500_000, { error: 'Văn bản quá dài (tối đa 500.000 ký tự).' }) });

const STATUS: Record<ExtractError['error'], 'UNSUPPORTED_FILE_TYPE' | 'PAYLOAD_TOO_LARGE' | 'FILE_UNREADABLE' | 'IMPORT_EMPTY'> = {
  EMPTY: 'IMPORT_EMPTY',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED: 'UNSUPPORTED_FILE_TYPE',
  MISMATCH: 'UNSUPPORTED_FILE_TYPE',
  NO_TEXT_LAYER: 'UNSUPPORTED_FILE_TYPE',
  UNREADABLE: 'FILE_UNREADABLE',
};

/**
 * Read a plan the commune already has (a file or pasted text) and propose its structure, each field
 * with the span of source text it came from. Nothing is saved: the officer reviews and then creates.
 */
export async function importPlan(opts: { actor: Actor; communeId: string; file?: { filename: string; mimetype: string; buffer: Buffer }; text?: string; maxBytes: number }): Promise<PlanParseResult & { text: string; fileName: string }> {
  // Importing proposes a commune plan: only commune-level plan writers (a unit's focal point writes its unit's plans only).
  authorize(opts.actor, 'plan.write', { communeId: opts.communeId });
  let raw: string;
  if (opts.file) {
    const got = await extractText(opts.file.buffer, opts.file.filename, opts.file.mimetype, opts.maxBytes);
    if ('error' in got) throw new AppError(STATUS[got.error], got.message, [{ field: 'file', message: got.message }]);
    raw = got.text;
  } else {
    raw = opts.text ?? '';
  }
  const text = normalisePlanText(raw);
  // Parsing is pure CPU work on at most a few hundred kB: no transaction is held open meanwhile.
  const result = parsePlanText(text);
  if (!result.plan && !result.decision) {
    const w = result.warnings.find((x) => x.code === 'NOT_A_PLAN');
    throw new AppError('NOT_A_PLAN', w?.message, [{ field: opts.file ? 'file' : 'text', message: w?.message ?? 'Không tìm thấy nội dung kế hoạch.' }]);
  }
  return { ...result, text, fileName: opts.file?.filename ?? 'văn bản dán vào' };
}
