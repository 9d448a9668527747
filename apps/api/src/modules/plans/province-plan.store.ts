import { eq } from 'drizzle-orm';
import { cleanText } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { mayWrite } from './province-plan.policy';
import { provincePlan } from './plans.table';

export type ProvincePlanFields = { title: string; number?: string | null | undefined; date?: string | null | undefined; issuer?: string | null | undefined };
/** The stored columns of a province plan's input, cleaned. */
export const fields = (input: ProvincePlanFields) => ({
  title: cleanText(input.title),
  number: input.number ?? null,
  date: input.date ?? null,
  issuer: input.issuer ? cleanText(input.issuer) : null,
});

/** A province plan the actor may write, or NOT_FOUND / FORBIDDEN. */
export async function loadProvincePlan(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(provincePlan).where(eq(provincePlan.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch cấp tỉnh.');
  mayWrite(actor, row.provinceId);
  return row;
}
