import { eq, sql } from 'drizzle-orm';
import { cleanText, errorMessagesVi, formatDateVi, isoIfValid, unitInput, unitKindLabelsVi, type ImportResult, type UnitKind, clockNow } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { readSheetUpload } from '../../platform/uploads';
import { workerTask, type WorkerPool } from '../../platform/worker-pool';
import type { ZipLimits } from '../../platform/zip-check';
import type * as task from './read-units-task';
import { normaliseUnitInput } from './create-unit';
import { badRange, childPath, parentKindError } from './org.rules';
import { commune, unit, type UnitRow } from './org.table';
import { storeFile } from '../files';
import { unitColumns, type ParsedCells, type ParsedUnitRow, type UnitColumnKey } from './unit-excel';
import { unitKeys } from './unit-store';

const readWorkbook = workerTask<typeof task.readUnitsWorkbook>(new URL('./read-units-task.ts', import.meta.url), 'readUnitsWorkbook');
/** What a parse worker loads when it starts (exceljs). */
export const loadWorkbookReader = workerTask<typeof task.loadWorkbookReader>(new URL('./read-units-task.ts', import.meta.url), 'loadWorkbookReader');

/** Most data rows one import may carry. */
export const MAX_IMPORT_ROWS = 5000;
/** Content type of .xlsx files. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What `importUnits` needs: the actor, the commune, the uploaded file and whether to only check. */
export interface ImportUnitsOptions {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  file: { filename: string; mimetype: string; buffer: Buffer };
  dryRun: boolean;
  /** The workbook is read in these workers (exceljs inflates and parses XML: CPU work). */
  workers: WorkerPool;
  zip: ZipLimits;
  /** The moment of the import (tests fix it); now by default. */
  now?: Date;
}

type RowError = ImportResult['errors'][number];
type UnitValues = ReturnType<typeof normaliseUnitInput>;
/** One valid row of the file, resolved against the commune's units. */
interface PlannedRow {
  row: number;
  id: string;
  values: UnitValues;
  parentCode: string | null;
  current?: UnitRow;
}
interface Node {
  id: string;
  kind: string;
  parentId: string | null;
  activeTo: string | null;
  code: string;
  inFile: boolean;
}
interface Plan {
  rows: PlannedRow[];
  errors: RowError[];
  nodes: Map<string, Node>;
}

/**
 * Import a commune's units from an .xlsx file: every row is checked first; a dry run only reports,
 * a commit writes all rows in one transaction (existing codes are updated, new codes created) or none.
 */
export async function importUnits({ db, actor, meta, communeId, file, dryRun, workers, zip, now = clockNow() }: ImportUnitsOptions): Promise<ImportResult> {
  authorize(actor, 'org.unit.write', { communeId });
  const rows = await readRows(file.buffer, workers, zip);
  return inScope(db, actor.scope, async (tx) => {
    const [found] = await tx.select({ id: commune.id }).from(commune).where(eq(commune.id, communeId));
    if (!found) throw new AppError('NOT_FOUND');
    const existing = await tx.select().from(unit).where(eq(unit.communeId, communeId));
    const plan = planImport(rows, existing);
    const created = plan.rows.filter((r) => !r.current).length;
    const result: ImportResult = { dryRun, rows: rows.length, created, updated: plan.rows.length - created, errors: plan.errors };
    if (dryRun) return result;
    if (plan.errors.length) throw rowsInvalid(plan.errors);
    const changed = await applyPlan(tx, communeId, plan, existing, now);
    const fileId = await keepImportFile(tx, actor, communeId, file);
    await writeAudit(tx, actor, meta, {
      action: 'import',
      entityType: 'unit',
      entityId: fileId,
      communeId,
      summary: `Nhập đơn vị từ tệp "${cleanText(file.filename)}": ${result.created} tạo mới, ${result.updated} cập nhật (${changed} có thay đổi)`,
      after: { fileId, filename: file.filename, rows: rows.length, created: result.created, updated: result.updated, changed },
    });
    return result;
  });
}

/** The data rows of an upload, read in a parse worker, or the 4xx that says why there are none. */
function readRows(buffer: Buffer, workers: WorkerPool, zip: ZipLimits): Promise<ParsedUnitRow[]> {
  return readSheetUpload(buffer, zip, MAX_IMPORT_ROWS, (bytes) =>
    workers.run(readWorkbook, { bytes, maxRows: MAX_IMPORT_ROWS, zip }, [bytes.buffer as ArrayBuffer]),
  );
}

function rowsInvalid(errors: RowError[]) {
  const first = errors[0]!;
  const message = `Tệp có ${errors.length} lỗi; chưa có dữ liệu nào được ghi. Dòng ${first.row}: ${first.message}`;
  return new AppError('IMPORT_ROWS_INVALID', message, errors);
}

