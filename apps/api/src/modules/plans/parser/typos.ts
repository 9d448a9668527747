/**
 * Suspected typos, found without a dictionary: within one document, a word pair (bigram) that is
 * rare while a pair with the same first word and an almost identical second word is common.
 * "phát triễn" (once) beside "phát triển" (often) is flagged; nothing is ever changed — the
 * extracted values keep the text as written, the officer decides.
 */
import { warn, type Ctx } from './context.js';
import { toNormSpan } from './normalise.js';

/** A pair seen at most this often is suspicious ... */
const RARE = 2;
/** ... when its near twin is seen at least this often. */
const COMMON = 3;
/** At most this many TYPO_SUSPECTED warnings per document. */
export const MAX_TYPO_WARNINGS = 10;

/** Longer words are skipped (keeps the one-letter-deletion test cheap). */
const MAX_WORD = 12;

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const MARKS = /\p{M}/gu;

/** The word with its tone removed, plus the tone: equal for "hóa"/"hoá", "ủy"/"uỷ" (tone placed differently, same word). */
function toneKey(w: string): string {
  const d = w.normalize('NFD');
  const tones = d.match(TONES)?.join('') ?? '';
  return `${d.replace(TONES, '').normalize('NFC')}|${tones}`;
}

const bases = new Map<number, string>();

/** The letters without any diacritic ("triễn" → "trien", "đồng" → "dong"); per-character results are cached. */
function skeleton(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x80) {
      out += w[i];
      continue;
    }
    let b = bases.get(c);
    if (b === undefined) {
      b = w[i]!.normalize('NFD').replace(MARKS, '').replace(/đ/gu, 'd');
      bases.set(c, b);
    }
    out += b;
  }
  return out;
}

/** Every way to drop one letter from a word. */
function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** The words of a text, interned: `id[i]` of the i-th word, and whether it follows the previous word after a single space. */
interface Words {
  vocab: string[];
  id: number[];
  start: number[];
  end: number[];
  linked: boolean[];
}

/** Pair keys as numbers (faster than strings): first * 2^21 + second. */
const K = 2 ** 21;
const key = (a: number, b: number) => a * K + b;

const LETTER = /[\p{L}\p{M}]/u;
const otherLetters = new Map<number, boolean>();

/** A letter or combining mark (fast paths for Latin and Vietnamese; a cached test for other scripts). */
function isLetter(c: number): boolean {
  if (c < 0xc0) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if ((c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) return true;
  let v = otherLetters.get(c);
  if (v === undefined) {
    v = LETTER.test(String.fromCharCode(c));
    otherLetters.set(c, v);
  }
  return v;
}

/** Words of the work text; pairs are words separated by a single space (not by punctuation or a paragraph break). */
function wordsOf(text: string): Words {
  const w: Words = { vocab: [], id: [], start: [], end: [], linked: [] };
  const ids = new Map<string, number>();
  // Lower-case once (per word only when that would change the length, so offsets stay right).
  const whole = text.toLowerCase();
  const lowered = whole.length === text.length ? whole : null;
  let prevEnd = -2;
  let i = 0;
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    // A Vietnamese syllable has at most 7 letters; much longer runs (foreign words, garbage) are not compared.
    if (i - start > MAX_WORD || w.vocab.length >= K - 1) {
      prevEnd = -2;
      continue;
    }
    const lower = lowered ? lowered.slice(start, i) : text.slice(start, i).toLowerCase();
    let id = ids.get(lower);
    if (id === undefined) {
      id = w.vocab.length;
      ids.set(lower, id);
      w.vocab.push(lower);
    }
    w.linked.push(start === prevEnd + 1 && text[prevEnd] === ' ');
    w.id.push(id);
    w.start.push(start);
    w.end.push(i);
    prevEnd = i;
  }
  return w;
}

/** Per-word forms, computed once per distinct word. */
function memo<T>(f: (w: string) => T): (w: string) => T {
  const cache = new Map<string, T>();
  return (w) => {
    let v = cache.get(w);
    if (v === undefined) {
      v = f(w);
      cache.set(w, v);
    }
    return v;
  };
}

