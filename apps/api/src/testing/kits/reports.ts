import { and, eq } from 'drizzle-orm';
import { reviewDate, type PlanDoc } from '@tds/contracts';
import type { Db } from '../../db/client';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import type { Client } from '../harness';
import { dueItem } from '../../modules/plans/plans.table';

// Test helpers shared by the reports tests and the authorization-matrix fixtures (not used at run time).

/** A plan as an officer leaves it after checking its dates: each review's offered day confirmed. */
export function confirmReviews<T extends Pick<PlanDoc, 'deadlines' | 'milestones'>>(doc: T): T {
  return { ...doc, milestones: doc.milestones.map((m) => ({ ...m, dueDate: reviewDate(doc, m).date, confirmed: true })) };
}

/**
 * Make the national template into a published plan of a commune through the API (as its admin):
 * every participating unit gets a yearly report due "trước ngày 05/12" for 2025-2030 and a unit
 * plan due 30/12 of `year`, and the mid-term (2027) and final (2030) review reports on the days the
 * form offers, confirmed. Returns the plan id.
 */
export async function publishTemplatePlan(admin: Client, communeId: string): Promise<string> {
  const doc = (await admin.get(`/api/plan-template?communeId=${communeId}`)).json() as PlanDoc;
  const created = await admin.post(`/api/communes/${communeId}/plans`, { doc: confirmReviews(doc), source: 'template' });
  if (created.statusCode !== 201) throw new Error(`create plan: ${created.body}`);
  const p = created.json() as { id: string; version: number };
  const published = await admin.post(`/api/communes/${communeId}/plans/${p.id}/publish`, { version: p.version });
  if (published.statusCode !== 200) throw new Error(`publish plan: ${published.body}`);
  return p.id;
}

/** The id of a unit's due item under a plan: its yearly report of `year`, or its unit plan. */
export async function dueItemId(db: Db, planId: string, unitId: string, which: { kind: 'report'; year: number } | { kind: 'unit_plan' }): Promise<string> {
  const rows = await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx
      .select({ id: dueItem.id, year: dueItem.year })
      .from(dueItem)
      // A year's report is its yearly one (2027 and 2030 also hold the review reports).
      .where(
        and(
          eq(dueItem.planId, planId),
          eq(dueItem.unitId, unitId),
          eq(dueItem.kind, which.kind),
          ...(which.kind === 'report' ? [eq(dueItem.cadence, 'yearly')] : []),
        ),
      ),
  );
  const row = which.kind === 'report' ? rows.find((r) => r.year === which.year) : rows[0];
  if (!row) throw new Error(`no ${which.kind} due item for unit ${unitId}`);
  return row.id;
}

/** Open (or find) the report of a due item through the API; returns its id and version. */
export async function openReportVia(client: Client, communeId: string, dueId: string): Promise<{ id: string; version: number }> {
  const res = await client.post(`/api/communes/${communeId}/due-items/${dueId}/report`);
  if (res.statusCode !== 200) throw new Error(`open report: ${res.body}`);
  return res.json() as { id: string; version: number };
}

/** A multipart body with one `file` part. */
export function multipartFile(name: string, content: Buffer | string, type = 'application/octet-stream'): [Buffer, Record<string, string>] {
  const b = 'reportboundary';
  const body = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return [body, { 'content-type': `multipart/form-data; boundary=${b}` }];
}

/** The smallest bytes that look like a PDF. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