const rowSchema = unitInput.omit({ parentId: true });
const headerOf = (key: string) => unitColumns.find((c) => c.key === key)?.header ?? key;
const rowError = (row: number, key: string, message: string): RowError => ({ row, field: key, message: `${headerOf(key)}: ${message}` });

/** Check every row and resolve parents by code (existing units or other rows, in any order). */
export function planImport(rows: ParsedUnitRow[], existing: UnitRow[]): Plan {
  const errors: RowError[] = [];
  const byCode = new Map(existing.map((u) => [u.code.toLowerCase(), u]));
  const codeById = new Map(existing.map((u) => [u.id, u.code]));
  const planned = new Map<string, PlannedRow>();
  const firstRow = new Map<string, number>();
  const invalidCodes = new Set<string>();
  for (const r of rows) {
    const key = (r.cells.code ?? '').toLowerCase();
    const current = key ? byCode.get(key) : undefined;
    const checked = checkRow(r, current, codeById);
    errors.push(...checked.errors);
    const first = key ? firstRow.get(key) : undefined;
    if (first) {
      errors.push(rowError(r.row, 'code', `"${r.cells.code}" trùng với mã ở dòng ${first}.`));
      continue;
    }
    if (key) firstRow.set(key, r.row);
    if (checked.values)
      planned.set(key, { row: r.row, id: current?.id ?? crypto.randomUUID(), values: checked.values, parentCode: checked.parentCode, current });
    else if (key) invalidCodes.add(key);
  }
  const nodes = new Map<string, Node>(
    existing.map((u) => [u.id, { id: u.id, kind: u.kind, parentId: u.parentId, activeTo: u.activeTo, code: u.code, inFile: false }]),
  );
  for (const p of planned.values())
    nodes.set(p.id, { id: p.id, kind: p.values.kind, parentId: null, activeTo: p.values.activeTo, code: p.values.code, inFile: true });
  for (const p of planned.values()) {
    if (!p.parentCode) continue;
    const parent = planned.get(p.parentCode.toLowerCase()) ?? byCode.get(p.parentCode.toLowerCase());
    if (parent) nodes.get(p.id)!.parentId = parent.id;
    else if (!invalidCodes.has(p.parentCode.toLowerCase()))
      errors.push(rowError(p.row, 'parentCode', `Không có đơn vị mã "${p.parentCode}" trong xã/phường hay trong tệp.`));
  }
  const childrenOf = new Map<string, Node[]>();
  for (const n of nodes.values()) {
    if (!n.parentId) continue;
    if (!childrenOf.has(n.parentId)) childrenOf.set(n.parentId, []);
    childrenOf.get(n.parentId)!.push(n);
  }
  for (const p of planned.values()) errors.push(...treeErrors(p, nodes, childrenOf.get(p.id) ?? []));
  errors.sort((a, b) => a.row - b.row);
  return { rows: [...planned.values()], errors, nodes };
}

/** Validate one row with the unit schema; columns absent from the sheet keep the unit's current values. */
function checkRow(r: ParsedUnitRow, current: UnitRow | undefined, codeById: Map<string, string>) {
  const defined = Object.fromEntries(Object.entries(r.cells).filter(([, v]) => v !== undefined)) as ParsedCells;
  const cells: ParsedCells = { ...(current ? cellsOf(current, codeById) : {}), ...defined };
  const errors: RowError[] = [];
  const date = (key: 'activeFrom' | 'activeTo') => {
    const v = cells[key];
    if (!v || isIsoDate(v)) return v ?? null;
    errors.push(rowError(r.row, key, `"${v}" không phải ngày hợp lệ; hãy ghi theo dạng dd/MM/yyyy.`));
    return null;
  };
  const candidate = {
    code: cells.code ?? '',
    name: cells.name ?? '',
    kind: cells.kind ?? '',
    contactName: cells.contactName ?? null,
    phone: cells.phone ?? null,
    email: cells.email ?? null,
    address: cells.address ?? null,
    activeFrom: date('activeFrom'),
    activeTo: date('activeTo'),
  };
  const parsed = rowSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(issueError(r.row, String(issue.path[0] ?? 'code'), issue.message, cells));
  }
  if (badRange(candidate.activeFrom, candidate.activeTo)) errors.push(rowError(r.row, 'activeTo', errorMessagesVi.DATE_RANGE_INVALID));
  const parentCode = cells.parentCode ?? null;
  if (parentCode && parsed.success && parentCode.toLowerCase() === parsed.data.code.toLowerCase()) {
    errors.push(rowError(r.row, 'parentCode', 'Đơn vị không thể là cấp trên của chính nó.'));
  }
  return { values: errors.length || !parsed.success ? undefined : normaliseUnitInput(parsed.data), parentCode, errors };
}

