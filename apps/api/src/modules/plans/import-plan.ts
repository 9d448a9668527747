import { z } from 'zod';
import type { PlanParseResult } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { refuseZipBomb, workerFailure, type Upload } from '../../platform/uploads';
import { workerTask, type WorkerPool } from '../../platform/worker-pool';
import type { ZipLimits } from '../../platform/zip-check';
import type { ExtractError } from './parser/read-file';
import { MAX_PLAN_TEXT_CHARS } from './parser/read-file';
import type * as task from './read-plan-task';

export const importTextInput = z.strictObject({
  text: z.string().min(1, { error: 'Không được để trống.' }).max(MAX_PLAN_TEXT_CHARS, { error: 'Văn bản quá dài (tối đa 500.000 ký tự).' }),
});

const STATUS: Record<ExtractError['error'], 'UNSUPPORTED_FILE_TYPE' | 'PAYLOAD_TOO_LARGE' | 'FILE_TOO_COMPLEX' | 'FILE_UNREADABLE' | 'IMPORT_EMPTY'> = {
  EMPTY: 'IMPORT_EMPTY',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_LONG: 'PAYLOAD_TOO_LARGE',
  TOO_COMPLEX: 'FILE_TOO_COMPLEX',
  UNSUPPORTED: 'UNSUPPORTED_FILE_TYPE',
  MISMATCH: 'UNSUPPORTED_FILE_TYPE',
  NO_TEXT_LAYER: 'UNSUPPORTED_FILE_TYPE',
  UNREADABLE: 'FILE_UNREADABLE',
};

const readPlan = workerTask<typeof task.readPlan>(new URL('./read-plan-task.ts', import.meta.url), 'readPlan');
/** What a parse worker loads when it starts, so that the first .docx or .pdf does not wait for it. */
export const loadPlanReaders = workerTask<typeof task.loadReaders>(new URL('./read-plan-task.ts', import.meta.url), 'loadReaders');

/**
 * Read a plan the commune already has (a file or pasted text) and propose its structure, each field
 * with the span of source text it came from. Nothing is saved: the officer reviews and then creates.
 * The reading and parsing run in a parse worker, under its time and memory limits.
 */
export async function importPlan(opts: {
  actor: Actor;
  communeId: string;
  workers: WorkerPool;
  zip: ZipLimits;
  file?: Upload;
  text?: string;
  maxBytes: number;
}): Promise<PlanParseResult & { text: string; fileName: string }> {
  // A proposal for a commune plan: only who may write the commune's plans (not a unit's focal point) may ask for one.
  authorize(opts.actor, 'plan.write', { communeId: opts.communeId });
  const field = opts.file ? 'file' : 'text';
  if (opts.file) refuseZipBomb(opts.file.buffer, opts.zip);
  const input: task.ReadPlanInput = {
    // A copy of exactly the file's bytes, handed over to the worker rather than copied again.
    file: opts.file ? { bytes: new Uint8Array(opts.file.buffer), filename: opts.file.filename, mimetype: opts.file.mimetype } : undefined,
    text: opts.text,
    maxBytes: opts.maxBytes,
    zip: opts.zip,
  };
  const out = await opts.workers.run(readPlan, input, input.file ? [input.file.bytes.buffer as ArrayBuffer] : []).catch((err: unknown) => {
    throw workerFailure(err);
  });
  if (!out.ok) throw new AppError(STATUS[out.error.error], out.error.message, [{ field: 'file', message: out.error.message }]);
  const { result, text } = out;
  if (!result.plan && !result.decision) {
    const w = result.warnings.find((x) => x.code === 'NOT_A_PLAN');
    throw new AppError('NOT_A_PLAN', w?.message, [{ field, message: w?.message ?? 'Không tìm thấy nội dung kế hoạch.' }]);
  }
  return { ...result, text, fileName: opts.file?.filename ?? 'văn bản dán vào' };
}
