import { z } from 'zod';
import {
  awardKindSchema,
  calendar,
  calendarQuery,
  communeParams,
  planCreateInput,
  planDetail,
  planDoc,
  planImportResult,
  planListQuery,
  planPage,
  planParams,
  planTemplateQuery,
  planUpdateInput,
  provincePlanInput,
  provincePlanSchema,
  provincePlanUpdateInput,
  okResponse,
  uuid,
  planVersionDetail,
  planVersionParams,
  planVersionSummary,
  publishInput,
  publishResult,
} from '@tds/contracts';
import { AppError } from '../../platform/errors';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { attachmentHeader } from '../../platform/attachment';
import { readUpload, zipLimits } from '../../platform/uploads';
import { getCalendar } from './calendar';
import { importPlan, importTextInput } from './import-plan';
import { createPlan } from './create-plan';
import { getPlan } from './get-plan';
import { getPlanTemplate } from './get-plan-template';
import { getPlanVersion } from './get-plan-version';
import { listPlanVersions } from './list-plan-versions';
import { listPlans } from './list-plans';
import { updatePlan } from './update-plan';
import { printPlan, type PrintKind } from './print-plan';
import { createProvincePlan } from './create-province-plan';
import { deleteProvincePlan } from './delete-province-plan';
import { listProvincePlans } from './list-province-plans';
import { updateProvincePlan } from './update-province-plan';
import { publishPlan } from './publish-plan';
import { listAwardKinds } from './award-kinds';

const tags = ['plans'];
const printQuery = z.strictObject({ draft: z.enum(['true', 'false']).default('false') });