/** Finds, among the common second words of one first word, the one a rare second word probably misspells. */
function twinFinder(common: string[], forms: Forms): (rare: string) => string | null {
  const bySkeleton = new Map<string, string[]>();
  const byDeletion = new Map<string, string>();
  const set = new Set(common);
  for (const c of common) {
    const s = forms.skeleton(c);
    const list = bySkeleton.get(s);
    if (list) list.push(c);
    else bySkeleton.set(s, [c]);
    if (c.length > 3) for (const d of forms.deletions(c)) if (!byDeletion.has(d)) byDeletion.set(d, c);
  }
  return (rare) => {
    for (const c of bySkeleton.get(forms.skeleton(rare)) ?? []) if (forms.toneKey(c) !== forms.toneKey(rare)) return c;
    const missing = byDeletion.get(rare);
    if (missing) return missing;
    if (rare.length > 3) for (const d of forms.deletions(rare)) if (set.has(d)) return d;
    return null;
  };
}

interface Forms {
  skeleton: (w: string) => string;
  toneKey: (w: string) => string;
  deletions: (w: string) => string[];
}

/** Add TYPO_SUSPECTED warnings (at most MAX_TYPO_WARNINGS), each with the field's path when the word lies in one. Linear in the text. */
export function checkTypos(ctx: Ctx): void {
  const w = wordsOf(ctx.work.text);
  const n = w.id.length;
  let count = knownConfusions(ctx, w);
  const counts = new Map<number, number>();
  for (let i = 1; i < n; i++) if (w.linked[i]) counts.set(key(w.id[i - 1]!, w.id[i]!), (counts.get(key(w.id[i - 1]!, w.id[i]!)) ?? 0) + 1);
  const pairCount = (a: number, b: number) => counts.get(key(a, b)) ?? 0;
  // Only first words with a common pair can have a suspect; group their second words.
  const common = new Map<number, number[]>();
  const rare = new Map<number, number[]>();
  for (const [k, c] of counts) {
    const a = Math.floor(k / K);
    const b = k - a * K;
    const into = c >= COMMON ? common : c <= RARE ? rare : null;
    if (!into) continue;
    const list = into.get(a);
    if (list) list.push(b);
    else into.set(a, [b]);
  }
  const suspects = new Map<number, number>();
  const forms: Forms = { skeleton: memo(skeleton), toneKey: memo(toneKey), deletions: memo(deletions) };
  for (const [a, seconds] of common) {
    const rareSeconds = rare.get(a);
    if (!rareSeconds) continue;
    const ids = new Map(seconds.map((b) => [w.vocab[b]!, b]));
    const twin = twinFinder([...ids.keys()], forms);
    for (const b of rareSeconds) {
      const second = w.vocab[b]!;
      if (second.length < 2) continue;
      const intended = twin(second);
      if (intended !== null) suspects.set(key(a, b), ids.get(intended)!);
    }
  }
  if (suspects.size === 0) return;
  // The context around the pair decides: the word after the suspect must be one that follows the
  // intended word elsewhere ("phát trển khoa" — "triển khoa" is seen), or the word before the pair must
  // precede the intended pair elsewhere; and a suspect that itself commonly precedes the next word is a
  // different word used rightly ("tình hình thực hiện" is not "hình thức", "ban hành đồng bộ" not "hành động").
  const trigram = (z: number, a: number, b: number) => `${z} ${a} ${b}`;
  const wanted = new Map<string, number>();
  const intendedPairs = new Set<number>();
  for (let i = 2; i < n; i++) {
    if (!w.linked[i] || !w.linked[i - 1]) continue;
    const intended = suspects.get(key(w.id[i - 1]!, w.id[i]!));
    if (intended === undefined) continue;
    wanted.set(trigram(w.id[i - 2]!, w.id[i - 1]!, intended), 0);
    intendedPairs.add(key(w.id[i - 1]!, intended));
  }
  for (let i = 2; i < n; i++) {
    if (!w.linked[i] || !w.linked[i - 1] || !intendedPairs.has(key(w.id[i - 1]!, w.id[i]!))) continue;
    const t = trigram(w.id[i - 2]!, w.id[i - 1]!, w.id[i]!);
    const c = wanted.get(t);
    if (c !== undefined) wanted.set(t, c + 1);
  }
  for (let i = 1; i < n; i++) {
    if (!w.linked[i]) continue;
    const a = w.id[i - 1]!;
    const b = w.id[i]!;
    const intended = suspects.get(key(a, b));
    if (intended === undefined) continue;
    const next = i + 1 < n && w.linked[i + 1] ? w.id[i + 1]! : -1;
    if (next >= 0 && pairCount(b, next) >= COMMON) continue;
    const fitsAfter = next >= 0 && pairCount(intended, next) > 0;
    const fitsBefore = w.linked[i - 1] === true && i >= 2 && (wanted.get(trigram(w.id[i - 2]!, a, intended)) ?? 0) > 0;
    if (!fitsAfter && !fitsBefore) continue;
    if (count++ >= MAX_TYPO_WARNINGS) break;
    const text = ctx.work.text;
    const first = text.slice(w.start[i - 1], w.end[i - 1]);
    const second = text.slice(w.start[i], w.end[i]);
    const span = toNormSpan(ctx.work, w.start[i]!, w.end[i]!);
    const path = fieldAt(ctx, span.start, span.end);
    const message =
      `Có thể gõ sai: "${first} ${second}" (dòng ${lineOf(ctx.work.norm, span.start)}) — có lẽ là "${first} ${w.vocab[intended]!}" ` +
      `(văn bản viết như vậy ${pairCount(a, intended)} lần). Chữ "${second}" được giữ nguyên như văn bản gốc, cần kiểm tra lại.`;
    warn(ctx, 'TYPO_SUSPECTED', message, path ?? undefined);
  }
}

