import { and, eq, isNull } from 'drizzle-orm';
import {
  cleanText,
  genderLabelsVi,
  genders,
  learnerGroupLabelsVi,
  learnerGroups,
  nationalIdInput,
  parseBirthYear,
  requiredText,
  residentPhone,
  searchKey,
  vietnamYear,
  type ResidentImportResult,
  clockNow,
} from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { readSheetUpload } from '../../platform/uploads';
import { workerTask, type WorkerPool } from '../../platform/worker-pool';
import type { ZipLimits } from '../../platform/zip-check';
import type * as task from './read-residents-task';
import { residentColumns, type ParsedResidentRow, type ResidentColumnKey } from './residents-excel';
import { authorizeRecord, assertMayRecord, reachesVillage } from './training.policy';
import { insertResidentsBulk, nationalIdHash, residentKeys, villagesOf } from './training.store';
import { resident } from './training.table';
import { idKeyOrRefuse } from './create-resident';
import { inTraining, refreshCoverage } from './training-context';

const readWorkbook = workerTask<typeof task.readResidentsWorkbook>(new URL('./read-residents-task.ts', import.meta.url), 'readResidentsWorkbook');

/** Most data rows one import may carry. */
export const MAX_RESIDENT_ROWS = 100_000;
/** Checked rows written in one statement, and rows checked between two looks at the database's answers. */
const WRITE_ROWS = 10_000;
const CHECK_SLICE = 1_000;

type RowError = ResidentImportResult['errors'][number];
const headerOf = (key: ResidentColumnKey) => residentColumns.find((c) => c.key === key)!.header;
const rowError = (row: number, key: ResidentColumnKey, message: string): RowError => ({ row, field: headerOf(key), message: `${headerOf(key)}: ${message}` });

const genderByText = new Map<string, (typeof genders)[number]>([
  ...genders.map((g) => [g, g] as const),
  ...Object.entries(genderLabelsVi).map(([g, label]) => [searchKey(label), g as (typeof genders)[number]] as const),
]);
const groupByText = new Map<string, (typeof learnerGroups)[number]>([
  ...learnerGroups.map((g) => [g, g] as const),
  ...Object.entries(learnerGroupLabelsVi).map(([g, label]) => [searchKey(label), g as (typeof learnerGroups)[number]] as const),
]);

/** A name cell (one schema for every row: building a schema per row costs more than checking it). */
const fullNameCell = requiredText(120);

/** The search key of a short cell that repeats down the file (gender, village, group): computed once per distinct text. */
function keyMemo() {
  const memo = new Map<string, string>();
  return (value: string) => {
    let k = memo.get(value);
    if (k === undefined) {
      k = searchKey(value);
      if (memo.size < 10_000) memo.set(value, k);
    }
    return k;
  };
}

/** The data rows of an upload, read in a parse worker, or the 4xx that says why there are none. */
function readRows(buffer: Buffer, workers: WorkerPool, zip: ZipLimits): Promise<ParsedResidentRow[]> {
  return readSheetUpload(buffer, zip, MAX_RESIDENT_ROWS, (bytes) =>
    workers.run(readWorkbook, { bytes, maxRows: MAX_RESIDENT_ROWS, zip }, [bytes.buffer as ArrayBuffer]),
  );
}

/**
 * Import residents from an .xlsx file. Every row is checked first (row, column, what is wrong); a
 * dry run only reports; a commit writes every new row in one transaction or none. A row naming a
 * resident already there (the same national ID, or the same name, birth year and village) is left
 * as it is, so importing the same file twice changes nothing. Rows repeating an earlier row of the
 * file are errors.
 */
