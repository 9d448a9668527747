/** Điển hình tiên tiến, mô hình hay: exemplary models, their stories and photos, published to the portal. */
import { z } from 'zod';
import { isoDate, opKey, pageOf, pageQuery, queryYear, requiredText, text, uuid, year } from './common.js';
import type { WorkflowDecl } from './workflow.js';

/** A collective (a unit) or an individual (a person of the commune's list). */
export const modelKinds = ['collective', 'individual'] as const;
export type ModelKind = (typeof modelKinds)[number];
export const modelKindLabelsVi: Record<ModelKind, string> = { collective: 'Tập thể', individual: 'Cá nhân' };
export const modelStatuses = ['draft', 'published'] as const;
export type ModelStatus = (typeof modelStatuses)[number];
export const modelStatusLabelsVi: Record<ModelStatus, string> = { draft: 'Chưa công bố', published: 'Đã công bố' };

/**
 * An exemplary model: recorded and edited by its unit (or the commune office) while not published;
 * the commune office publishes it (the public portal shows published ones) and may take it back to
 * edit it again.
 */
export const modelWorkflow = {
  name: 'exemplary_model',
  entity: 'exemplary_model',
  states: modelStatuses,
  initial: 'draft',
  transitions: {
    create: {
      from: ['draft'],
      to: 'draft',
      who: [{ permission: 'model.write', scope: 'unit' }],
      guards: [],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Mô hình đã có.',
      labelVi: 'Ghi nhận mô hình',
    },
    update: {
      from: ['draft'],
      to: null,
      who: [{ permission: 'model.write', scope: 'unit' }],
      guards: ['version'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Mô hình đã công bố: cần thôi công bố trước khi sửa.',
      labelVi: 'Lưu',
    },
    publish: {
      from: ['draft'],
      to: 'published',
      who: [{ permission: 'model.publish', scope: 'commune' }],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full', notify: 'unit' },
      outOfTurn: 'Mô hình đã được công bố.',
      labelVi: 'Công bố',
    },
    unpublish: {
      from: ['published'],
      to: 'draft',
      who: [{ permission: 'model.publish', scope: 'commune' }],
      guards: ['version'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Mô hình chưa được công bố.',
      labelVi: 'Thôi công bố',
    },
  },
} as const satisfies WorkflowDecl<ModelStatus, 'create' | 'update' | 'publish' | 'unpublish'>;
export type ModelTransition = keyof typeof modelWorkflow.transitions;

/** A model has at most this many photos; each at most this many bytes (after the browser shrank it) and pixels a side. */
export const MODEL_PHOTO_LIMIT = 12;
export const MODEL_PHOTO_MAX_BYTES = 3 * 1024 * 1024;
export const MODEL_PHOTO_MAX_SIDE = 4096;

const kindError = { error: `Loại mô hình: chọn một trong ${Object.values(modelKindLabelsVi).join(', ')}.` };

const modelFields = {
  title: requiredText(300),
  /** The unit of a collective, or the unit the individual belongs to (set from the person when omitted). */
  unitId: uuid.nullable().optional(),
  personId: uuid.nullable().optional(),
  story: text(20_000).optional(),
  /** The plan whose movement content the model belongs to, and the content's number in it. */
  planId: uuid.nullable().optional(),
  contentOrder: z.number({ error: 'Nội dung thi đua phải là số thứ tự.' }).int().min(1).max(1000).nullable().optional(),
  /** The movement content as free text (or, with planId and contentOrder, filled from the plan). */
  movementContent: text(1000).optional(),
  from: isoDate.nullable().optional(),
  to: isoDate.nullable().optional(),
  /** The year the model counts for (defaults to the year of `to`, `from`, or today). */
  year: year.optional(),
};
/** A new model; `opKey` is the client's key of this create, so a retry records it once. */
export const modelInput = z.strictObject({ kind: z.enum(modelKinds, kindError), ...modelFields, opKey: opKey.optional() });
export type ModelInput = z.input<typeof modelInput>;
export const modelUpdateInput = modelInput
  .omit({ opKey: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type ModelUpdateInput = z.input<typeof modelUpdateInput>;
export const modelStepInput = z.strictObject({ version: z.number().int().min(1) });

export const modelListQuery = pageQuery
  .extend({
    year: queryYear.optional(),
    unitId: uuid.optional(),
    personId: uuid.optional(),
    kind: z.enum(modelKinds, kindError).optional(),
    status: z.enum(modelStatuses, { error: `Trạng thái: chọn một trong ${Object.values(modelStatusLabelsVi).join(', ')}.` }).optional(),
  })
  .strict();
export type ModelListQuery = z.input<typeof modelListQuery>;
export const modelExportQuery = z.strictObject({ year: queryYear });
export const modelParams = z.strictObject({ communeId: uuid, id: uuid });
export const modelPhotoParams = z.strictObject({ communeId: uuid, id: uuid, photoId: uuid });
export const modelPhotoUploadQuery = z.strictObject({ caption: text(200).optional() });
export const publicModelsQuery = z.strictObject({ year: queryYear.optional() });

export const modelPhotoSchema = z.object({
  id: uuid,
  mime: z.string(),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  caption: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({ delete: z.boolean() }),
});
export type ModelPhoto = z.infer<typeof modelPhotoSchema>;

export const modelSummarySchema = z.object({
  id: uuid,
  communeId: uuid,
  kind: z.enum(modelKinds),
  title: z.string(),
  unitId: uuid,
  unitName: z.string(),
  personId: uuid.nullable(),
  personName: z.string().nullable(),
  movementContent: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  year: z.number().int(),
  status: z.enum(modelStatuses),
  publishedAt: z.string().nullable(),
  photoCount: z.number().int(),
  version: z.number().int(),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;
export const modelSchema = modelSummarySchema.extend({
  story: z.string().nullable(),
  planId: uuid.nullable(),
  contentOrder: z.number().int().nullable(),
  photos: z.array(modelPhotoSchema),
  photoLimit: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), publish: z.boolean(), unpublish: z.boolean(), delete: z.boolean(), addPhoto: z.boolean() }),
});
export type Model = z.infer<typeof modelSchema>;
export const modelPage = pageOf(modelSummarySchema).extend({ can: z.object({ create: z.boolean(), export: z.boolean() }) });
export type ModelPage = z.infer<typeof modelPage>;

/** What the public portal shows of a published model: no personal data beyond the name. */
export const publicModelSchema = z.object({
  id: uuid,
  kind: z.enum(modelKinds),
  title: z.string(),
  /** The unit's name, or the individual's name. */
  holderName: z.string(),
  unitName: z.string(),
  story: z.string().nullable(),
  movementContent: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  year: z.number().int(),
  publishedAt: z.string(),
  /** Paths of the photos (public, no login). */
  photos: z.array(z.object({ id: uuid, caption: z.string().nullable(), width: z.number().int(), height: z.number().int(), url: z.string() })),
});
export type PublicModel = z.infer<typeof publicModelSchema>;
export const publicModelList = z.object({ communeName: z.string(), items: z.array(publicModelSchema) });
export type PublicModelList = z.infer<typeof publicModelList>;
