import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { genderLabelsVi, genders, nationalIdInput, searchKey, type TrainingImportError } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { readSheetUpload } from '../../platform/uploads';
import { workerTask, type WorkerPool } from '../../platform/worker-pool';
import type { ZipLimits } from '../../platform/zip-check';
import type * as task from './read-training-task';
import { importSheets, type ImportKind, type ParsedImportRow } from './training-excel';
import { nationalIdHash } from './training.store';
import { idKeyOrRefuse } from './create-resident';
import { resident } from './training.table';

type Gender = (typeof genders)[number];

/** What the training imports share: reading the file off the event loop, row errors, and finding villages, modules and residents by text. */

const readWorkbook = workerTask<typeof task.readTrainingWorkbook>(new URL('./read-training-task.ts', import.meta.url), 'readTrainingWorkbook');

/** Most data rows (every sheet together) one import may carry. */
export const MAX_TRAINING_IMPORT_ROWS = 20_000;

/** The data rows of an upload of the kind, read in a parse worker, or the 4xx that says why there are none. */
export function readImportRows(kind: ImportKind, buffer: Buffer, workers: WorkerPool, zip: ZipLimits): Promise<ParsedImportRow[]> {
  return readSheetUpload(buffer, zip, MAX_TRAINING_IMPORT_ROWS, (bytes) =>
    workers.run(readWorkbook, { kind, bytes, maxRows: MAX_TRAINING_IMPORT_ROWS, zip }, [bytes.buffer as ArrayBuffer]),
  );
}

/** Control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/** The problems of one import, by sheet, row and column, in Vietnamese ("Cột: what is wrong"). */
export class RowErrors {
  readonly list: TrainingImportError[] = [];
  constructor(private readonly kind: ImportKind) {}
  get count() {
    return this.list.length;
  }
  add(r: { sheet: number; row: number }, key: string | null, message: string): void {
    const defs = importSheets[this.kind];
    const header = key ? defs[r.sheet]!.columns.find((c) => c.key === key)?.header : undefined;
    this.list.push({
      row: r.row,
      ...(defs.length > 1 ? { sheet: defs[r.sheet]!.name } : {}),
      ...(header ? { field: header } : {}),
      message: header ? `${header}: ${message}` : message,
    });
  }
  /** Cells holding control characters: refused, never stripped. Returns whether there were any. */
  control(r: ParsedImportRow): boolean {
    let found = false;
    for (const [key, value] of Object.entries(r.cells))
      if (value && CONTROL.test(value)) {
        this.add(r, key, 'Chứa ký tự điều khiển không hợp lệ; hãy gõ lại ô này.');
        found = true;
      }
    return found;
  }
  /** Sheet order, then row order (problems found after the first pass land in their place). */
  sorted(): TrainingImportError[] {
    const order = new Map(importSheets[this.kind].map((s, i) => [s.name, i]));
    return [...this.list].sort((a, b) => (order.get(a.sheet ?? '') ?? 0) - (order.get(b.sheet ?? '') ?? 0) || a.row - b.row);
  }
  /** 400 IMPORT_ROWS_INVALID naming the first problem, with the first 500 as details. */
  refusal(): AppError {
    const all = this.sorted();
    const first = all[0]!;
    const where = first.sheet ? `Trang ${first.sheet}, dòng ${first.row}` : `Dòng ${first.row}`;
    return new AppError('IMPORT_ROWS_INVALID', `Tệp có ${all.length} lỗi; chưa có dữ liệu nào được ghi. ${where}: ${first.message}`, all.slice(0, 500));
  }
}

/** "Dòng 3" or "dòng 3 của trang Buổi học" for a message about another row. */
export const rowRef = (kind: ImportKind, r: { sheet: number; row: number }) =>
  importSheets[kind].length > 1 ? `dòng ${r.row} của trang ${importSheets[kind][r.sheet]!.name}` : `dòng ${r.row}`;

/** A finder of units (villages, teams) by name (diacritics and case aside) or code. */
export function unitFinder(units: readonly { id: string; name: string; code: string }[]) {
  const byText = new Map<string, string>();
  for (const u of units) byText.set(u.code.toLowerCase(), u.id);
  for (const u of units) byText.set(searchKey(u.name), u.id);
  return (text: string | null | undefined) => (text ? (byText.get(searchKey(text)) ?? byText.get(text.toLowerCase())) : undefined);
}

