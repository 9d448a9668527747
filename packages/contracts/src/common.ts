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

/** An idempotency key: the client's id of one queued operation, so a replay is counted once. */
export const opKey = z
  .string()
  .trim()
  .min(8, { error: 'Mã thao tác từ 8 ký tự.' })
  .max(64, { error: 'Mã thao tác tối đa 64 ký tự.' })
  .regex(/^[A-Za-z0-9_-]+$/u, { error: 'Mã thao tác chỉ gồm chữ, số, "_" và "-".' });
