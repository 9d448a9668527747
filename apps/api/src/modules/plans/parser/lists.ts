import type { Found } from './context.js';
import type { Para } from './normalise.js';
import type { Range } from './sections.js';

/** Kinds of list numbering, from the outermost usual level to the innermost. */
export type MarkerKind = 'roman' | 'dec' | 'dec2' | 'dec3' | 'paren' | 'alpha' | 'dash' | 'plus' | 'none';

const RANK: Record<MarkerKind, number> = { roman: 0, dec: 1, dec2: 2, dec3: 3, paren: 4, alpha: 5, dash: 6, plus: 7, none: 8 };

const MARKERS: [MarkerKind, RegExp][] = [
  ['roman', /^[IVX]{1,4}[.)]\s+/u],
  ['dec3', /^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+/u],
  ['dec2', /^\d{1,2}\.\d{1,2}\.?\s+/u],
  ['dec', /^\d{1,2}[.)]\s+/u],
  ['paren', /^\(\d{1,2}\)\s*/u],
  ['alpha', /^[a-zđ][.)]\s+/u],
  ['dash', /^[-–—]\s*/u],
  ['plus', /^\+\s*/u],
];

/** One item of an outline: its text without the marker, where it starts, and its children. */
export interface OutlineNode {
  kind: MarkerKind;
  marker: string;
  text: string;
  /** Work offset of `text`. */
  start: number;
  para: number;
  children: OutlineNode[];
}

/** The list marker at the start of a paragraph (kind and length). */
export function markerOf(text: string): { kind: MarkerKind; length: number } {
  for (const [kind, re] of MARKERS) {
    const m = re.exec(text);
    if (m && (kind !== 'dash' || !/^[-–—]\d/u.test(text))) return { kind, length: m[0].length };
  }
  return { kind: 'none', length: 0 };
}

/** A node reads as a heading: short and not a finished sentence (or ends with a colon). */
export function isHeadingLike(text: string): boolean {
  if (text.endsWith(':')) return true;
  if (text.length > 160) return false;
  const bare = text.replace(/\s*\([^()]*\)$/u, '');
  return !/[.;!?…]["”)]*$/u.test(bare);
}

/** Build the outline of paragraphs in `range`: numbering levels nest, plain paragraphs attach to the nearest heading. */
export function outline(paras: Para[], range: Range): OutlineNode[] {
  const root: OutlineNode = { kind: 'roman', marker: '', text: '', start: 0, para: -1, children: [] };
  const stack: OutlineNode[] = [root];
  for (let i = range.from; i < range.to; i++) {
    const p = paras[i]!;
    const m = markerOf(p.text);
    const node: OutlineNode = {
      kind: m.kind,
      marker: p.text.slice(0, m.length).trim(),
      text: p.text.slice(m.length),
      start: p.start + m.length,
      para: i,
      children: [],
    };
    if (m.kind === 'none') {
      while (stack.length > 1 && !isHeadingLike(stack[stack.length - 1]!.text)) stack.pop();
      stack[stack.length - 1]!.children.push(node);
      continue;
    }
    const same = stack.findIndex((n, k) => k > 0 && n.kind === m.kind);
    if (same > 0) stack.length = same;
    else while (stack.length > 1 && RANK[stack[stack.length - 1]!.kind] >= RANK[m.kind]) stack.pop();
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  return root.children;
}

/** Every node of an outline, depth first. */
export function walk(nodes: OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (n: OutlineNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  nodes.forEach(visit);
  return out;
}

/** A node's text trimmed of trailing punctuation, as a found value. */
export function nodeText(node: OutlineNode, from = 0, to = node.text.length): Found<string> | null {
  let s = from;
  let e = to;
  while (s < e && /\s/u.test(node.text[s]!)) s++;
  while (e > s && /[\s.;,:]/u.test(node.text[e - 1]!)) e--;
  if (e <= s) return null;
  return { value: node.text.slice(s, e), start: node.start + s, end: node.start + e };
}

/** The items of a list range: top-level numbered items, or every paragraph when there is no numbering. */
export function listItems(paras: Para[], range: Range): OutlineNode[] {
  const tree = outline(paras, range);
  const marked = tree.filter((n) => n.kind !== 'none');
  return marked.length > 0 ? marked : tree;
}