function issueError(row: number, key: string, message: string, cells: ParsedCells): RowError {
  if (key === 'kind') {
    const labels = Object.values(unitKindLabelsVi).join('; ');
    return rowError(row, key, cells.kind ? `"${cells.kind}" không phải loại đơn vị; chọn một trong: ${labels}.` : 'Không được để trống.');
  }
  if (key === 'email') return rowError(row, key, `"${cells.email}" không phải địa chỉ thư điện tử hợp lệ.`);
  return rowError(row, key, message);
}

function cellsOf(u: UnitRow, codeById: Map<string, string>): ParsedCells {
  const cells: ParsedCells = { parentCode: u.parentId ? (codeById.get(u.parentId) ?? null) : null };
  for (const c of unitColumns) if (c.key !== 'parentCode') cells[c.key] = (u[c.key as Exclude<UnitColumnKey, 'parentCode'>] as string | null) ?? null;
  return cells;
}

function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(v);
  return !!m && isoIfValid(Number(m[1]), Number(m[2]), Number(m[3])) === v;
}

/** Cycles, parent kinds and open children, judged on the tree as it would be after the import. */
function treeErrors(p: PlannedRow, nodes: Map<string, Node>, children: Node[]): RowError[] {
  const node = nodes.get(p.id)!;
  const seen = new Set<string>([p.id]);
  const chain = [node.code];
  for (let at = node.parentId; at; at = nodes.get(at)?.parentId ?? null) {
    chain.push(nodes.get(at)?.code ?? '?');
    if (at === p.id) return [rowError(p.row, 'parentCode', `Đơn vị cấp trên tạo thành vòng lặp (${chain.join(' → ')}).`)];
    if (seen.has(at)) break;
    seen.add(at);
  }
  const errors: RowError[] = [];
  const parentKind = node.parentId ? (nodes.get(node.parentId)!.kind as UnitKind) : null;
  const kindError = parentKindError(node.kind as UnitKind, parentKind);
  if (kindError) errors.push(rowError(p.row, 'parentCode', kindError));
  const misfit = children.find((c) => !c.inFile && parentKindError(c.kind as UnitKind, node.kind as UnitKind));
  if (misfit) errors.push(rowError(p.row, 'kind', `Đơn vị trực thuộc ${misfit.code} không thể nằm dưới loại đơn vị này.`));
  const closing = node.activeTo && node.activeTo !== p.current?.activeTo ? node.activeTo : null;
  const open = closing ? children.find((c) => !c.activeTo || c.activeTo > closing) : undefined;
  if (open)
    errors.push(
      rowError(p.row, 'activeTo', `Đơn vị trực thuộc ${open.code} còn hoạt động sau ngày ${formatDateVi(closing)}; hãy đóng hoặc chuyển đơn vị đó trước.`),
    );
  return errors;
}

/** Write the plan: creations parents first, then updates that change something, then moved paths. */
async function applyPlan(tx: Tx, communeId: string, plan: Plan, existing: UnitRow[], now: Date): Promise<number> {
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known) return known;
    const parentId = plan.nodes.get(id)!.parentId;
    const path = childPath(parentId ? pathOf(parentId) : null, id);
    paths.set(id, path);
    return path;
  };
  const creates = plan.rows.filter((r) => !r.current).sort((a, b) => depth(pathOf(a.id)) - depth(pathOf(b.id)));
  const values = creates.map((r) => ({
    ...r.values,
    id: r.id,
    communeId,
    parentId: plan.nodes.get(r.id)!.parentId,
    path: pathOf(r.id),
    ...unitKeys(r.values),
  }));
  for (let i = 0; i < values.length; i += 500) await tx.insert(unit).values(values.slice(i, i + 500));
  let changed = 0;
  for (const r of plan.rows) {
    if (!r.current) continue;
    const next = { ...r.values, parentId: plan.nodes.get(r.id)!.parentId, path: pathOf(r.id) };
    if (Object.entries(next).every(([k, v]) => r.current![k as keyof UnitRow] === v)) continue;
    changed++;
    await tx
      .update(unit)
      .set({ ...next, ...unitKeys(r.values), version: sql`${unit.version} + 1`, updatedAt: now })
      .where(idIs(communeId, r.id));
  }
  const inFile = new Set(plan.rows.map((r) => r.id));
  for (const u of existing) {
    if (!inFile.has(u.id) && pathOf(u.id) !== u.path)
      await tx
        .update(unit)
        .set({ path: pathOf(u.id) })
        .where(idIs(communeId, u.id));
  }
  return changed;
}

const depth = (path: string) => path.split('/').length;
const idIs = (communeId: string, id: string) => sql`${unit.communeId} = ${communeId} and ${unit.id} = ${id}`;

/** Keep the uploaded file with the import it produced. */
async function keepImportFile(tx: Tx, actor: Actor, communeId: string, file: ImportUnitsOptions['file']): Promise<string> {
  return storeFile(tx, {
    communeId,
    name: file.filename,
    fallbackName: 'don-vi.xlsx',
    mime: XLSX_MIME,
    content: file.buffer,
    purpose: 'unit_import',
    createdBy: actor.userId,
  });
}