/** A finder of skill modules by code, name, or the name of a group that holds only it. */
export function moduleFinder(modules: readonly { code: string; name: string; groupName?: string }[]) {
  const byText = new Map<string, string>();
  // A group of the framework that holds one module names it too.
  const groups = new Map<string, string[]>();
  for (const m of modules) if (m.groupName) groups.set(searchKey(m.groupName), [...(groups.get(searchKey(m.groupName)) ?? []), m.code]);
  for (const [g, codes] of groups) if (codes.length === 1) byText.set(g, codes[0]!);
  for (const m of modules) byText.set(searchKey(m.name), m.code);
  for (const m of modules) byText.set(m.code.toLowerCase(), m.code);
  return (text: string) => byText.get(text.trim().toLowerCase()) ?? byText.get(searchKey(text));
}

const genderByText = new Map<string, Gender>([
  ...genders.map((g) => [g, g] as const),
  ...Object.entries(genderLabelsVi).map(([g, label]) => [searchKey(label), g as Gender] as const),
]);
export const genderOf = (text: string | null | undefined) => (text ? genderByText.get(searchKey(text)) : undefined);

/** A national ID cell: its keyed hash, or the problem (Excel dropping the leading zeros is named). */
export function idHashOf(text: string, idKey: string | undefined): { hash: string } | { problem: string } {
  const id = nationalIdInput.safeParse(text);
  if (!id.success)
    return {
      problem: /^\d{9,11}$/u.test(text)
        ? `có ${text.length} chữ số, cần đúng 12 (Excel có thể đã bỏ số 0 đầu: để cột dạng Văn bản).`
        : 'Số định danh cá nhân (căn cước) gồm đúng 12 chữ số.',
    };
  return { hash: nationalIdHash(idKeyOrRefuse(idKey), id.data) };
}

/** The date written as dd/MM/yyyy for a message. */
export const dayVi = (iso: string) => iso.split('-').reverse().join('/');

/** A stable key of an import's record from its content (the same file imported again finds it). */
export const contentKey = (prefix: string, parts: readonly (string | number | null)[]) =>
  `${prefix}-${createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u001f'))
    .digest('hex')
    .slice(0, 40)}`;

export interface KnownResident {
  id: string;
  villageId: string;
  idHash: string | null;
  fullName: string;
}

/** The commune's residents (not merged away) by ID hash and by normalised name + birth year + village. */
export async function residentIndex(tx: Tx, communeId: string) {
  const rows = await tx
    .select({
      id: resident.id,
      villageId: resident.villageId,
      idHash: resident.idHash,
      fullName: resident.fullName,
      nameKey: resident.nameKey,
      birthYear: resident.birthYear,
    })
    .from(resident)
    .where(and(eq(resident.communeId, communeId), isNull(resident.mergedIntoId)));
  const byId = new Map<string, KnownResident>();
  const byPerson = new Map<string, KnownResident[]>();
  for (const r of rows) {
    if (r.idHash) byId.set(r.idHash, r);
    const k = personKey(r.nameKey, r.birthYear, r.villageId);
    byPerson.set(k, [...(byPerson.get(k) ?? []), r]);
  }
  return { byId, byPerson };
}
export const personKey = (nameKey: string, birthYear: number, villageId: string) => `${nameKey}|${birthYear}|${villageId}`;

/**
 * The resident a row names: by national ID; else the one of that name and birth year in the
 * village (a namesake with another ID is someone else). Several such: ambiguous, the row must carry
 * the ID.
 */
export function matchResident(
  index: Awaited<ReturnType<typeof residentIndex>>,
  v: { idHash: string | null; nameKey: string; birthYear: number; villageId: string },
): { found: KnownResident } | { none: true } | { ambiguous: number } {
  if (v.idHash) {
    const hit = index.byId.get(v.idHash);
    if (hit) return { found: hit };
  }
  const same = (index.byPerson.get(personKey(v.nameKey, v.birthYear, v.villageId)) ?? []).filter((r) => !v.idHash || !r.idHash || r.idHash === v.idHash);
  if (same.length === 1) return { found: same[0]! };
  if (same.length > 1) return { ambiguous: same.length };
  return { none: true };
}
