import {
  communeParams,
  formatDateVi,
  INITIATIVE_FILE_MAX_BYTES,
  initiativeExportQuery,
  initiativeFileParams,
  initiativeInput,
  initiativeListQuery,
  initiativePage,
  initiativeParams,
  initiativeSchema,
  initiativeUpdateInput,
  recognitionInput,
  recognitionParams,
  todayVn,
} from '@tds/contracts';
import { attachmentHeader } from '../../platform/attachment';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { readUpload } from '../../platform/uploads';
import { createInitiative } from './create-initiative';
import { deleteInitiative } from './delete-initiative';
import { deleteRecognition } from './delete-recognition';
import { exportInitiatives } from './export-initiatives';
import { getInitiative } from './get-initiative';
import { deleteInitiativeFile, readInitiativeFile, uploadInitiativeFile } from './initiative-files';
import { listInitiatives } from './list-initiatives';
import { recognizeInitiative } from './recognize-initiative';
import { updateInitiative } from './update-initiative';

const tags = ['initiatives'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The register of initiatives: list, export, register, edit, remove, recognitions and attachments. */
export async function initiativesRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/initiatives';

  app.get(
    base,
    {
      config: { access: 'initiative.read' },
      schema: {
        tags,
        summary: 'Danh sách sáng kiến (tìm không dấu; lọc theo năm, đơn vị, tác giả, lĩnh vực, đã công nhận)',
        params: communeParams,
        querystring: initiativeListQuery,
        response: { 200: initiativePage },
      },
    },
    async (req) => listInitiatives({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );
  app.post(
    base,
    {
      config: { access: 'initiative.write' },
      schema: { tags, summary: 'Đăng ký sáng kiến', params: communeParams, body: initiativeInput, response: { 201: initiativeSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createInitiative({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );
  app.get(
    `${base}/export.xlsx`,
    {
      config: { access: 'initiative.read' },
      schema: { tags, summary: 'Xuất danh sách sáng kiến ra Excel', params: communeParams, querystring: initiativeExportQuery },
    },
    async (req, reply) => {
      const content = await exportInitiatives({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, query: req.query });
      const name = `Sáng kiến${req.query.year ? ` năm ${req.query.year}` : ''} ${formatDateVi(todayVn()).replaceAll('/', '-')}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(name)).send(content);
    },
  );
  app.get(
    `${base}/:id`,
    { config: { access: 'initiative.read' }, schema: { tags, summary: 'Một sáng kiến', params: initiativeParams, response: { 200: initiativeSchema } } },
    async (req) => getInitiative({ db, actor: actorOf(req), communeId: req.params.communeId, id: req.params.id }),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'initiative.write' },
      schema: { tags, summary: 'Sửa sáng kiến', params: initiativeParams, body: initiativeUpdateInput, response: { 200: initiativeSchema } },
    },
    async (req) => updateInitiative({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, input: req.body }),
  );
  app.delete(
    `${base}/:id`,
    { config: { access: 'initiative.write' }, schema: { tags, summary: 'Xóa sáng kiến đăng ký nhầm (chưa được công nhận)', params: initiativeParams } },
    async (req, reply) => {
      await deleteInitiative({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id });
      return reply.status(204).send();
    },
  );
  app.post(
    `${base}/:id/recognitions`,
    {
      config: { access: 'initiative.recognize' },
      schema: {
        tags,
        summary: 'Ghi nhận quyết định công nhận hoặc xác nhận hiệu quả',
        params: initiativeParams,
        body: recognitionInput,
        response: { 201: initiativeSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recognizeInitiative({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, input: req.body })),
  );
  app.delete(
    `${base}/:id/recognitions/:recognitionId`,
    {
      config: { access: 'initiative.recognize' },
      schema: { tags, summary: 'Xóa văn bản công nhận ghi nhầm', params: recognitionParams, response: { 200: initiativeSchema } },
    },
    async (req) =>
      deleteRecognition({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        id: req.params.id,
        recognitionId: req.params.recognitionId,
      }),
  );
  app.post(
    `${base}/:id/files`,
    {
      config: { access: 'initiative.write' },
      schema: {
        tags,
        summary: 'Đính kèm tệp (PDF, Word, Excel, ảnh; tối đa 10 MB)',
        params: initiativeParams,
        response: { 201: initiativeSchema },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, {
        maxBytes: Math.min(deps.config.MAX_UPLOAD_BYTES, INITIATIVE_FILE_MAX_BYTES),
        missing: 'Chưa chọn tệp đính kèm: hãy gửi tệp trong trường "file".',
      });
      return reply
        .status(201)
        .send(await uploadInitiativeFile({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, file }));
    },
  );
  app.get(
    `${base}/:id/files/:fileId`,
    { config: { access: 'initiative.read' }, schema: { tags, summary: 'Tải tệp đính kèm', params: initiativeFileParams } },
    async (req, reply) => {
      const f = await readInitiativeFile({ db, actor: actorOf(req), communeId: req.params.communeId, id: req.params.id, fileId: req.params.fileId });
      return reply
        .header('content-type', f.mime)
        .header('content-disposition', attachmentHeader(f.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(f.content);
    },
  );
  app.delete(
    `${base}/:id/files/:fileId`,
    {
      config: { access: 'initiative.write' },
      schema: { tags, summary: 'Xóa tệp đính kèm', params: initiativeFileParams, response: { 200: initiativeSchema } },
    },
    async (req) =>
      deleteInitiativeFile({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, fileId: req.params.fileId }),
  );
}
