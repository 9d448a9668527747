import {
  communeParams,
  communeReportAcceptInput,
  communeReportDetail,
  communeReportListQuery,
  communeReportPage,
  communeReportParams,
  communeReportReturnInput,
  communeReportSaveInput,
  communeReportVersionInput,
  provinceCommuneReportPage,
  provinceCommuneReportParams,
  provinceCommuneReportQuery,
  provinceParamsForReports,
} from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { acceptCommuneReport } from './accept-commune-report';
import { getCommuneReport } from './get-commune-report';
import { getProvinceCommuneReport } from './get-province-commune-report';
import { listCommuneReports } from './list-commune-reports';
import { listProvinceCommuneReports } from './list-province-commune-reports';
import { prepareCommuneReport } from './prepare-commune-report';
import { returnCommuneReport } from './return-commune-report';
import { saveCommuneReport } from './save-commune-report';
import { submitCommuneReport } from './submit-commune-report';

const tags = ['commune-reports'];

/** The commune's reports to its province: the commune prepares and submits, the province receives or returns. */
export async function communeReportsRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/commune-reports';
  const province = '/api/provinces/:provinceId/commune-reports';

  app.get(
    base,
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'Báo cáo của xã gửi tỉnh: các kỳ phải nộp (hằng năm, sơ kết, tổng kết) và trạng thái',
        params: communeParams,
        querystring: communeReportListQuery,
        response: { 200: communeReportPage },
      },
    },
    async (req) => listCommuneReports({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'Một báo cáo của xã gửi tỉnh, với các mục theo kế hoạch và lịch sử',
        params: communeReportParams,
        response: { 200: communeReportDetail },
      },
    },
    async (req) => getCommuneReport({ db, actor: actorOf(req), ...req.params }),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: 'Lưu phần đánh giá của xã theo từng kế hoạch; 409 khi phiên bản đã cũ',
        params: communeReportParams,
        body: communeReportSaveInput,
        response: { 200: communeReportDetail },
      },
    },
    async (req) => saveCommuneReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );

  app.post(
    `${base}/:id/prepare`,
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: 'Lấy số liệu từ các báo cáo đơn vị đã tiếp nhận (một mục cho mỗi kế hoạch đã ban hành)',
        params: communeReportParams,
        body: communeReportVersionInput,
        response: { 200: communeReportDetail },
      },
    },
    async (req) => prepareCommuneReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, version: req.body.version }),
  );

  app.post(
    `${base}/:id/submit`,
    {
      config: { access: 'report.write' },
      schema: { tags, summary: 'Nộp báo cáo lên tỉnh', params: communeReportParams, body: communeReportVersionInput, response: { 200: communeReportDetail } },
    },
    async (req) => submitCommuneReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, version: req.body.version }),
  );

  app.get(
    province,
    {
      config: { access: 'commune_report.review' },
      schema: {
        tags,
        summary: 'Báo cáo của các xã trong tỉnh cho một kỳ: trạng thái, ngày nộp, trễ hạn và số liệu tổng hợp',
        params: provinceParamsForReports,
        querystring: provinceCommuneReportQuery,
        response: { 200: provinceCommuneReportPage },
      },
    },
    async (req) => listProvinceCommuneReports({ db, actor: actorOf(req), provinceId: req.params.provinceId, query: req.query }),
  );

  app.get(
    `${province}/:id`,
    {
      config: { access: 'commune_report.review' },
      schema: { tags, summary: 'Một báo cáo của xã trong tỉnh', params: provinceCommuneReportParams, response: { 200: communeReportDetail } },
    },
    async (req) => getProvinceCommuneReport({ db, actor: actorOf(req), ...req.params }),
  );

  app.post(
    `${province}/:id/return`,
    {
      config: { access: 'commune_report.review' },
      schema: {
        tags,
        summary: 'Trả lại báo cáo của xã kèm ý kiến của tỉnh',
        params: provinceCommuneReportParams,
        body: communeReportReturnInput,
        response: { 200: communeReportDetail },
      },
    },
    async (req) => returnCommuneReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, ...req.body }),
  );

  app.post(
    `${province}/:id/accept`,
    {
      config: { access: 'commune_report.review' },
      schema: {
        tags,
        summary: 'Tiếp nhận báo cáo của xã (khóa báo cáo)',
        params: provinceCommuneReportParams,
        body: communeReportAcceptInput,
        response: { 200: communeReportDetail },
      },
    },
    async (req) => acceptCommuneReport({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, ...req.body }),
  );
}