export async function importResidents(opts: {
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
  /** Parsed rows given directly (the bench measures the write apart from the parse). */
  rows?: ParsedResidentRow[];
}): Promise<ResidentImportResult> {
  const { actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  const thisYear = vietnamYear(now);
  // Nothing of another commune is read, not even the file's shape.
  authorizeRecord(actor, communeId);
  const rows = opts.rows ?? (await readRows(opts.file.buffer, opts.workers, opts.zip));
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    assertMayRecord(reach);
    const villages = await villagesOf(tx, communeId);
    const villageByText = new Map<string, string>();
    for (const v of villages) {
      villageByText.set(searchKey(v.name), v.id);
      villageByText.set(v.code.toLowerCase(), v.id);
    }
    // What the commune already holds: by national ID hash and by name + birth year + village.
    const existing = await tx
      .select({ idHash: resident.idHash, nameKey: resident.nameKey, birthYear: resident.birthYear, villageId: resident.villageId })
      .from(resident)
      .where(and(eq(resident.communeId, communeId), isNull(resident.mergedIntoId)));
    const knownIds = new Set(existing.flatMap((e) => (e.idHash ? [e.idHash] : [])));
    const knownPeople = new Set(existing.map((e) => `${e.nameKey}|${e.birthYear}|${e.villageId}`));
    const inFileIds = new Map<string, number>();
    const inFilePeople = new Map<string, number>();
    const errors: RowError[] = [];
    const values: (typeof resident.$inferInsert)[] = [];
    let unchanged = 0;
    const key = opts.idKey;
    const cellKey = keyMemo();
    // The checked rows are written while the next ones are checked: a part of WRITE_ROWS goes to the
    // database as soon as it is ready (the server inserts while this thread checks), every
    // CHECK_SLICE rows the thread lets the answers in. All in this transaction: a row found wrong
    // later stops the writing and the error rolls back what was written.
    let written = 0;
    let writing: Promise<void> = Promise.resolve();
    const writeReady = (all: boolean) => {
      if (opts.dryRun || errors.length > 0 || values.length - written < (all ? 1 : WRITE_ROWS)) return;
      const part = values.slice(written);
      written = values.length;
      writing = writing.then(() => insertResidentsBulk(tx, part));
      // Handled here so that a failed write waits for the await below instead of being "unhandled".
      writing.catch(() => undefined);
    };
    let index = 0;
    for (const { row, cells } of rows) {
      if (++index % CHECK_SLICE === 0) {
        writeReady(false);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const before = errors.length;
      const name = fullNameCell.safeParse(cells.fullName ?? '');
      if (!name.success) errors.push(rowError(row, 'fullName', name.error.issues[0]!.message));
      const by = parseBirthYear(cells.birthYear ?? '', thisYear);
      if ('problem' in by) errors.push(rowError(row, 'birthYear', by.problem));
      const gender = genderByText.get(cellKey(cells.gender ?? ''));
      if (!gender) errors.push(rowError(row, 'gender', cells.gender ? `"${cells.gender.slice(0, 30)}" không phải Nam, Nữ hoặc Khác.` : 'Chưa ghi giới tính.'));
      const villageId = cells.village ? (villageByText.get(cellKey(cells.village)) ?? villageByText.get(cells.village.toLowerCase())) : undefined;
      if (!villageId)
        errors.push(
          rowError(row, 'village', cells.village ? `"${cells.village.slice(0, 60)}" không phải thôn, tổ dân phố của xã.` : 'Chưa ghi thôn, tổ dân phố.'),
        );
      else if (!reachesVillage(reach, villageId)) errors.push(rowError(row, 'village', 'Bạn không phụ trách thôn, tổ dân phố này.'));
      const phone = cells.phone ? residentPhone.safeParse(cells.phone.replace(/[\s.]/gu, '')) : null;
      if (phone && !phone.success) errors.push(rowError(row, 'phone', phone.error.issues[0]!.message));
      const group = cells.learnerGroup ? groupByText.get(cellKey(cells.learnerGroup)) : 'residents';
      if (!group)
        errors.push(
          rowError(row, 'learnerGroup', `"${cells.learnerGroup!.slice(0, 40)}" không phải nhóm đối tượng (${Object.values(learnerGroupLabelsVi).join('; ')}).`),
        );
      let idHash: string | null = null;
      if (cells.nationalId) {
        const id = nationalIdInput.safeParse(cells.nationalId);
        if (!id.success)
          errors.push(
            rowError(
              row,
              'nationalId',
              /^\d{9,11}$/u.test(cells.nationalId)
                ? `có ${cells.nationalId.length} chữ số, cần đúng 12 (Excel có thể đã bỏ số 0 đầu: để cột dạng Văn bản).`
                : 'Số định danh cá nhân (căn cước) gồm đúng 12 chữ số.',
            ),
          );
        else idHash = nationalIdHash(idKeyOrRefuse(key), id.data);
      }
      if (errors.length > before) continue;
      const keys = residentKeys(name.data!);
      const birthYear = (by as { year: number }).year;
      const person = `${keys.nameKey}|${birthYear}|${villageId}`;
      const earlier = (idHash ? inFileIds.get(idHash) : undefined) ?? inFilePeople.get(person);
      if (earlier) {
        errors.push(rowError(row, idHash && inFileIds.has(idHash) ? 'nationalId' : 'fullName', `trùng với dòng ${earlier} của tệp.`));
        continue;
      }
      if (idHash) inFileIds.set(idHash, row);
      inFilePeople.set(person, row);
      if ((idHash && knownIds.has(idHash)) || knownPeople.has(person)) {
        unchanged++;
        continue;
      }
      values.push({
        communeId,
        villageId: villageId!,
        ...keys,
        birthYear,
        gender: gender!,
        phone: phone?.success ? phone.data : null,
        learnerGroup: group!,
        idHash,
        idLast4: idHash ? cells.nationalId!.slice(-4) : null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
    }
    const result: ResidentImportResult = {
      dryRun: opts.dryRun,
      rows: rows.length,
      created: values.length,
      unchanged,
      errors: errors.slice(0, 500),
      errorCount: errors.length,
    };
    if (opts.dryRun) return result;
    // A write that failed (a concurrent import of the same people, say) answers before row errors.
    await writing;
    if (errors.length) {
      const first = errors[0]!;
      throw new AppError(
        'IMPORT_ROWS_INVALID',
        `Tệp có ${errors.length} lỗi; chưa có dữ liệu nào được ghi. Dòng ${first.row}: ${first.message}`,
        errors.slice(0, 500),
      );
    }
    writeReady(true);
    await writing;
    await writeAudit(tx, actor, opts.meta, {
      action: 'import',
      entityType: 'resident',
      communeId,
      summary: `Nhập người dân từ tệp "${cleanText(opts.file.filename).slice(0, 120)}": ${values.length} người mới, ${unchanged} đã có`,
      after: { rows: rows.length, created: values.length, unchanged },
    });
    if (values.length) await refreshCoverage(tx, communeId, ['2025-01-01'], now);
    return result;
  });
}
