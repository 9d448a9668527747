import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { decisionDocument, decisionForPlan } from '../documents';
import { planDocument } from '../documents';
import { renderDocx } from '../documents';
import { renderHtml } from '../documents';
import { loadDoc, loadPlan } from './plan-store';

export type PrintKind = 'document' | 'decision';

/** The file's Vietnamese name ("Kế hoạch 12-KH-UBND.docx"); the header adds its ASCII fallback. */
function fileName(kind: PrintKind, number: string | null, ext: string): string {
  const n = (number?.trim() || 'dự thảo').replace(/[/\\]+/gu, '-');
  return `${kind === 'document' ? 'Kế hoạch' : 'Quyết định'} ${n}.${ext}`;
}

/**
 * The plan, or the decision issuing it, in the Decree 30/2020 layout as .docx or printable HTML.
 * A draft leaves the number and day blank for the records clerk.
 */
export async function printPlan(opts: { db: Db; actor: Actor; communeId: string; id: string; kind: PrintKind; format: 'docx' | 'html'; draft: boolean }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  const { row, doc } = await inScope(opts.db, opts.actor.scope, async (tx) => {
    const row = await loadPlan(tx, opts.communeId, opts.id);
    return { row, doc: await loadDoc(tx, row) };
  });
  // Rendering happens outside the transaction (it is the slow step).
  const model = opts.kind === 'document' ? planDocument(doc, { draft: opts.draft }) : decisionDocument(decisionForPlan(doc), { draft: opts.draft });
  if (opts.format === 'html') return { body: renderHtml(model), type: 'text/html; charset=utf-8', name: fileName(opts.kind, row.number, 'html') };
  return {
    body: await renderDocx(model),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    name: fileName(opts.kind, row.number, 'docx'),
  };
}
