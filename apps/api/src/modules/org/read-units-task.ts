import { inspectZip, verifyZip, zipLimitVi, type ZipLimits } from '../../platform/zip-check';
import { parseUnitsWorkbook, type ParsedWorkbook } from './unit-excel';

/** What a parse worker needs to read a units workbook. */
export interface ReadUnitsInput {
  bytes: Uint8Array;
  maxRows: number;
  zip: ZipLimits;
}

/** The sheet's rows, or why the file could not be read (`unreadable`: not a workbook; `too-complex`: past the archive limits). */
export type ReadUnitsOutput =
  { ok: true; workbook: ParsedWorkbook } | { ok: false; problem: 'unreadable' } | { ok: false; problem: 'too-complex'; why: string };

/**
 * Runs in a parse worker (see import-units.ts): check the archive (entries, inflated size, each
 * entry inflated with a cap) before exceljs inflates it, then read the units sheet.
 */
export async function readUnitsWorkbook(input: ReadUnitsInput): Promise<ReadUnitsOutput> {
  const archive = inspectZip(input.bytes, input.zip);
  const problem = 'kind' in archive ? archive : verifyZip(input.bytes, archive.entries);
  if (problem?.kind === 'limit') return { ok: false, problem: 'too-complex', why: zipLimitVi(problem, input.zip) };
  if (problem) return { ok: false, problem: 'unreadable' };
  try {
    return { ok: true, workbook: await parseUnitsWorkbook(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), input.maxRows) };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

/** Preloaded by each parse worker when it starts: importing this module loads exceljs. */
export function loadWorkbookReader(): void {}
