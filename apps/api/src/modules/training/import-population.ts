import { eq } from 'drizzle-orm';
import { cleanText, vietnamYear, type PopulationImportResult, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import type { WorkerPool } from '../../platform/worker-pool';
import type { ZipLimits } from '../../platform/zip-check';
import type { ParsedImportRow } from './training-excel';
import { readImportRows, rowRef, RowErrors, unitFinder } from './training-import-rows';
import { villagesOf } from './training.store';
import { villagePopulation } from './training.table';
import { inTraining, refreshCoverage } from './training-context';

const MAX_ADULTS = 1_000_000;

/** A whole count of people written in a cell: the number, or the problem (never rounded, never read past a separator). */
export function parseCount(text: string | null): { value: number } | { problem: string } {
  if (!text) return { problem: 'Chưa ghi số người.' };
  const t = text.trim();
  if (/^-\s*\d/u.test(t)) return { problem: `${t.slice(0, 20)} là số âm; số người không được âm.` };
  if (/^\d+[.,]\d+$/u.test(t))
    return { problem: `"${t.slice(0, 20)}" không phải số nguyên (ghi số người, không có phần thập phân hay dấu phân cách hàng nghìn).` };
  if (!/^\d+$/u.test(t)) return { problem: `"${t.slice(0, 20)}" không phải số người (ghi số nguyên, ví dụ 1250).` };
  const n = Number(t);
  if (n > MAX_ADULTS) return { problem: `${n} vượt quá ${MAX_ADULTS.toLocaleString('vi-VN')} người.` };
  return { value: n };
}

/** The year of a figure: four digits from 2000 to next year. */
export function parseFigureYear(text: string | null, now: Date): { value: number } | { problem: string } {
  const last = vietnamYear(now) + 1;
  if (!text) return { problem: 'Chưa ghi năm.' };
  if (!/^\d{4}$/u.test(text.trim())) return { problem: `"${text.slice(0, 20)}" không phải năm (ghi bốn chữ số, ví dụ ${last - 1}).` };
  const y = Number(text);
  if (y < 2000 || y > last) return { problem: `Năm ${y} ngoài khoảng 2000 đến ${last}.` };
  return { value: y };
}

/**
 * Import the adult population (from the age of 15) of villages by year from .xlsx: every row checked
 * first; a commit writes every figure in one transaction or none. A figure equal to the one recorded
 * is left as it is, so importing the same file twice changes nothing; a different figure replaces
 * the recorded one (it is the figure being corrected) and is counted as updated.
 */
export async function importPopulation(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  file: { filename: string; buffer: Buffer };
  dryRun: boolean;
  workers: WorkerPool;
  zip: ZipLimits;
  now?: Date;
}): Promise<PopulationImportResult> {
  const { actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  // Nothing of another commune is read, not even the file's shape.
  assertVisible(actor, communeId);
  authorize(actor, 'training.manage', { communeId });
  const rows = await readImportRows('population', opts.file.buffer, opts.workers, opts.zip);
  return inTraining({ ...opts, permission: 'training.manage' }, async (tx) => {
    const villageOf = unitFinder(await villagesOf(tx, communeId));
    const recorded = new Map(
      (await tx.select().from(villagePopulation).where(eq(villagePopulation.communeId, communeId))).map((p) => [`${p.villageId}|${p.year}`, p.adults]),
    );
    const errors = new RowErrors('population');
    const seen = new Map<string, ParsedImportRow>();
    const writes: { villageId: string; year: number; adults: number; isNew: boolean }[] = [];
    let unchanged = 0;
    for (const r of rows) {
      if (errors.control(r)) continue;
      const before = errors.count;
      const c = r.cells;
      const villageId = villageOf(c.village);
      if (!villageId) errors.add(r, 'village', c.village ? `"${c.village.slice(0, 60)}" không phải thôn, tổ dân phố của xã.` : 'Chưa ghi thôn, tổ dân phố.');
      const year = parseFigureYear(c.year ?? null, now);
      if ('problem' in year) errors.add(r, 'year', year.problem);
      const adults = parseCount(c.adults ?? null);
      if ('problem' in adults) errors.add(r, 'adults', adults.problem);
      if (errors.count > before) continue;
      const y = (year as { value: number }).value;
      const n = (adults as { value: number }).value;
      const key = `${villageId}|${y}`;
      const earlier = seen.get(key);
      if (earlier) {
        errors.add(r, 'village', `thôn này, năm ${y} đã có ở ${rowRef('population', earlier)} của tệp.`);
        continue;
      }
      seen.set(key, r);
      const old = recorded.get(key);
      if (old === n) unchanged++;
      else writes.push({ villageId: villageId!, year: y, adults: n, isNew: old === undefined });
    }
    const created = writes.filter((w) => w.isNew).length;
    const result: PopulationImportResult = {
      dryRun: opts.dryRun,
      rows: rows.length,
      created,
      updated: writes.length - created,
      unchanged,
      errors: errors.sorted().slice(0, 500),
      errorCount: errors.count,
    };
    if (opts.dryRun) return result;
    if (errors.count) throw errors.refusal();
    for (const w of writes)
      await tx
        .insert(villagePopulation)
        .values({ communeId, villageId: w.villageId, year: w.year, adults: w.adults, updatedAt: now })
        .onConflictDoUpdate({
          target: [villagePopulation.communeId, villagePopulation.villageId, villagePopulation.year],
          set: { adults: w.adults, updatedAt: now },
        });
    await writeAudit(tx, actor, opts.meta, {
      action: 'import',
      entityType: 'village_population',
      communeId,
      summary: `Nhập dân số từ đủ tuổi từ tệp "${cleanText(opts.file.filename).slice(0, 120)}": ${result.created} mới, ${result.updated} sửa, ${unchanged} không đổi`,
      after: { rows: rows.length, created: result.created, updated: result.updated, unchanged, items: writes.map(({ isNew: _, ...w }) => w).slice(0, 500) },
    });
    if (writes.length) await refreshCoverage(tx, communeId, [...new Set(writes.map((w) => `${w.year}-12-31`))], now);
    return result;
  });
}
