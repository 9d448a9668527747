import { inspectZip, verifyZip, zipLimitVi, type ZipLimits } from '../../platform/zip-check';
import { parseImportWorkbook, type ImportKind, type ParsedImport } from './training-excel';

export interface ReadTrainingInput {
  kind: ImportKind;
  bytes: Uint8Array;
  maxRows: number;
  zip: ZipLimits;
}
export type ReadTrainingOutput =
  { ok: true; workbook: ParsedImport } | { ok: false; problem: 'unreadable' } | { ok: false; problem: 'too-complex'; why: string };

/** Runs in a parse worker: check the archive's limits before exceljs inflates it, then read the sheets of the import's kind. */
export async function readTrainingWorkbook(input: ReadTrainingInput): Promise<ReadTrainingOutput> {
  const archive = inspectZip(input.bytes, input.zip);
  const problem = 'kind' in archive ? archive : verifyZip(input.bytes, archive.entries);
  if (problem?.kind === 'limit') return { ok: false, problem: 'too-complex', why: zipLimitVi(problem, input.zip) };
  if (problem) return { ok: false, problem: 'unreadable' };
  try {
    const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    return { ok: true, workbook: await parseImportWorkbook(input.kind, buffer, input.maxRows) };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}
