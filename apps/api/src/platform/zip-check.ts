import { inflateRawSync } from 'node:zlib';

/**
 * Checks of a ZIP archive (.docx, .xlsx) before a library inflates it. `inspectZip` reads only the
 * central directory (the end-of-central-directory record, then one record per entry with its
 * declared sizes) and refuses too many entries, too many bytes once inflated, or an absurd ratio;
 * `verifyZip` then inflates each entry with a byte cap at its declared size, so an entry that lies
 * about its size is refused after at most that many bytes. The worker's memory limit is the last net.
 */

export interface ZipLimits {
  /** Most bytes all entries may inflate to. */
  maxInflatedBytes: number;
  /** Most inflated bytes per byte of the archive (all entries together). */
  maxRatio: number;
  /** Most entries. */
  maxEntries: number;
}

/** Why an archive is refused: not a ZIP or damaged (`corrupt`), or past a limit (`limit`). */
export type ZipProblem = { kind: 'corrupt'; why: string } | { kind: 'limit'; limit: 'entries' | 'inflated' | 'ratio'; why: string };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

const corrupt = (why: string): ZipProblem => ({ kind: 'corrupt', why });
const limit = (which: 'entries' | 'inflated' | 'ratio', why: string): ZipProblem => ({ kind: 'limit', limit: which, why });

/** Offset of the end-of-central-directory record (searched back over the longest comment), or -1. */
function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD && i + 22 + u16(b, i + 20) <= b.length) return i;
  return -1;
}

/** The directory's entry count, size and offset, from the ZIP64 record when the classic one says so. */
function directory(b: Uint8Array, eocd: number): { count: number; size: number; offset: number } | ZipProblem {
  let count = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== EOCD64_LOCATOR) return corrupt('ZIP64 locator missing');
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== EOCD64) return corrupt('ZIP64 record missing');
    count = u64(b, rec + 32);
    size = u64(b, rec + 40);
    offset = u64(b, rec + 48);
  }
  return { count, size, offset };
}

/** Sizes from a ZIP64 extra field, for those the record leaves at 0xFFFFFFFF. */
function zip64Sizes(b: Uint8Array, from: number, to: number, e: ZipEntry): void {
  for (let at = from; at + 4 <= to;) {
    const id = u16(b, at);
    const len = u16(b, at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const end = Math.min(to, at + 4 + len);
      for (const field of ['size', 'compressedSize', 'localOffset'] as const) {
        if (e[field] !== 0xffffffff || p + 8 > end) continue;
        e[field] = u64(b, p);
        p += 8;
      }
      return;
    }
    at += 4 + len;
  }
}

/** Read the central directory and check the limits; nothing is inflated. */
export function inspectZip(b: Uint8Array, limits: ZipLimits): { entries: ZipEntry[] } | ZipProblem {
  if (b.length < 22 || u32(b, 0) !== LOCAL) return corrupt('not a ZIP archive');
  const eocd = findEocd(b);
  if (eocd < 0) return corrupt('end of central directory not found (truncated archive)');
  const dir = directory(b, eocd);
  if ('kind' in dir) return dir;
  if (dir.count > limits.maxEntries) return limit('entries', `${dir.count} entries (at most ${limits.maxEntries})`);
  if (dir.offset + dir.size > b.length) return corrupt('central directory outside the file (truncated archive)');
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let at = dir.offset; at < dir.offset + dir.size;) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) return corrupt('damaged central directory');
    if (entries.length >= limits.maxEntries) return limit('entries', `more than ${limits.maxEntries} entries`);
    const nameLen = u16(b, at + 28);
    const extraLen = u16(b, at + 30);
    const commentLen = u16(b, at + 32);
    const e: ZipEntry = {
      name: Buffer.from(b.buffer, b.byteOffset + at + 46, Math.min(nameLen, Math.max(0, b.length - at - 46))).toString('utf8'),
      method: u16(b, at + 10),
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    };
    zip64Sizes(b, at + 46 + nameLen, Math.min(b.length, at + 46 + nameLen + extraLen), e);
    if (u16(b, at + 8) & 1) return corrupt(`encrypted entry ${e.name}`);
    if (e.method !== 0 && e.method !== 8) return corrupt(`entry ${e.name} uses compression method ${e.method}`);
    if (e.localOffset + 30 > b.length || u32(b, e.localOffset) !== LOCAL) return corrupt(`entry ${e.name} points outside the file`);
    total += e.size;
    if (total > limits.maxInflatedBytes) return limit('inflated', `more than ${limits.maxInflatedBytes} bytes once inflated`);
    entries.push(e);
    at += 46 + nameLen + extraLen + commentLen;
  }
  if (total > limits.maxRatio * b.length) return limit('ratio', `inflates ${Math.round(total / b.length)} times (at most ${limits.maxRatio})`);
  return { entries };
}

/** Inflate every entry, each capped at its declared size: refuses an entry that inflates to more (or is damaged). */
export function verifyZip(b: Uint8Array, entries: ZipEntry[]): ZipProblem | null {
  for (const e of entries) {
    const start = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
    if (start + e.compressedSize > b.length) return corrupt(`entry ${e.name} is cut short (truncated archive)`);
    const data = b.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) return corrupt(`stored entry ${e.name} has two sizes`);
      continue;
    }
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      const tooBig = err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      return tooBig ? limit('inflated', `entry ${e.name} inflates to more than its declared ${e.size} bytes`) : corrupt(`entry ${e.name} does not inflate`);
    }
    if (out.length !== e.size) return corrupt(`entry ${e.name} inflates to ${out.length} bytes, not ${e.size}`);
  }
  return null;
}

/** The limits of the environment's defaults (ZIP_MAX_INFLATED_MB, ZIP_MAX_RATIO, ZIP_MAX_ENTRIES), for readers used outside the server (CLI, tests). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxInflatedBytes: 50 * 1024 * 1024, maxRatio: 100, maxEntries: 2000 };

/** What limit an archive passed, in Vietnamese (for the user's message). */
export function zipLimitVi(problem: ZipProblem & { kind: 'limit' }, limits: ZipLimits): string {
  if (problem.limit === 'entries') return `tệp nén chứa quá nhiều thành phần (tối đa ${limits.maxEntries})`;
  return `khi giải nén, tệp vượt quá ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB hoặc ${limits.maxRatio} lần dung lượng tệp`;
}
