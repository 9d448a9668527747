import { useCallback, useMemo, useState } from 'react';
import type { Indicator } from '@tds/contracts';
import { isApiError } from '../../../../lib/api';
import { cellKey, draftItems, draftProblems, editDraft, itemErrorsByCell, type TargetCellRef } from '../../targetsDraft';

/**
 * Unsaved edits of a targets grid over saved values: what each cell shows, its problem (checked in the
 * browser, or returned by the server for its row), and the items to save.
 */
export function useTargetDraft(saved: ReadonlyMap<string, number>, indicators: readonly Indicator[]) {
  const [draft, setDraft] = useState<Map<string, number>>(new Map());
  const [serverErrors, setServerErrors] = useState<Map<string, string>>(new Map());
  const defs = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const problems = useMemo(() => draftProblems(draft, defs), [draft, defs]);

  const edit = useCallback(
    (cell: TargetCellRef, value: number | null) => {
      setDraft((d) => editDraft(d, saved, cell, value));
      setServerErrors((e) => {
        if (!e.has(cellKey(cell))) return e;
        const next = new Map(e);
        next.delete(cellKey(cell));
        return next;
      });
    },
    [saved],
  );

  const valueOf = (cell: TargetCellRef): number | null => {
    const key = cellKey(cell);
    return draft.get(key) ?? saved.get(key) ?? null;
  };

  /** The items to send for `year`, or null when a value is out of range (the cells show why). */
  const itemsFor = (year: number) => (problems.size > 0 ? null : draftItems(draft, year));

  /** After a failed save: put the server's row errors on their cells. */
  const onSaveError = (e: unknown, sent: readonly TargetCellRef[]) => {
    setServerErrors(isApiError(e) ? itemErrorsByCell(e.details, sent) : new Map());
  };

  const clear = () => {
    setDraft(new Map());
    setServerErrors(new Map());
  };

  return {
    count: draft.size,
    valueOf,
    isSaved: (cell: TargetCellRef) => !draft.has(cellKey(cell)),
    problemOf: (cell: TargetCellRef) => problems.get(cellKey(cell)) ?? serverErrors.get(cellKey(cell)),
    edit,
    itemsFor,
    onSaveError,
    clear,
  };
}
