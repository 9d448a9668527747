import {
  communeParams,
  inspectionAnswerInput,
  inspectionConcludeInput,
  inspectionDetailSchema,
  inspectionExportQuery,
  inspectionFileParams,
  inspectionFileSchema,
  inspectionFindingInput,
  inspectionCancelInput,
  inspectionInput,
  inspectionListQuery,
  inspectionMemberCandidates,
  inspectionPage,
  inspectionParams,
  inspectionRecommendationParams,
  inspectionReturnInput,
  inspectionUpdateInput,
  inspectionVersionInput,
  todayVn,
} from '@tds/contracts';
import type { FastifyReply } from 'fastify';
import { attachmentHeader } from '../../platform/attachment';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { readUpload } from '../../platform/uploads';
import { answerRecommendation } from './answer-recommendation';
import { closeInspection } from './close-inspection';
import { concludeInspection } from './conclude-inspection';
import { createInspection } from './create-inspection';
import { downloadInspectionFile } from './download-inspection-file';
import { exportInspectionRecord } from './export-inspection-record';
import { exportInspections } from './export-inspections';
import { getInspection } from './get-inspection';
import { INSPECTION_FILE_MAX_BYTES } from './inspection-files';
import { inspectionMinutes } from './inspection-minutes';
import { listInspections } from './list-inspections';
import { listMemberCandidates } from './list-member-candidates';
import { recordFinding } from './record-finding';
import { reopenInspection } from './reopen-inspection';
import { cancelInspection } from './cancel-inspection';
import { reviewRecommendation } from './review-recommendation';
import { updateInspection } from './update-inspection';
import { uploadInspectionFile } from './upload-inspection-file';

