import type { PlanParseResult } from '@tds/contracts';
import type { ZipLimits } from '../../platform/zip-check';
import { normalisePlanText, parsePlanText } from './parser';
import { extractText, type ExtractError } from './parser/read-file';

/** What a parse worker needs to read a plan: an uploaded file or pasted text. */
export interface ReadPlanInput {
  file?: { bytes: Uint8Array; filename: string; mimetype?: string };
  text?: string;
  maxBytes: number;
  zip: ZipLimits;
}

/** The normalised text and its parse, or why the file could not be read. */
export type ReadPlanOutput = { ok: true; text: string; result: PlanParseResult } | { ok: false; error: ExtractError };

/**
 * Runs in a parse worker (see import-plan.ts): extract the text of the file (.txt, .md, .docx, .pdf),
 * normalise it and parse it. Everything CPU-heavy about an import happens here, off the event loop.
 */
export async function readPlan(input: ReadPlanInput): Promise<ReadPlanOutput> {
  let raw = input.text ?? '';
  if (input.file) {
    const got = await extractText(input.file.bytes, input.file.filename, input.file.mimetype, input.maxBytes, input.zip);
    if ('error' in got) return { ok: false, error: got };
    raw = got.text;
  }
  const text = normalisePlanText(raw);
  return { ok: true, text, result: parsePlanText(text) };
}

/** Preloaded by each parse worker when it starts: the PDF reader and its worker code (mammoth loads with this module). */
export async function loadReaders(): Promise<void> {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Loaded here, it serves pdfjs as its "fake worker" (globalThis.pdfjsWorker) instead of being loaded at the first PDF
  // (the package ships no types for it: the name goes through a variable).
  const pdfWorker = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  await import(pdfWorker);
}