/** Plans: template, import, versions, publishing into the calendar, printing. */
export async function plansRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/plans';

  app.get(
    '/api/plan-template',
    {
      config: { access: 'plan.read' },
      schema: { tags, summary: 'Kế hoạch mẫu toàn quốc, điền sẵn cho xã/phường', querystring: planTemplateQuery, response: { 200: planDoc } },
    },
    async (req) => getPlanTemplate({ db, actor: actorOf(req), communeId: req.query.communeId }),
  );

  app.get(
    base,
    {
      config: { access: 'plan.read' },
      schema: { tags, summary: 'Danh sách kế hoạch', params: communeParams, querystring: planListQuery, response: { 200: planPage } },
    },
    async (req) => listPlans({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.post(
    `${base}/import`,
    {
      config: { access: 'plan.write' },
      // Pasted text of up to 500,000 characters is up to 1.5 MB of UTF-8 (more with JSON escapes).
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Đọc kế hoạch từ tệp (.docx, .pdf, .txt, .md; multipart `file`) hoặc văn bản dán vào (JSON { text }); không lưu',
        params: communeParams,
        response: { 200: planImportResult },
      },
    },
    async (req) => {
      const common = {
        actor: actorOf(req),
        communeId: req.params.communeId,
        workers: deps.workers,
        zip: zipLimits(deps.config),
        maxBytes: deps.config.MAX_UPLOAD_BYTES,
      };
      if (req.isMultipart())
        return importPlan({ ...common, file: await readUpload(req, { maxBytes: deps.config.MAX_UPLOAD_BYTES, missing: 'Chọn tệp kế hoạch.' }) });
      const body = importTextInput.safeParse(req.body);
      if (!body.success) {
        const issue = body.error.issues[0];
        throw new AppError(
          'VALIDATION_FAILED',
          issue?.message,
          body.error.issues.map((i) => ({ field: i.path.join('.') || 'text', message: i.message })),
        );
      }
      return importPlan({ ...common, text: body.data.text });
    },
  );

  app.post(
    base,
    {
      config: { access: 'plan.write' },
      schema: { tags, summary: 'Tạo kế hoạch (dự thảo)', params: communeParams, body: planCreateInput, response: { 201: planDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await createPlan({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'plan.read' },
      schema: { tags, summary: 'Một kế hoạch', params: planParams, response: { 200: planDetail } },
    },
    async (req) => getPlan({ db, actor: actorOf(req), ...req.params }),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { access: 'plan.write' },
      schema: { tags, summary: 'Lưu phiên bản mới của kế hoạch', params: planParams, body: planUpdateInput, response: { 200: planDetail } },
    },
    async (req) => updatePlan({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );

  app.get(
    `${base}/:id/versions`,
    {
      config: { access: 'plan.read' },
      schema: { tags, summary: 'Lịch sử phiên bản', params: planParams, response: { 200: z.object({ items: z.array(planVersionSummary) }) } },
    },
    async (req) => listPlanVersions({ db, actor: actorOf(req), ...req.params }),
  );

  app.get(
    `${base}/:id/versions/:version`,
    {
      config: { access: 'plan.read' },
      schema: { tags, summary: 'Một phiên bản cũ', params: planVersionParams, response: { 200: planVersionDetail } },
    },
    async (req) => getPlanVersion({ db, actor: actorOf(req), ...req.params }),
  );

  app.post(
    `${base}/:id/publish`,
    {
      config: { access: 'plan.publish' },
      schema: { tags, summary: 'Ban hành (hoặc xem trước thay đổi lịch khi dryRun)', params: planParams, body: publishInput, response: { 200: publishResult } },
    },
    async (req) => publishPlan({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );

  for (const [kind, format] of [
    ['document', 'docx'],
    ['decision', 'docx'],
    ['document', 'html'],
    ['decision', 'html'],
  ] as const) {
    app.get(
      `${base}/:id/${kind}.${format}`,
      {
        config: { access: 'plan.read' },
        schema: {
          tags,
          summary: `${kind === 'document' ? 'Kế hoạch' : 'Quyết định ban hành'} (${format === 'docx' ? 'Word' : 'HTML để in'}) theo Nghị định 30/2020`,
          params: planParams,
          querystring: printQuery,
        },
      },
      async (req, reply) => {
        const out = await printPlan({ db, actor: actorOf(req), ...req.params, kind: kind as PrintKind, format, draft: req.query.draft === 'true' });
        reply.header('content-type', out.type);
        if (format === 'docx') reply.header('content-disposition', attachmentHeader(out.name));
        return reply.send(out.body);
      },
    );
  }

  app.get(
    '/api/award-kinds',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'Danh mục hình thức khen thưởng và danh hiệu thi đua (toàn quốc)',
        response: { 200: z.object({ items: z.array(awardKindSchema) }) },
      },
    },
    async (req) => listAwardKinds({ db, actor: actorOf(req) }),
  );

  app.get(
    '/api/province-plans',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'Kế hoạch cấp tỉnh/thành phố mà các xã thực hiện',
        querystring: z.strictObject({ provinceId: uuid }),
        response: { 200: z.object({ items: z.array(provincePlanSchema) }) },
      },
    },
    async (req) => listProvincePlans({ db, actor: actorOf(req), provinceId: req.query.provinceId }),
  );

  app.post(
    '/api/province-plans',
    {
      config: { access: 'province_plan.write' },
      schema: { tags, summary: 'Nhập một kế hoạch cấp tỉnh/thành phố (cán bộ tỉnh)', body: provincePlanInput, response: { 201: provincePlanSchema } },
    },
    async (req, reply) => reply.status(201).send(await createProvincePlan({ db, actor: actorOf(req), meta: metaOf(req), input: req.body })),
  );

  app.patch(
    '/api/province-plans/:id',
    {
      config: { access: 'province_plan.write' },
      schema: {
        tags,
        summary: 'Sửa một kế hoạch cấp tỉnh/thành phố',
        params: z.strictObject({ id: uuid }),
        body: provincePlanUpdateInput,
        response: { 200: provincePlanSchema },
      },
    },
    async (req) => updateProvincePlan({ db, actor: actorOf(req), meta: metaOf(req), id: req.params.id, input: req.body }),
  );

  app.delete(
    '/api/province-plans/:id',
    {
      config: { access: 'province_plan.write' },
      schema: {
        tags,
        summary: 'Xóa một kế hoạch cấp tỉnh/thành phố chưa được kế hoạch xã nào dẫn chiếu',
        params: z.strictObject({ id: uuid }),
        response: { 200: okResponse },
      },
    },
    async (req) => deleteProvincePlan({ db, actor: actorOf(req), meta: metaOf(req), id: req.params.id }),
  );

  app.get(
    '/api/communes/:communeId/calendar',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'Lịch của xã: hạn nộp, giai đoạn, sơ kết, tổng kết',
        params: communeParams,
        querystring: calendarQuery,
        response: { 200: calendar },
      },
    },
    async (req) => getCalendar({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );
}
