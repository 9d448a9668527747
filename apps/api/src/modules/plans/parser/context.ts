import type { PlanParseResult } from '@tds/contracts';
import { toNormSpan, type Para, type WorkText } from './normalise.js';

type Warning = PlanParseResult['warnings'][number];

/** Shared state of one parse: the work text, the spans found so far and the warnings. */
export interface Ctx {
  work: WorkText;
  sources: PlanParseResult['sources'];
  warnings: Warning[];
  /** Keys of the warnings given, so that each is given once. */
  warned: Set<string>;
}

/** A value found in the work text at [start, end). */
export interface Found<T> {
  value: T;
  start: number;
  end: number;
}

/** A fresh parse context over a work text. */
export function newCtx(work: WorkText): Ctx {
  return { work, sources: {}, warnings: [], warned: new Set() };
}

/** Record where a field came from (work offsets are mapped to the normalised text). */
export function record(ctx: Ctx, path: string, found: { start: number; end: number } | null | undefined, confidence: number): void {
  if (!found || found.end <= found.start) return;
  ctx.sources[path] = { ...toNormSpan(ctx.work, found.start, found.end), confidence };
}

/** Add a warning once (same code, path and message); true when it was new. */
export function warn(ctx: Ctx, code: string, message: string, path?: string): boolean {
  const key = `${code}\u0000${path ?? '\u0001'}\u0000${message}`;
  if (ctx.warned.has(key)) return false;
  ctx.warned.add(key);
  ctx.warnings.push(path ? { code, message, path } : { code, message });
  return true;
}

/** A found value for a part of a paragraph: [from, to) are offsets inside the paragraph text. */
export function inPara<T>(para: Para, value: T, from: number, to: number): Found<T> {
  return { value, start: para.start + from, end: para.start + to };
}

/** Trim a paragraph slice of spaces and the given trailing punctuation; returns the found text. */
export function trimmed(para: Para, from: number, to: number, trailing = /[\s.;,:]+$/u): Found<string> | null {
  let s = from;
  let e = to;
  while (s < e && /\s/u.test(para.text[s]!)) s++;
  const tail = trailing.exec(para.text.slice(s, e));
  if (tail) e -= tail[0].length;
  while (e > s && /\s/u.test(para.text[e - 1]!)) e--;
  return e > s ? inPara(para, para.text.slice(s, e), s, e) : null;
}
