import { z } from 'zod';
import {
  assessmentInput,
  assessmentSchema,
  assessmentStepInput,
  councilScoreInput,
  councilScoreSchema,
  provinceLeagueSchema,
  rankingSchema,
  recuseInput,
  resultSchema,
  rubricDraftQuery,
  rubricInput,
  rubricListQuery,
  rubricPage,
  rubricSchema,
  rubricUpdateInput,
  scoringProgressSchema,
  scoringTemplateInput,
  scoringTemplateList,
  scoringTemplateSchema,
  queryYear,
  clockNow,
  SCORING_FILE_MAX_BYTES,
  scoringFileSchema,
} from '@tds/contracts';
import type { FastifyReply } from 'fastify';
import { attachmentHeader } from '../../platform/attachment';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { readUpload } from '../../platform/uploads';
import { createRubric } from './create-rubric';
import { draftRubricFromPlan } from './draft-rubric-from-plan';
import { deleteEvidenceFile, readEvidenceFile, uploadEvidenceFile } from './evidence-files';
import { exportScoresheet } from './export-scoresheet';
import { getAssessment } from './get-assessment';
import { getCouncilScore } from './get-council-score';
import { getProvinceLeague } from './get-province-league';
import { getRanking, getResult } from './get-ranking';
import { getRubric } from './get-rubric';
import { getScoringProgress } from './get-scoring-progress';
import { listRubrics } from './list-rubrics';
import { stepAssessment } from './save-assessment';
import { stepCouncilScore } from './step-council-score';
import { stepRubric } from './step-rubric';
import { createProvinceTemplate, listCommuneTemplates, listProvinceTemplates } from './scoring-templates';
import { updateRubric } from './update-rubric';

const tags = ['scoring'];
const id = z.uuid({ error: 'Mã định danh không hợp lệ.' });
const communeParams = z.strictObject({ communeId: id });
const rubricParams = z.strictObject({ communeId: id, id });
const unitParams = z.strictObject({ communeId: id, id, unitId: id });
const fileParams = z.strictObject({ communeId: id, id, unitId: id, fileId: z.uuid({ error: 'Mã tệp minh chứng không hợp lệ.' }) });
const provinceParams = z.strictObject({ provinceId: id });
const sendFile = (reply: FastifyReply, name: string, type: string, body: Buffer) =>
  reply.header('content-type', type).header('content-disposition', attachmentHeader(name)).send(body);
const versionInput = z.strictObject({ version: z.number().int().min(1) });
/** A sheet may be submitted without a draft saved first (a rubric scored only from reports): version 0. */
const sheetVersionInput = z.strictObject({ version: z.number().int().min(0) });

