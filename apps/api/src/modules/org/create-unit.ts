import { cleanText, type UnitInput, type UnitKind } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { mapUnit, mapUnitRecord } from './org.mapper';
import { unitResource } from './org.policy';
import { badRange, childPath, parentKindError } from './org.rules';
import { unit, type UnitRow } from './org.table';
import { duplicateCode, findUnitByCode, loadUnit, unitKeys } from './unit-store';

export interface CreateUnitOptions {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  input: UnitInput;
}

/** Create a unit under a commune (or under a parent unit). */
export async function createUnit({ db, actor, meta, communeId, input }: CreateUnitOptions) {
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const row = await insertUnit(tx, actor, communeId, input);
    await writeAudit(tx, actor, meta, {
      action: 'create',
      entityType: 'unit',
      entityId: row.id,
      communeId,
      summary: `Tạo đơn vị ${row.code} – ${row.name}`,
      after: mapUnitRecord(row),
    });
    return mapUnit(actor, row);
  });
}

/** Validate and insert one unit inside an open transaction (shared with the Excel import). */
export async function insertUnit(tx: Tx, actor: Actor, communeId: string, input: UnitInput): Promise<UnitRow> {
  const parent = input.parentId ? await loadParent(tx, communeId, input.parentId) : null;
  authorize(actor, 'org.unit.write', unitResource(communeId, parent?.path ?? null));
  checkUnitRules(input.kind, parent?.kind as UnitKind | undefined, input.activeFrom, input.activeTo);
  if (await findUnitByCode(tx, communeId, input.code)) throw duplicateCode(input.code);
  const id = crypto.randomUUID();
  const values = normaliseUnitInput(input);
  const [row] = await tx
    .insert(unit)
    .values({ ...values, id, communeId, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id), ...unitKeys(values) })
    .returning();
  return row!;
}

export async function loadParent(tx: Tx, communeId: string, parentId: string): Promise<UnitRow> {
  try {
    return await loadUnit(tx, communeId, parentId);
  } catch {
    throw new AppError('UNIT_PARENT_INVALID', 'Đơn vị cấp trên không tồn tại trong xã/phường này.', [
      { field: 'parentId', message: 'Không tìm thấy đơn vị cấp trên.' },
    ]);
  }
}

export function checkUnitRules(kind: UnitKind, parentKind: UnitKind | undefined, from?: string | null, to?: string | null) {
  const kindError = parentKindError(kind, parentKind ?? null);
  if (kindError) throw new AppError('UNIT_PARENT_INVALID', kindError, [{ field: 'parentId', message: kindError }]);
  if (badRange(from, to)) throw new AppError('DATE_RANGE_INVALID', undefined, [{ field: 'activeTo', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }]);
}

/** NFC, trimmed text; empty strings become null. */
export function normaliseUnitInput(input: Partial<UnitInput>) {
  const opt = (v: string | null | undefined) => (v == null || cleanText(v) === '' ? null : cleanText(v));
  return {
    code: cleanText(input.code ?? ''),
    name: cleanText(input.name ?? ''),
    kind: input.kind!,
    contactName: opt(input.contactName),
    phone: opt(input.phone),
    email: opt(input.email),
    address: opt(input.address),
    activeFrom: input.activeFrom ?? null,
    activeTo: input.activeTo ?? null,
  };
}
