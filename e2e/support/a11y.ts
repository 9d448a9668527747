import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, read once (the package's `source` is the same text). */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets checked: WCAG 2.0/2.1/2.2 levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * Rules switched off, each with why. Only false positives of Ant Design internals that the product
 * cannot change belong here; none are needed today.
 */
export const DISABLED_RULES: Readonly<Record<string, string>> = {};

/**
 * Single findings ignored: a rule on elements matching a selector, each with why. Narrower than
 * switching a rule off: the rule still runs everywhere else.
 */
export const IGNORED: ReadonlyArray<{ rule: string; selector: string; reason: string }> = [
  {
    rule: 'aria-required-children',
    selector: '.ant-tabs-nav[role="tablist"]',
    reason:
      "Ant Design's Tabs put their overflow menu button (.ant-tabs-nav-operations > button.ant-tabs-nav-more) inside the " +
      'role="tablist" element; the markup is internal to antd and the tabs themselves are correct (role="tab" children).',
  },
];

export interface Violation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
  /** The failure summary of the first node (what axe says to fix). */
  summary: string;
  count: number;
}

/**
 * Runs axe in the page; returns the serious and critical violations. The page's context needs
 * `bypassCSP: true`: the app's Content-Security-Policy forbids the inline script tag axe comes in.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    async ({ tags, disabled, ignored }) => {
      type AxeNode = { target: unknown[]; failureSummary?: string };
      type AxeResult = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] };
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeResult[] }> } }).axe;
      const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      const skip = (rule: string, node: AxeNode) =>
        ignored.some((i) => {
          if (i.rule !== rule) return false;
          const sel = node.target[node.target.length - 1];
          const el = typeof sel === 'string' ? document.querySelector(sel) : null;
          return el?.matches(i.selector) ?? false;
        });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !skip(v.id, n)) }))
        .filter((v) => v.nodes.length > 0)
        .map((v) => ({
          id: v.id,
          impact: v.impact ?? '',
          help: v.help,
          helpUrl: v.helpUrl,
          targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
          summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/gu, ' ').slice(0, 300),
          count: v.nodes.length,
        }));
    },
    { tags: [...WCAG_TAGS], disabled: Object.keys(DISABLED_RULES), ignored: IGNORED.map(({ rule, selector }) => ({ rule, selector })) },
  );
}

/** A readable list: one block per rule, with the first few elements and what to fix. */
export function formatViolations(label: string, violations: Violation[]): string {
  if (violations.length === 0) return `${label}: no serious/critical violations`;
  const lines = violations.map(
    (v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.count} element${v.count === 1 ? '' : 's'})\n      ${v.targets.join('\n      ')}\n      -> ${v.summary}`,
  );
  return `${label}: ${violations.length} serious/critical axe violation(s)\n${lines.join('\n')}`;
}

/** Fails with the list of serious/critical violations on the page, naming the page by `label`. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) throw new Error(formatViolations(label, violations));
}

/**
 * What is wider than the viewport on the page: the document's own horizontal scroll, and every
 * element of the main content whose edges go past the screen, also inside scrolling boxes (a table's
 * own scroll container counts), except inside an element marked data-hscroll (a deliberate
 * horizontal-scroll wrapper) or one that clips its content (overflow hidden or clip).
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const root = document.querySelector('main') ?? document.body;
    const wide: string[] = [];
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== root.parentElement; p = p.parentElement) {
        if (p.hasAttribute('data-hscroll')) return true;
        // Content clipped by its box is not wider than the page; a scrolling box (auto, scroll) is,
        // unless marked data-hscroll as a deliberate horizontal-scroll wrapper.
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'hidden' || ox === 'clip') {
          const r = p.getBoundingClientRect();
          if (r.right <= width + 1) return true;
        }
      }
      return false;
    };
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) {
        if (clipped(el)) continue;
        const s = getComputedStyle(el);
        if (s.visibility === 'hidden' || s.position === 'fixed') continue;
        const tid = el.getAttribute('data-testid');
        const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '';
        wide.push(`${el.tagName.toLowerCase()}${tid ? `[data-testid=${tid}]` : ''}${cls ? '.' + cls : ''} (${Math.round(r.left)}..${Math.round(r.right)})`);
      }
    }
    return { scrollWidth: document.scrollingElement?.scrollWidth ?? 0, innerWidth: width, wide: wide.slice(0, 10) };
  });
}