/** Chấm điểm thi đua: rubrics, self-assessments, the council's sealed scores, results, scoresheets, the province's league and templates. */
export async function scoringRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/scoring';

  app.get(
    `${base}/rubrics`,
    {
      config: { access: 'scoring.read' },
      schema: { tags, summary: 'Các bảng tiêu chí chấm điểm', params: communeParams, querystring: rubricListQuery, response: { 200: rubricPage } },
    },
    async (req) => listRubrics({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );
  app.post(
    `${base}/rubrics`,
    {
      config: { access: 'scoring.manage' },
      schema: { tags, summary: 'Lập bảng tiêu chí chấm điểm', params: communeParams, body: rubricInput, response: { 201: rubricSchema } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createRubric({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body, now: clockNow() })),
  );
  app.get(
    `${base}/rubric-draft`,
    {
      config: { access: 'scoring.manage' },
      schema: {
        tags,
        summary: 'Đề xuất bảng tiêu chí từ nhóm đối tượng của kế hoạch',
        params: communeParams,
        querystring: rubricDraftQuery,
        response: { 200: rubricInput },
      },
    },
    async (req) => draftRubricFromPlan({ db, actor: actorOf(req), communeId: req.params.communeId, ...req.query, now: clockNow() }),
  );
  app.get(
    `${base}/templates`,
    {
      config: { access: 'scoring.manage' },
      schema: { tags, summary: 'Bộ tiêu chí mẫu của tỉnh', params: communeParams, response: { 200: scoringTemplateList } },
    },
    async (req) => listCommuneTemplates({ db, actor: actorOf(req), communeId: req.params.communeId }),
  );
  app.get(
    `${base}/rubrics/:id`,
    { config: { access: 'scoring.read' }, schema: { tags, summary: 'Một bảng tiêu chí', params: rubricParams, response: { 200: rubricSchema } } },
    async (req) => getRubric({ db, actor: actorOf(req), communeId: req.params.communeId, id: req.params.id }),
  );
  app.put(
    `${base}/rubrics/:id`,
    {
      config: { access: 'scoring.manage' },
      schema: { tags, summary: 'Sửa bảng tiêu chí (đang soạn)', params: rubricParams, body: rubricUpdateInput, response: { 200: rubricSchema } },
    },
    async (req) =>
      updateRubric({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, input: req.body, now: clockNow() }),
  );
  for (const transition of ['open', 'close', 'publish'] as const)
    app.post(
      `${base}/rubrics/:id/${transition}`,
      {
        config: { access: 'scoring.manage' },
        schema: { tags, summary: `Bảng tiêu chí: ${transition}`, params: rubricParams, body: versionInput, response: { 200: rubricSchema } },
      },
      async (req) =>
        stepRubric({
          db,
          actor: actorOf(req),
          meta: metaOf(req),
          communeId: req.params.communeId,
          id: req.params.id,
          transition,
          version: req.body.version,
          now: clockNow(),
        }),
    );
  app.get(
    `${base}/rubrics/:id/progress`,
    {
      config: { access: 'scoring.read' },
      schema: { tags, summary: 'Tiến độ tự chấm và chấm điểm của Hội đồng', params: rubricParams, response: { 200: scoringProgressSchema } },
    },
    async (req) => getScoringProgress({ db, actor: actorOf(req), communeId: req.params.communeId, rubricId: req.params.id }),
  );
  app.get(
    `${base}/rubrics/:id/ranking`,
    { config: { access: 'scoring.read' }, schema: { tags, summary: 'Xếp hạng', params: rubricParams, response: { 200: rankingSchema } } },
    async (req) => getRanking({ db, actor: actorOf(req), communeId: req.params.communeId, rubricId: req.params.id }),
  );
  for (const format of ['xlsx', 'docx'] as const)
    app.get(
      `${base}/rubrics/:id/scoresheet.${format}`,
      {
        config: { access: 'scoring.read' },
        schema: { tags, summary: `Bảng điểm (${format === 'xlsx' ? 'Excel' : 'Word, phụ lục theo Nghị định 30'})`, params: rubricParams },
      },
      async (req, reply) => {
        const f = await exportScoresheet({ db, actor: actorOf(req), communeId: req.params.communeId, rubricId: req.params.id, format, now: clockNow() });
        return sendFile(reply, f.name, f.type, f.body);
      },
    );
  app.get(
    `${base}/rubrics/:id/results/:unitId`,
    { config: { access: 'scoring.read' }, schema: { tags, summary: 'Bảng điểm của một đơn vị', params: unitParams, response: { 200: resultSchema } } },
    async (req) => getResult({ db, actor: actorOf(req), communeId: req.params.communeId, rubricId: req.params.id, unitId: req.params.unitId }),
  );

  app.get(
    `${base}/rubrics/:id/assessments/:unitId`,
    { config: { access: 'scoring.read' }, schema: { tags, summary: 'Bản tự chấm của đơn vị', params: unitParams, response: { 200: assessmentSchema } } },
    async (req) => getAssessment({ db, actor: actorOf(req), communeId: req.params.communeId, rubricId: req.params.id, unitId: req.params.unitId }),
  );
  app.put(
    `${base}/rubrics/:id/assessments/:unitId`,
    {
      config: { access: 'scoring.assess' },
      schema: { tags, summary: 'Lưu bản tự chấm', params: unitParams, body: assessmentInput, response: { 200: assessmentSchema } },
    },
    async (req) =>
      stepAssessment({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        rubricId: req.params.id,
        unitId: req.params.unitId,
        transition: 'save',
        version: req.body.version,
        items: req.body.items,
        now: clockNow(),
      }),
  );
  for (const transition of ['submit', 'return'] as const)
    app.post(
      `${base}/rubrics/:id/assessments/:unitId/${transition}`,
      {
        config: { access: transition === 'submit' ? 'scoring.assess' : 'scoring.manage' },
        schema: {
          tags,
          summary: transition === 'submit' ? 'Gửi bản tự chấm' : 'Trả lại bản tự chấm',
          params: unitParams,
          body: assessmentStepInput,
          response: { 200: assessmentSchema },
        },
      },
      async (req) =>
        stepAssessment({
          db,
          actor: actorOf(req),
          meta: metaOf(req),
          communeId: req.params.communeId,
          rubricId: req.params.id,
          unitId: req.params.unitId,
          transition,
          version: req.body.version,
          comment: req.body.comment ?? null,
          now: clockNow(),
        }),
    );

  app.post(
    `${base}/rubrics/:id/assessments/:unitId/files`,
    {
      config: { access: 'scoring.assess' },
      schema: {
        tags,
        summary: 'Tải lên tệp minh chứng của bản tự chấm (PDF, Word, Excel, ODT, ảnh; tối đa 10 MB)',
        params: unitParams,
        response: { 201: scoringFileSchema },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, {
        maxBytes: Math.min(deps.config.MAX_UPLOAD_BYTES, SCORING_FILE_MAX_BYTES),
        missing: 'Chưa chọn tệp minh chứng: hãy gửi tệp trong trường "file".',
      });
      return reply.status(201).send(
        await uploadEvidenceFile({
          db,
          actor: actorOf(req),
          meta: metaOf(req),
          communeId: req.params.communeId,
          rubricId: req.params.id,
          unitId: req.params.unitId,
          file,
          now: clockNow(),
        }),
      );
    },
  );
  app.get(
    `${base}/rubrics/:id/assessments/:unitId/files/:fileId`,
    { config: { access: 'scoring.read' }, schema: { tags, summary: 'Tải tệp minh chứng của bản tự chấm', params: fileParams } },
    async (req, reply) => {
      const { communeId, id: rubricId, unitId, fileId } = req.params;
      const f = await readEvidenceFile({ db, actor: actorOf(req), communeId, rubricId, unitId, fileId });
      return sendFile(reply.header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store'), f.name, f.mime, f.content);
    },
  );
  app.delete(
    `${base}/rubrics/:id/assessments/:unitId/files/:fileId`,
    { config: { access: 'scoring.assess' }, schema: { tags, summary: 'Xóa tệp minh chứng của bản tự chấm', params: fileParams } },
    async (req, reply) => {
      const { communeId, id: rubricId, unitId, fileId } = req.params;
      await deleteEvidenceFile({ db, actor: actorOf(req), meta: metaOf(req), communeId, rubricId, unitId, fileId });
      return reply.status(204).send();
    },
  );

  app.get(
    `${base}/rubrics/:id/scores/:unitId`,
    {
      config: { access: 'scoring.score' },
      schema: { tags, summary: 'Phiếu chấm của tôi cho một đơn vị', params: unitParams, response: { 200: councilScoreSchema } },
    },
    async (req) => getCouncilScore({ db, actor: actorOf(req), communeId: req.params.communeId, rubricId: req.params.id, unitId: req.params.unitId }),
  );
  app.put(
    `${base}/rubrics/:id/scores/:unitId`,
    {
      config: { access: 'scoring.score' },
      schema: { tags, summary: 'Lưu phiếu chấm', params: unitParams, body: councilScoreInput, response: { 200: councilScoreSchema } },
    },
    async (req) =>
      stepCouncilScore({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        rubricId: req.params.id,
        unitId: req.params.unitId,
        transition: 'save',
        version: req.body.version,
        items: req.body.items,
        note: req.body.note ?? null,
        now: clockNow(),
      }),
  );
  app.post(
    `${base}/rubrics/:id/scores/:unitId/submit`,
    {
      config: { access: 'scoring.score' },
      schema: { tags, summary: 'Nộp phiếu chấm', params: unitParams, body: sheetVersionInput, response: { 200: councilScoreSchema } },
    },
    async (req) =>
      stepCouncilScore({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        rubricId: req.params.id,
        unitId: req.params.unitId,
        transition: 'submit',
        version: req.body.version,
        now: clockNow(),
      }),
  );
  app.post(
    `${base}/rubrics/:id/scores/:unitId/recuse`,
    {
      config: { access: 'scoring.score' },
      schema: { tags, summary: 'Khai báo xung đột lợi ích', params: unitParams, body: recuseInput, response: { 200: councilScoreSchema } },
    },
    async (req) =>
      stepCouncilScore({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        rubricId: req.params.id,
        unitId: req.params.unitId,
        transition: 'recuse',
        version: 0,
        reason: req.body.reason,
        now: clockNow(),
      }),
  );

  app.get(
    '/api/provinces/:provinceId/scoring/league',
    {
      config: { access: 'scoring.read' },
      schema: {
        tags,
        summary: 'Xếp hạng các xã, phường của tỉnh',
        params: provinceParams,
        querystring: z.strictObject({ year: queryYear }),
        response: { 200: provinceLeagueSchema },
      },
    },
    async (req) => getProvinceLeague({ db, actor: actorOf(req), provinceId: req.params.provinceId, year: req.query.year }),
  );
  app.get(
    '/api/provinces/:provinceId/scoring/templates',
    {
      config: { access: 'scoring.template' },
      schema: { tags, summary: 'Bộ tiêu chí mẫu của tỉnh', params: provinceParams, response: { 200: scoringTemplateList } },
    },
    async (req) => listProvinceTemplates({ db, actor: actorOf(req), provinceId: req.params.provinceId }),
  );
  app.post(
    '/api/provinces/:provinceId/scoring/templates',
    {
      config: { access: 'scoring.template' },
      schema: { tags, summary: 'Thêm bộ tiêu chí mẫu của tỉnh', params: provinceParams, body: scoringTemplateInput, response: { 201: scoringTemplateSchema } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await createProvinceTemplate({ db, actor: actorOf(req), meta: metaOf(req), provinceId: req.params.provinceId, input: req.body, now: clockNow() }),
        ),
  );
}
