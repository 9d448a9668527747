import { cleanText, indicatorDefIssues, type IndicatorPatchInput, type IndicatorShape } from '@tds/contracts';
import { AppError } from '../../platform/errors';

const TEXT_FIELDS = ['name', 'measure', 'numeratorLabel', 'denominatorLabel', 'evidence', 'verifier'] as const;

/** Texts in NFC with single spaces; empty optional texts become null. Fields not given stay absent. */
export function cleanFields<T extends Partial<IndicatorPatchInput>>(input: T): T {
  const out: Record<string, unknown> = { ...input };
  for (const k of TEXT_FIELDS) {
    const v = input[k];
    if (typeof v === 'string') out[k] = k === 'name' || k === 'measure' ? cleanText(v) : cleanText(v) || null;
  }
  return out as T;
}

/** Throw VALIDATION_FAILED naming each field when a definition breaks the cross-field rules. */
export function assertValidDef(def: IndicatorShape): void {
  const issues = indicatorDefIssues(def);
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues[0]!.message, issues);
}
