import { indicatorValueIssue, type Indicator } from '@tds/contracts';

/*
 * The editable targets grid: unsaved values are kept in a draft keyed by node and indicator, turned
 * into the PUT body, checked against the indicator's range before sending, and the server's per-row
 * errors are put back on the cells they concern. Pure: unit-tested.
 */

/** A node of the grid: the commune itself (unitId null) or one of its units, for one indicator. */
export interface TargetCellRef {
  unitId: string | null;
  indicatorCode: string;
}

/** Unsaved values by cell key. */
export type TargetDraft = ReadonlyMap<string, number>;

export function cellKey(c: TargetCellRef): string {
  return `${c.unitId ?? '-'}|${c.indicatorCode}`;
}

export function parseCellKey(key: string): TargetCellRef {
  const i = key.indexOf('|');
  const unit = key.slice(0, i);
  return { unitId: unit === '-' ? null : unit, indicatorCode: key.slice(i + 1) };
}

/** Saved values by cell key. */
export function savedValues(targets: readonly (TargetCellRef & { value: number })[]): Map<string, number> {
  return new Map(targets.map((t) => [cellKey(t), t.value]));
}

/**
 * Record an edit: a value equal to the saved one (or an emptied cell, since targets are never deleted
 * from the grid) drops out of the draft.
 */
export function editDraft(draft: TargetDraft, saved: ReadonlyMap<string, number>, cell: TargetCellRef, value: number | null): Map<string, number> {
  const next = new Map(draft);
  const key = cellKey(cell);
  if (value === null || !Number.isFinite(value) || saved.get(key) === value) next.delete(key);
  else next.set(key, value);
  return next;
}

/** The PUT body of a draft, in a stable order (commune rows first, then by indicator). */
export function draftItems(draft: TargetDraft, year: number): { unitId: string | null; indicatorCode: string; year: number; value: number }[] {
  return [...draft]
    .map(([key, value]) => ({ ...parseCellKey(key), year, value }))
    .sort(
      (a, b) =>
        Number(a.unitId !== null) - Number(b.unitId !== null) ||
        a.indicatorCode.localeCompare(b.indicatorCode) ||
        (a.unitId ?? '').localeCompare(b.unitId ?? ''),
    );
}

/** Range problems of the draft's values (percent over 100, below the minimum, not whole...), by cell key. */
export function draftProblems(
  draft: TargetDraft,
  indicators: ReadonlyMap<string, Pick<Indicator, 'measure' | 'minValue' | 'maxValue' | 'integer'>>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of draft) {
    const def = indicators.get(parseCellKey(key).indicatorCode);
    const issue = def ? indicatorValueIssue(def, value) : null;
    if (issue) out.set(key, issue);
  }
  return out;
}

/** The server's item errors (row = index in the items sent) as messages by cell key. */
export function itemErrorsByCell(details: readonly { row?: number; message: string }[], items: readonly TargetCellRef[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of details) {
    const item = d.row === undefined ? undefined : items[d.row];
    if (!item) continue;
    const key = cellKey(item);
    out.set(key, out.has(key) ? `${out.get(key)} ${d.message}` : d.message);
  }
  return out;
}

/** How many unit targets an indicator has, and their sum (what a split should add up to for counts). */
export function childrenSummary(targets: readonly (TargetCellRef & { value: number })[], indicatorCode: string): { count: number; sum: number } {
  let count = 0;
  let sum = 0;
  for (const t of targets) {
    if (t.unitId === null || t.indicatorCode !== indicatorCode) continue;
    count += 1;
    sum += t.value;
  }
  return { count, sum: Math.round(sum * 1000) / 1000 };
}
