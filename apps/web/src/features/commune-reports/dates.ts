import { formatDateVi, todayVn } from '@tds/contracts';

/** An instant as the Vietnam calendar day, dd/MM/yyyy ('' for none). */
export function dayVi(instant: string | null | undefined): string {
  return instant ? formatDateVi(todayVn(new Date(instant))) : '';
}