const tags = ['inspections'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const send = (reply: FastifyReply, name: string, mime: string, content: Buffer) =>
  reply.header('content-type', mime).header('content-disposition', attachmentHeader(name)).send(content);
/** A file name from a title: no slashes or control characters, not too long. */
const fileTitle = (t: string) => t.replace(/[\\/:*?"<>|]+/gu, '-').slice(0, 80);

/** Kiểm tra, giám sát: visits, findings, recommendations, answers and follow-up. */
export async function inspectionsRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/inspections';
  const maxBytes = Math.min(deps.config.MAX_UPLOAD_BYTES, INSPECTION_FILE_MAX_BYTES);

  app.get(
    base,
    {
      config: { access: 'inspection.read' },
      schema: { tags, summary: 'Danh sách đợt kiểm tra', params: communeParams, querystring: inspectionListQuery, response: { 200: inspectionPage } },
    },
    async (req) => listInspections({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );
  app.post(
    base,
    {
      config: { access: 'inspection.manage' },
      schema: { tags, summary: 'Lên kế hoạch kiểm tra', params: communeParams, body: inspectionInput, response: { 201: inspectionDetailSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createInspection({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );
  app.get(
    `${base}/export.xlsx`,
    {
      config: { access: 'inspection.read' },
      schema: { tags, summary: 'Xuất danh sách đợt kiểm tra ra Excel', params: communeParams, querystring: inspectionExportQuery },
    },
    async (req, reply) =>
      send(
        reply,
        `Kiểm tra giám sát ${todayVn().split('-').reverse().join('-')}.xlsx`,
        XLSX,
        await exportInspections({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, query: req.query }),
      ),
  );
  app.get(
    `${base}/members`,
    {
      config: { access: 'inspection.manage' },
      schema: { tags, summary: 'Người có thể tham gia đoàn kiểm tra', params: communeParams, response: { 200: inspectionMemberCandidates } },
    },
    async (req) => listMemberCandidates({ db, actor: actorOf(req), communeId: req.params.communeId }),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'inspection.read' },
      schema: { tags, summary: 'Một đợt kiểm tra', params: inspectionParams, response: { 200: inspectionDetailSchema } },
    },
    async (req) => getInspection({ db, actor: actorOf(req), ...req.params }),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'inspection.manage' },
      schema: { tags, summary: 'Sửa kế hoạch kiểm tra', params: inspectionParams, body: inspectionUpdateInput, response: { 200: inspectionDetailSchema } },
    },
    async (req) => updateInspection({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );
  app.post(
    `${base}/:id/findings`,
    {
      config: { access: 'inspection.record' },
      schema: {
        tags,
        summary: 'Ghi kết quả kiểm tra và kiến nghị',
        params: inspectionParams,
        body: inspectionFindingInput,
        response: { 201: inspectionDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await recordFinding({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body })),
  );
  app.post(
    `${base}/:id/files`,
    {
      // Recorders on the visit and the units inspected (for their answers): the use-case decides.
      config: { access: 'inspection.read' },
      schema: {
        tags,
        summary: 'Tải lên tệp minh chứng (multipart `file`: .pdf, .docx, .doc, .odt, .xlsx, .jpg, .png)',
        params: inspectionParams,
        response: { 201: inspectionFileSchema },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, { maxBytes, missing: 'Chọn tệp minh chứng.' });
      return reply.status(201).send(await uploadInspectionFileRoute(req.params, file, actorOf(req), metaOf(req)));
    },
  );
  app.get(
    `${base}/:id/files/:fileId`,
    { config: { access: 'inspection.read' }, schema: { tags, summary: 'Tải về tệp minh chứng', params: inspectionFileParams } },
    async (req, reply) => {
      const f = await downloadInspectionFile({ db, actor: actorOf(req), ...req.params });
      return send(reply, f.name, f.mime, f.content);
    },
  );
  app.post(
    `${base}/:id/conclude`,
    {
      config: { access: 'inspection.manage' },
      schema: { tags, summary: 'Kết luận kiểm tra', params: inspectionParams, body: inspectionConcludeInput, response: { 200: inspectionDetailSchema } },
    },
    async (req) => concludeInspection({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );
  app.post(
    `${base}/:id/reopen`,
    {
      config: { access: 'inspection.manage' },
      schema: {
        tags,
        summary: 'Mở lại đợt kiểm tra đã kết luận',
        params: inspectionParams,
        body: inspectionVersionInput,
        response: { 200: inspectionDetailSchema },
      },
    },
    async (req) => reopenInspection({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, version: req.body.version }),
  );
  app.post(
    `${base}/:id/cancel`,
    {
      config: { access: 'inspection.manage' },
      schema: {
        tags,
        summary: 'Hủy đợt kiểm tra đã lên kế hoạch (chưa ghi kết quả)',
        params: inspectionParams,
        body: inspectionCancelInput,
        response: { 200: inspectionDetailSchema },
      },
    },
    async (req) => cancelInspection({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );
  app.post(
    `${base}/:id/close`,
    {
      config: { access: 'inspection.manage' },
      schema: { tags, summary: 'Đóng đợt kiểm tra', params: inspectionParams, body: inspectionVersionInput, response: { 200: inspectionDetailSchema } },
    },
    async (req) => closeInspection({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, version: req.body.version }),
  );
  app.get(
    `${base}/:id/record.xlsx`,
    { config: { access: 'inspection.read' }, schema: { tags, summary: 'Xuất hồ sơ đợt kiểm tra ra Excel', params: inspectionParams } },
    async (req, reply) => {
      const r = await exportInspectionRecord({ db, actor: actorOf(req), meta: metaOf(req), ...req.params });
      return send(reply, `Hồ sơ kiểm tra - ${fileTitle(r.title)}.xlsx`, XLSX, r.content);
    },
  );
  app.get(
    `${base}/:id/minutes.docx`,
    { config: { access: 'inspection.read' }, schema: { tags, summary: 'Biên bản kiểm tra (Word)', params: inspectionParams } },
    async (req, reply) => {
      const r = await inspectionMinutes({ db, actor: actorOf(req), meta: metaOf(req), ...req.params });
      return send(reply, `Biên bản kiểm tra - ${fileTitle(r.title)}.docx`, DOCX, r.content);
    },
  );
  app.post(
    `${base}/:id/recommendations/:recId/answer`,
    {
      config: { access: 'inspection.answer' },
      schema: {
        tags,
        summary: 'Đơn vị trả lời kiến nghị',
        params: inspectionRecommendationParams,
        body: inspectionAnswerInput,
        response: { 200: inspectionDetailSchema },
      },
    },
    async (req) => answerRecommendation({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );
  app.post(
    `${base}/:id/recommendations/:recId/close`,
    {
      config: { access: 'inspection.manage' },
      schema: {
        tags,
        summary: 'Đóng kiến nghị',
        params: inspectionRecommendationParams,
        body: inspectionVersionInput,
        response: { 200: inspectionDetailSchema },
      },
    },
    async (req) => reviewRecommendation({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, version: req.body.version, decision: 'close' }),
  );
  app.post(
    `${base}/:id/recommendations/:recId/return`,
    {
      config: { access: 'inspection.manage' },
      schema: {
        tags,
        summary: 'Trả lại kiến nghị cho đơn vị',
        params: inspectionRecommendationParams,
        body: inspectionReturnInput,
        response: { 200: inspectionDetailSchema },
      },
    },
    async (req) =>
      reviewRecommendation({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        ...req.params,
        version: req.body.version,
        decision: 'return',
        comment: req.body.comment,
      }),
  );

  function uploadInspectionFileRoute(
    params: { communeId: string; id: string },
    file: { filename: string; buffer: Buffer },
    actor: ReturnType<typeof actorOf>,
    meta: ReturnType<typeof metaOf>,
  ) {
    return uploadInspectionFile({ db, actor, meta, ...params, file, maxBytes });
  }
}
