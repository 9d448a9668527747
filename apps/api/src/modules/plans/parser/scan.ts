/**
 * Scanning helpers that keep the parser linear on long paragraphs: a pasted text may hold one
 * paragraph of hundreds of thousands of characters, where a search from the paragraph's start for
 * every match (or a regex ending in `X*$`, which V8 retries at every position of a run) is quadratic.
 */

const WHITE = /\s/u;

/** JavaScript's `\s` for one UTF-16 unit. */
export function isWhite(c: string): boolean {
  return WHITE.test(c);
}

/** Start of the run of characters satisfying `inRun` that ends at `to`, not going below `from`. */
export function runStart(s: string, to: number, from: number, inRun: (c: string) => boolean): number {
  let i = to;
  while (i > from && inRun(s[i - 1]!)) i--;
  return i;
}

/** Largest k with sorted[k] < x, or -1. */
export function lastBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Smallest k with sorted[k] >= x, or sorted.length. */
export function firstAtLeast(sorted: readonly number[], x: number): number {
  return lastBelow(sorted, x) + 1;
}

/** One sentence of a paragraph, with tests on its text computed once. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Results of `test(re)` by regex source, so each sentence is searched once per pattern. */
  tests: Map<RegExp, boolean>;
}

/**
 * The sentences of one paragraph (between ". " or "; " boundaries), found once: `around(at)` is
 * what scanning the boundaries from the start and the terminator after `at` would give, by binary
 * search.
 */
export class Sentences {
  /** Index and end of each boundary `[.;!?]\s+(?=\S)`, in order. */
  private readonly bIndex: number[] = [];
  private readonly bEnd: number[] = [];
  /** Positions of `[.;!?](?:\s|$)`. */
  private readonly stops: number[] = [];
  private readonly memo = new Map<string, Sentence>();
  private indexed = false;

  constructor(readonly text: string) {}

  /** Find the boundaries once, at the first question (most paragraphs are never asked). */
  private index(): void {
    if (this.indexed) return;
    this.indexed = true;
    const text = this.text;
    const re = /[.;!?]\s+(?=\S)/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      this.bIndex.push(m.index);
      this.bEnd.push(m.index + m[0].length);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if ((c === '.' || c === ';' || c === '!' || c === '?') && (i + 1 === text.length || isWhite(text[i + 1]!))) this.stops.push(i);
    }
  }

  /** The sentence around an index. */
  around(at: number): Sentence {
    this.index();
    const k = lastBelow(this.bIndex, at);
    const start = k >= 0 ? this.bEnd[k]! : 0;
    const s = firstAtLeast(this.stops, at);
    const end = s < this.stops.length ? this.stops[s]! : this.text.length;
    const key = `${start}:${end}`;
    let found = this.memo.get(key);
    if (!found) {
      found = { start, end, text: this.text.slice(start, end), tests: new Map() };
      this.memo.set(key, found);
    }
    return found;
  }
}

/** `re.test(sentence.text)`, computed once per sentence (`re` must be neither global nor sticky). */
export function sentenceHas(sentence: Sentence, re: RegExp): boolean {
  let v = sentence.tests.get(re);
  if (v === undefined) {
    v = re.test(sentence.text);
    sentence.tests.set(re, v);
  }
  return v;
}
