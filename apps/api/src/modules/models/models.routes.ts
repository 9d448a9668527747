import {
  communeParams,
  MODEL_PHOTO_MAX_BYTES,
  modelExportQuery,
  modelInput,
  modelListQuery,
  modelPage,
  modelParams,
  modelPhotoParams,
  modelPhotoUploadQuery,
  modelSchema,
  modelStepInput,
  modelUpdateInput,
  publicModelList,
  publicModelsQuery,
} from '@tds/contracts';
import type { FastifyReply } from 'fastify';
import { attachmentHeader } from '../../platform/attachment';
import { AppError } from '../../platform/errors';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { readUpload } from '../../platform/uploads';
import { createModel } from './create-model';
import { deleteModel } from './delete-model';
import { exportModelsDocx, exportModelsXlsx } from './export-models';
import { getModel } from './get-model';
import { listModels } from './list-models';
import { deleteModelPhoto, readModelPhoto, uploadModelPhoto } from './model-photos';
import { listPublicModels, readPublicModelPhoto } from './public-models';
import { stepModel } from './step-model';
import { updateModel } from './update-model';

const tags = ['models'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const send = (reply: FastifyReply, name: string, mime: string, content: Buffer) =>
  reply.header('content-type', mime).header('content-disposition', attachmentHeader(name)).send(content);
const image = (reply: FastifyReply, f: { mime: string; content: Buffer }, cache: string) =>
  reply.header('content-type', f.mime).header('cache-control', cache).header('x-content-type-options', 'nosniff').send(f.content);

/** Exemplary models: list, record, edit, publish, photos, the yearly list, and the public portal's read. */
export async function modelsRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/models';

  app.get(
    base,
    {
      config: { access: 'model.read' },
      schema: { tags, summary: 'Điển hình tiên tiến, mô hình hay', params: communeParams, querystring: modelListQuery, response: { 200: modelPage } },
    },
    async (req) => listModels({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );
  app.post(
    base,
    {
      config: { access: 'model.write' },
      schema: { tags, summary: 'Ghi nhận mô hình điển hình', params: communeParams, body: modelInput, response: { 201: modelSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createModel({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );
  app.get(
    `${base}/export.xlsx`,
    {
      config: { access: 'model.publish' },
      schema: { tags, summary: 'Danh sách điển hình của năm (Excel)', params: communeParams, querystring: modelExportQuery },
    },
    async (req, reply) =>
      send(
        reply,
        `Điển hình tiên tiến năm ${req.query.year}.xlsx`,
        XLSX,
        await exportModelsXlsx({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, year: req.query.year }),
      ),
  );
  app.get(
    `${base}/export.docx`,
    {
      config: { access: 'model.publish' },
      schema: { tags, summary: 'Danh sách điển hình của năm (phụ lục Word)', params: communeParams, querystring: modelExportQuery },
    },
    async (req, reply) =>
      send(
        reply,
        `Điển hình tiên tiến năm ${req.query.year}.docx`,
        DOCX,
        await exportModelsDocx({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, year: req.query.year }),
      ),
  );
  app.get(
    `${base}/:id`,
    { config: { access: 'model.read' }, schema: { tags, summary: 'Một mô hình điển hình', params: modelParams, response: { 200: modelSchema } } },
    async (req) => getModel({ db, actor: actorOf(req), communeId: req.params.communeId, id: req.params.id }),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'model.write' },
      schema: { tags, summary: 'Sửa mô hình (chưa công bố)', params: modelParams, body: modelUpdateInput, response: { 200: modelSchema } },
    },
    async (req) => updateModel({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, input: req.body }),
  );
  app.delete(
    `${base}/:id`,
    { config: { access: 'model.write' }, schema: { tags, summary: 'Xóa mô hình ghi nhầm (chưa công bố)', params: modelParams } },
    async (req, reply) => {
      await deleteModel({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id });
      return reply.status(204).send();
    },
  );
  for (const step of ['publish', 'unpublish'] as const)
    app.post(
      `${base}/:id/${step}`,
      {
        config: { access: 'model.publish' },
        schema: {
          tags,
          summary: step === 'publish' ? 'Công bố mô hình (cổng thông tin công khai)' : 'Thôi công bố mô hình',
          params: modelParams,
          body: modelStepInput,
          response: { 200: modelSchema },
        },
      },
      async (req) =>
        stepModel({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, step, version: req.body.version }),
    );
  app.post(
    `${base}/:id/photos`,
    {
      config: { access: 'model.write' },
      schema: {
        tags,
        summary: 'Thêm ảnh cho mô hình (JPEG, PNG, WebP; tối đa 3 MB, 4096 điểm ảnh mỗi cạnh)',
        params: modelParams,
        querystring: modelPhotoUploadQuery,
        response: { 201: modelSchema },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, {
        maxBytes: Math.min(deps.config.MAX_UPLOAD_BYTES, MODEL_PHOTO_MAX_BYTES),
        missing: 'Chưa chọn ảnh: hãy gửi ảnh trong trường "file".',
      });
      const model = await uploadModelPhoto({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        id: req.params.id,
        file,
        caption: req.query.caption,
      });
      return reply.status(201).send(model);
    },
  );
  app.get(
    `${base}/:id/photos/:photoId`,
    { config: { access: 'model.read' }, schema: { tags, summary: 'Tải ảnh của mô hình', params: modelPhotoParams } },
    async (req, reply) =>
      image(
        reply,
        await readModelPhoto({ db, actor: actorOf(req), communeId: req.params.communeId, id: req.params.id, photoId: req.params.photoId }),
        'private, max-age=86400, immutable',
      ),
  );
  app.delete(
    `${base}/:id/photos/:photoId`,
    { config: { access: 'model.write' }, schema: { tags, summary: 'Xóa ảnh của mô hình', params: modelPhotoParams, response: { 200: modelSchema } } },
    async (req) =>
      deleteModelPhoto({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, photoId: req.params.photoId }),
  );

  const limiter = windowLimiter(120, 60_000);
  app.get(
    '/api/public/communes/:communeId/models',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Mô hình điển hình đã công bố của xã (công khai, không cần đăng nhập)',
        params: communeParams,
        querystring: publicModelsQuery,
        response: { 200: publicModelList },
      },
    },
    async (req) => {
      limiter(req.ip);
      return listPublicModels({ db, communeId: req.params.communeId, year: req.query.year });
    },
  );
  app.get(
    '/api/public/communes/:communeId/models/:id/photos/:photoId',
    { config: { access: 'public' }, schema: { tags, summary: 'Ảnh của mô hình đã công bố (công khai)', params: modelPhotoParams } },
    async (req, reply) => {
      limiter(req.ip);
      return image(reply, await readPublicModelPhoto({ db, ...req.params }), 'public, max-age=3600');
    },
  );
}

/** At most `max` requests per `windowMs` from one address (the public portal's reads). */
function windowLimiter(max: number, windowMs: number) {
  const seen = new Map<string, { start: number; n: number }>();
  return (ip: string) => {
    const now = Date.now();
    const w = seen.get(ip);
    if (!w || now - w.start > windowMs) {
      if (seen.size > 10_000) seen.clear();
      seen.set(ip, { start: now, n: 1 });
      return;
    }
    if (++w.n > max) throw new AppError('TOO_MANY_REQUESTS', 'Quá nhiều yêu cầu. Vui lòng thử lại sau một phút.');
  };
}
