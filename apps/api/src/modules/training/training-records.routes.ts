import {
  communeParams,
  coverageQuery,
  formatDateVi,
  helpExportQuery,
  SESSION_PHOTO_MAX_BYTES,
  sessionExportQuery,
  sessionPhotoList,
  sessionPhotoParams,
  sessionPhotoSchema,
  sessionPhotoUploadQuery,
  todayVn,
  trainingBreakdownQuery,
  trainingBreakdownSchema,
  trainingParams,
} from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { readUpload } from '../../platform/uploads';
import { deleteSessionPhoto } from './delete-session-photo';
import { exportBreakdown, exportVillageCoverage } from './export-coverage';
import { exportHelp } from './export-help';
import { exportSessions } from './export-sessions';
import { exportTeams } from './export-teams';
import { getCoverageBreakdown } from './get-coverage-breakdown';
import { listSessionPhotos, readSessionPhoto } from './session-photos';
import { uploadSessionPhoto } from './upload-session-photo';
import { sendXlsx } from './training-http';

const tags = ['training'];
/** "Buổi hướng dẫn 03-12-2026.xlsx": the list's name and today's date (Vietnam). */
const dated = (name: string) => `${name} ${formatDateVi(todayVn()).replaceAll('/', '-')}.xlsx`;

/** Session photos, the completions breakdown, and the Excel exports of the module's lists. */
export async function trainingRecordRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/training';

  app.get(
    `${base}/sessions/:id/photos`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Ảnh của buổi hướng dẫn', params: trainingParams, response: { 200: sessionPhotoList } },
    },
    async (req) => listSessionPhotos({ db, actor: actorOf(req), communeId: req.params.communeId, sessionId: req.params.id }),
  );
  app.post(
    `${base}/sessions/:id/photos`,
    {
      config: { access: 'training.record' },
      schema: {
        tags,
        summary: 'Thêm ảnh cho buổi hướng dẫn (JPEG, PNG, WebP; tối đa 3 MB, 4096 điểm ảnh mỗi cạnh)',
        params: trainingParams,
        querystring: sessionPhotoUploadQuery,
        response: { 201: sessionPhotoSchema },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, {
        maxBytes: Math.min(deps.config.MAX_UPLOAD_BYTES, SESSION_PHOTO_MAX_BYTES),
        missing: 'Chưa chọn ảnh: hãy gửi ảnh trong trường "file".',
      });
      const photo = await uploadSessionPhoto({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        sessionId: req.params.id,
        file,
        caption: req.query.caption,
      });
      return reply.status(201).send(photo);
    },
  );
  app.get(
    `${base}/sessions/:id/photos/:photoId/image`,
    { config: { access: 'training.record' }, schema: { tags, summary: 'Tải ảnh của buổi hướng dẫn', params: sessionPhotoParams } },
    async (req, reply) => {
      const f = await readSessionPhoto({
        db,
        actor: actorOf(req),
        communeId: req.params.communeId,
        sessionId: req.params.id,
        photoId: req.params.photoId,
      });
      // A photo never changes (a new one has a new id): the browser keeps it, no shared cache does.
      return reply
        .header('content-type', f.mime)
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(f.content);
    },
  );
  app.delete(
    `${base}/sessions/:id/photos/:photoId`,
    { config: { access: 'training.record' }, schema: { tags, summary: 'Xóa ảnh của buổi hướng dẫn', params: sessionPhotoParams } },
    async (req, reply) => {
      await deleteSessionPhoto({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        sessionId: req.params.id,
        photoId: req.params.photoId,
      });
      return reply.status(204).send();
    },
  );

  app.get(
    `${base}/coverage/breakdown`,
    {
      config: { access: 'training.read' },
      schema: {
        tags,
        summary: 'Số người hoàn thành từng học phần theo nhóm đối tượng, độ tuổi, giới tính',
        params: communeParams,
        querystring: trainingBreakdownQuery,
        response: { 200: trainingBreakdownSchema },
      },
    },
    async (req) => getCoverageBreakdown({ db, actor: actorOf(req), communeId: req.params.communeId, year: req.query.year, villageId: req.query.villageId }),
  );

  // ---- Excel exports of the lists ----
  app.get(
    `${base}/sessions/export.xlsx`,
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Xuất danh sách buổi hướng dẫn ra Excel', params: communeParams, querystring: sessionExportQuery },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        dated('Buổi hướng dẫn'),
        await exportSessions({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, query: req.query }),
      ),
  );
  app.get(
    `${base}/help/export.xlsx`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Xuất sổ hỗ trợ người dân ra Excel', params: communeParams, querystring: helpExportQuery },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        dated('Hỗ trợ người dân'),
        await exportHelp({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, query: req.query }),
      ),
  );
  app.get(
    `${base}/teams/export.xlsx`,
    { config: { access: 'training.read' }, schema: { tags, summary: 'Xuất danh sách Tổ công nghệ số cộng đồng ra Excel', params: communeParams } },
    async (req, reply) =>
      sendXlsx(reply, dated('Tổ công nghệ số cộng đồng'), await exportTeams({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId })),
  );
  app.get(
    `${base}/coverage/villages.xlsx`,
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Xuất độ bao phủ kỹ năng số theo thôn ra Excel', params: communeParams, querystring: coverageQuery },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        `Độ bao phủ kỹ năng số theo thôn năm ${req.query.year}.xlsx`,
        await exportVillageCoverage({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, year: req.query.year }),
      ),
  );
  app.get(
    `${base}/coverage/breakdown.xlsx`,
    {
      config: { access: 'training.read' },
      schema: {
        tags,
        summary: 'Xuất số người hoàn thành học phần theo nhóm, độ tuổi, giới tính ra Excel',
        params: communeParams,
        querystring: trainingBreakdownQuery,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        `Hoàn thành học phần năm ${req.query.year}.xlsx`,
        await exportBreakdown({
          db,
          actor: actorOf(req),
          meta: metaOf(req),
          communeId: req.params.communeId,
          year: req.query.year,
          villageId: req.query.villageId,
        }),
      ),
  );
}
