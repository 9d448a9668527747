import {
  communeParams,
  dueItemParams,
  reportAcceptInput,
  reportDetail,
  reportDueItemPage,
  reportDueItemQuery,
  reportListQuery,
  reportPage,
  reportParams,
  reportReopenInput,
  reportReturnInput,
  reportSaveInput,
  reportSubmitInput,
  reportVersionList,
} from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { readUpload } from '../../platform/uploads';
import { acceptReport } from './accept-report';
import { getReport } from './get-report';
import { listDueItems } from './list-due-items';
import { listReportVersions } from './list-report-versions';
import { listReports } from './list-reports';
import { openReport } from './open-report';
import { reopenReport } from './reopen-report';
import { attachmentHeader } from '../../platform/attachment';
import { downloadReportFile } from './download-report-file';
import { returnReport } from './return-report';
import { saveReport } from './save-report';
import { submitReport } from './submit-report';
import { uploadReportFile } from './upload-report-file';

const tags = ['reports'];

/** Reports: cycles, drafts, submit, return, accept, reopen, unit plans. */
export async function reportsRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/reports';

  app.get(
    '/api/communes/:communeId/due-items',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'Việc phải nộp của các đơn vị, với trạng thái báo cáo (hoặc "chưa có")',
        params: communeParams,
        querystring: reportDueItemQuery,
        response: { 200: reportDueItemPage },
      },
    },
    async (req) => listDueItems({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.post(
    '/api/communes/:communeId/due-items/:dueItemId/report',
    {
      config: { access: 'report.write' },
      schema: { tags, summary: 'Mở báo cáo của một việc phải nộp (tạo dự thảo nếu chưa có)', params: dueItemParams, response: { 200: reportDetail } },
    },
    async (req) => openReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params }),
  );

  app.get(
    base,
    {
      config: { access: 'report.read' },
      schema: { tags, summary: 'Danh sách báo cáo (hàng chờ xem xét)', params: communeParams, querystring: reportListQuery, response: { 200: reportPage } },
    },
    async (req) => listReports({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'report.read' },
      schema: { tags, summary: 'Một báo cáo, với biểu mẫu chỉ tiêu', params: reportParams, response: { 200: reportDetail } },
    },
    async (req) => getReport({ db, actor: actorOf(req), ...req.params }),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: 'Lưu dự thảo (tự động lưu); 409 khi phiên bản đã cũ',
        params: reportParams,
        body: reportSaveInput,
        response: { 200: reportDetail },
      },
    },
    async (req) => saveReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );

  app.post(
    `${base}/:id/submit`,
    {
      config: { access: 'report.write' },
      schema: { tags, summary: 'Nộp báo cáo', params: reportParams, body: reportSubmitInput, response: { 200: reportDetail } },
    },
    async (req) => submitReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, version: req.body.version }),
  );

  app.post(
    `${base}/:id/return`,
    {
      config: { access: 'report.review' },
      schema: { tags, summary: 'Trả lại báo cáo kèm ý kiến', params: reportParams, body: reportReturnInput, response: { 200: reportDetail } },
    },
    async (req) => returnReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, ...req.body }),
  );

  app.post(
    `${base}/:id/accept`,
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Tiếp nhận báo cáo (khóa; số liệu vào tổng hợp)',
        params: reportParams,
        body: reportAcceptInput,
        response: { 200: reportDetail },
      },
    },
    async (req) => acceptReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, ...req.body }),
  );

  app.post(
    `${base}/:id/reopen`,
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Mở lại báo cáo đã tiếp nhận (ghi nhật ký, cần lý do)',
        params: reportParams,
        body: reportReopenInput,
        response: { 200: reportDetail },
      },
    },
    async (req) => reopenReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, ...req.body }),
  );

  app.get(
    `${base}/:id/versions`,
    {
      config: { access: 'report.read' },
      schema: { tags, summary: 'Các phiên bản của báo cáo', params: reportParams, response: { 200: reportVersionList } },
    },
    async (req) => listReportVersions({ db, actor: actorOf(req), ...req.params }),
  );

  app.post(
    `${base}/:id/file`,
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: 'Tải lên tệp kế hoạch của đơn vị (multipart `file`: .pdf, .docx, .doc, .odt)',
        params: reportParams,
        response: { 200: reportDetail },
      },
    },
    async (req) => {
      const file = await readUpload(req, { maxBytes: deps.config.MAX_UPLOAD_BYTES, missing: 'Chọn tệp kế hoạch.' });
      return uploadReportFile({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, file, maxBytes: deps.config.MAX_UPLOAD_BYTES });
    },
  );

  app.get(
    `${base}/:id/file`,
    {
      config: { access: 'report.read' },
      schema: { tags, summary: 'Tải về tệp kế hoạch của đơn vị', params: reportParams },
    },
    async (req, reply) => {
      const f = await downloadReportFile({ db, actor: actorOf(req), ...req.params });
      return reply.header('content-type', f.mime).header('content-disposition', attachmentHeader(f.name)).send(f.content);
    },
  );
}
