import { inspectZip, verifyZip, zipLimitVi, type ZipLimits } from '../../platform/zip-check';
import { parseResidentsWorkbook, type ParsedResidents } from './residents-excel';

export interface ReadResidentsInput {
  bytes: Uint8Array;
  maxRows: number;
  zip: ZipLimits;
}
export type ReadResidentsOutput =
  { ok: true; workbook: ParsedResidents } | { ok: false; problem: 'unreadable' } | { ok: false; problem: 'too-complex'; why: string };

/** Runs in a parse worker: check the archive's limits before exceljs inflates it, then read the residents sheet. */
export async function readResidentsWorkbook(input: ReadResidentsInput): Promise<ReadResidentsOutput> {
  const archive = inspectZip(input.bytes, input.zip);
  const problem = 'kind' in archive ? archive : verifyZip(input.bytes, archive.entries);
  if (problem?.kind === 'limit') return { ok: false, problem: 'too-complex', why: zipLimitVi(problem, input.zip) };
  if (problem) return { ok: false, problem: 'unreadable' };
  try {
    return { ok: true, workbook: await parseResidentsWorkbook(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), input.maxRows) };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}
