import { formatDateVi } from '../../lib/format';

/** A model's period in words: "01/01/2025 – 31/12/2025" (an open end as "…"), or its year when it has no dates. */
export function modelPeriod(m: { from: string | null; to: string | null; year: number }): string {
  if (!m.from && !m.to) return String(m.year);
  return `${formatDateVi(m.from) || '…'} – ${formatDateVi(m.to) || '…'}`;
}
