import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { scoringTemplateInput, ScoringTemplateDto } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorizeProvince } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { commune } from '../org';
import { inScoring } from './scoring-context';
import { scoringTemplate } from './scoring.table';

type TemplateRow = typeof scoringTemplate.$inferSelect;
const dto = (r: TemplateRow): ScoringTemplateDto => ({
  id: r.id,
  provinceId: r.provinceId,
  name: r.name,
  year: r.year,
  legalBasis: r.legalBasis,
  groups: r.groups as ScoringTemplateDto['groups'],
});

/** The rubric templates of a province (its officers), newest first. */
export async function listProvinceTemplates(opts: { db: Db; actor: Actor; provinceId: string }) {
  authorizeProvince(opts.actor, 'scoring.template', opts.provinceId);
  return inScope(opts.db, opts.actor.scope, async (tx) => ({
    items: (
      await tx.select().from(scoringTemplate).where(eq(scoringTemplate.provinceId, opts.provinceId)).orderBy(desc(scoringTemplate.year), scoringTemplate.name)
    ).map(dto),
  }));
}

/** A province officer adds a template (groups of criteria with bands, bonus and penalty points) that the province's communes copy. */
export async function createProvinceTemplate(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  provinceId: string;
  input: z.infer<typeof scoringTemplateInput>;
  now: Date;
}) {
  authorizeProvince(opts.actor, 'scoring.template', opts.provinceId);
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const [row] = await tx
      .insert(scoringTemplate)
      .values({ provinceId: opts.provinceId, ...opts.input, legalBasis: opts.input.legalBasis ?? null, createdBy: opts.actor.userId, createdAt: opts.now })
      .returning();
    await writeAudit(tx, opts.actor, opts.meta, {
      action: 'create',
      entityType: 'scoring_template',
      entityId: row!.id,
      communeId: null,
      provinceId: opts.provinceId,
      summary: `Thêm bộ tiêu chí chấm điểm mẫu của tỉnh: ${row!.name} (${opts.input.groups.length} nhóm)`,
    });
    return dto(row!);
  });
}

/** The templates a commune may copy: its province's. */
export async function listCommuneTemplates(opts: { db: Db; actor: Actor; communeId: string }) {
  return inScoring({ ...opts, permission: 'scoring.manage' }, async (tx) => {
    const [c] = await tx.select({ provinceId: commune.provinceId }).from(commune).where(eq(commune.id, opts.communeId));
    if (!c) return { items: [] };
    return {
      items: (
        await tx.select().from(scoringTemplate).where(eq(scoringTemplate.provinceId, c.provinceId)).orderBy(desc(scoringTemplate.year), scoringTemplate.name)
      ).map(dto),
    };
  });
}
