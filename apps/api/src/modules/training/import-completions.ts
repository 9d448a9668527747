import { and, eq, inArray } from 'drizzle-orm';
import { cleanText, parseBirthYear, parseCellDate, requiredText, todayVn, vietnamYear, type CompletionImportResult, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import type { WorkerPool } from '../../platform/worker-pool';
import type { ZipLimits } from '../../platform/zip-check';
import type { ParsedImportRow } from './training-excel';
import { dayVi, idHashOf, matchResident, moduleFinder, readImportRows, residentIndex, rowRef, RowErrors, unitFinder } from './training-import-rows';
import { authorizeRecord, assertMayRecord, reachesVillage } from './training.policy';
import { modulesOf, residentKeys, villagesOf } from './training.store';
import { completionEvidence } from './training.table';
import { inTraining, refreshCoverage } from './training-context';

/** The first day a completion may carry (the programme's start; the coverage counts from 2025). */
export const FIRST_TRAINING_DAY = '2025-01-01';

/** A date cell of a training record: the ISO day, or the problem (never guessed, never moved). */
export function parseRecordDay(text: string | null, opts: { latest: string; latestText: string }): { iso: string } | { problem: string } {
  if (!text) return { problem: 'Chưa ghi ngày.' };
  const iso = parseCellDate(text);
  if (!iso) return { problem: `"${text.slice(0, 30)}" không phải ngày (ghi dd/MM/yyyy, ví dụ 05/03/2026).` };
  if (iso < FIRST_TRAINING_DAY) return { problem: `Ngày ${dayVi(iso)} trước 01/01/2025.` };
  if (iso > opts.latest) return { problem: `Ngày ${dayVi(iso)} sau ${opts.latestText}.` };
  return { iso };
}

/**
 * Import completions from the national learning platform (one certificate number per resident and
 * module) from .xlsx. The resident must already be on the list (by national ID, or name, birth year
 * and village); every row is checked first and a commit writes all rows or none. A completion
 * already recorded with the same number is left as it is (the same file twice changes nothing);
 * with another number it is a row error, never overwritten.
 */
export async function importCompletions(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  file: { filename: string; buffer: Buffer };
  dryRun: boolean;
  workers: WorkerPool;
  zip: ZipLimits;
  idKey: string | undefined;
  now?: Date;
}): Promise<CompletionImportResult> {
  const { actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  const today = todayVn(now);
  authorizeRecord(actor, communeId);
  const rows = await readImportRows('completions', opts.file.buffer, opts.workers, opts.zip);
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    assertMayRecord(reach);
    const villageOf = unitFinder(await villagesOf(tx, communeId));
    const moduleOf = moduleFinder(await modulesOf(tx, communeId));
    const index = await residentIndex(tx, communeId);
    const errors = new RowErrors('completions');
    const planned: { r: ParsedImportRow; residentId: string; fullName: string; moduleCode: string; certificateNo: string; completedOn: string }[] = [];
    const seen = new Map<string, ParsedImportRow>();
    for (const r of rows) {
      if (errors.control(r)) continue;
      const before = errors.count;
      const c = r.cells;
      const name = requiredText(120).safeParse(c.fullName ?? '');
      if (!name.success) errors.add(r, 'fullName', name.error.issues[0]!.message);
      const by = parseBirthYear(c.birthYear ?? '', vietnamYear(now));
      if ('problem' in by) errors.add(r, 'birthYear', by.problem);
      const villageId = villageOf(c.village);
      if (!villageId) errors.add(r, 'village', c.village ? `"${c.village.slice(0, 60)}" không phải thôn, tổ dân phố của xã.` : 'Chưa ghi thôn, tổ dân phố.');
      let idHash: string | null = null;
      if (c.nationalId) {
        const id = idHashOf(c.nationalId, opts.idKey);
        if ('problem' in id) errors.add(r, 'nationalId', id.problem);
        else idHash = id.hash;
      }
      const moduleCode = c.module ? moduleOf(c.module) : undefined;
      if (!moduleCode) errors.add(r, 'module', c.module ? `"${c.module.slice(0, 60)}" không có trong danh mục học phần của xã.` : 'Chưa ghi học phần.');
      const cert = requiredText(60).safeParse(c.certificateNo ?? '');
      if (!cert.success) errors.add(r, 'certificateNo', cert.error.issues[0]!.message);
      const day = parseRecordDay(c.completedOn ?? null, { latest: today, latestText: 'hôm nay' });
      if ('problem' in day) errors.add(r, 'completedOn', day.problem);
      if (errors.count > before) continue;
      const birthYear = (by as { year: number }).year;
      const match = matchResident(index, { idHash, nameKey: residentKeys(name.data!).nameKey, birthYear, villageId: villageId! });
      if ('none' in match) {
        errors.add(
          r,
          'fullName',
          `không tìm thấy ${name.data} (sinh năm ${birthYear}) trong danh sách người dân của thôn. Hãy thêm người này ở trang Người dân rồi nhập lại.`,
        );
        continue;
      }
      if ('ambiguous' in match) {
        errors.add(r, 'nationalId', `có ${match.ambiguous} người cùng họ tên, năm sinh ở thôn này: ghi số định danh để chỉ rõ người.`);
        continue;
      }
      const who = match.found;
      if (!reachesVillage(reach, who.villageId)) {
        errors.add(r, 'village', 'Bạn không phụ trách thôn, tổ dân phố của người này.');
        continue;
      }
      const key = `${who.id}|${moduleCode}`;
      const earlier = seen.get(key);
      if (earlier) {
        errors.add(r, 'module', `người này và học phần này đã có ở ${rowRef('completions', earlier)} của tệp.`);
        continue;
      }
      seen.set(key, r);
      planned.push({
        r,
        residentId: who.id,
        fullName: who.fullName,
        moduleCode: moduleCode!,
        certificateNo: cleanText(cert.data!),
        completedOn: (day as { iso: string }).iso,
      });
    }
    // What is recorded already: the same number is the same completion; another number is a conflict.
    const recorded = new Map<string, { certificateNo: string; completedOn: string }>();
    const ids = [...new Set(planned.map((p) => p.residentId))];
    for (let i = 0; i < ids.length; i += 1000)
      for (const e of await tx
        .select()
        .from(completionEvidence)
        .where(and(eq(completionEvidence.communeId, communeId), inArray(completionEvidence.residentId, ids.slice(i, i + 1000)))))
        recorded.set(`${e.residentId}|${e.moduleCode}`, e);
    let unchanged = 0;
    const values: (typeof completionEvidence.$inferInsert)[] = [];
    for (const p of planned) {
      const old = recorded.get(`${p.residentId}|${p.moduleCode}`);
      if (old && old.certificateNo !== p.certificateNo) {
        errors.add(
          p.r,
          'certificateNo',
          `${p.fullName} đã được ghi nhận hoàn thành học phần này với chứng nhận số ${old.certificateNo} (ngày ${dayVi(old.completedOn)}); hệ thống không ghi đè. Kiểm tra lại số chứng nhận.`,
        );
        continue;
      }
      if (old) {
        unchanged++;
        continue;
      }
      values.push({
        communeId,
        residentId: p.residentId,
        moduleCode: p.moduleCode,
        certificateNo: p.certificateNo,
        completedOn: p.completedOn,
        createdBy: actor.userId,
        createdAt: now,
      });
    }
    const result: CompletionImportResult = {
      dryRun: opts.dryRun,
      rows: rows.length,
      created: values.length,
      unchanged,
      errors: errors.sorted().slice(0, 500),
      errorCount: errors.count,
    };
    if (opts.dryRun) return result;
    if (errors.count) throw errors.refusal();
    for (let i = 0; i < values.length; i += 1000) await tx.insert(completionEvidence).values(values.slice(i, i + 1000));
    await writeAudit(tx, actor, opts.meta, {
      action: 'import',
      entityType: 'completion_evidence',
      communeId,
      summary: `Nhập chứng nhận hoàn thành từ tệp "${cleanText(opts.file.filename).slice(0, 120)}": ${values.length} mới, ${unchanged} đã có`,
      after: { rows: rows.length, created: values.length, unchanged },
    });
    if (values.length) await refreshCoverage(tx, communeId, [...new Set(values.map((v) => v.completedOn))], now);
    return result;
  });
}