/**
 * Confusions seen in plans that the pair counts cannot catch (the right form is as rare as the
 * wrong one in one document): written words (lower case, one space apart) and the intended form.
 */
export const KNOWN_CONFUSIONS: { written: string[]; intended: string }[] = [
  { written: ['chuyên', 'đổi'], intended: 'chuyển đổi' },
  { written: ['sau', 'rộng'], intended: 'sâu rộng' },
  { written: ['vhxx'], intended: 'VHXH' },
  { written: ['sát', 'nhập'], intended: 'sáp nhập' },
  { written: ['chuẩn', 'đoán'], intended: 'chẩn đoán' },
];

/** TYPO_SUSPECTED for each known confusion in the text (within MAX_TYPO_WARNINGS); returns how many were given. */
function knownConfusions(ctx: Ctx, w: Words): number {
  const byFirst = new Map<string, { written: string[]; intended: string }[]>();
  for (const k of KNOWN_CONFUSIONS) byFirst.set(k.written[0]!, [...(byFirst.get(k.written[0]!) ?? []), k]);
  let count = 0;
  for (let i = 0; i < w.id.length && count < MAX_TYPO_WARNINGS; i++) {
    const entries = byFirst.get(w.vocab[w.id[i]!]!);
    if (!entries) continue;
    const k = entries.find((e) => e.written.every((x, j) => i + j < w.id.length && w.vocab[w.id[i + j]!] === x && (j === 0 || w.linked[i + j])));
    if (!k) continue;
    const last = i + k.written.length - 1;
    const written = ctx.work.text.slice(w.start[i], w.end[last]);
    const span = toNormSpan(ctx.work, w.start[i]!, w.end[last]!);
    const message =
      `Có thể gõ sai: "${written}" (dòng ${lineOf(ctx.work.norm, span.start)}) — có lẽ là "${k.intended}" (lỗi hay gặp). ` +
      `Chữ "${written}" được giữ nguyên như văn bản gốc, cần kiểm tra lại.`;
    if (warn(ctx, 'TYPO_SUSPECTED', message, fieldAt(ctx, span.start, span.end) ?? undefined)) count++;
    i = last;
  }
  return count;
}

/** 1-based line of an offset in the normalised text. */
function lineOf(norm: string, at: number): number {
  let line = 1;
  for (let i = norm.indexOf('\n'); i >= 0 && i < at; i = norm.indexOf('\n', i + 1)) line++;
  return line;
}

/** The path of the narrowest recorded field whose source span holds [start, end), or null. */
function fieldAt(ctx: Ctx, start: number, end: number): string | null {
  let best: string | null = null;
  let width = Infinity;
  for (const [path, s] of Object.entries(ctx.sources)) {
    if (s.start <= start && s.end >= end && s.end - s.start < width) {
      best = path;
      width = s.end - s.start;
    }
  }
  return best;
}
