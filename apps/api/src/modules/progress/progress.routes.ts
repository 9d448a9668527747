import type { FastifyReply } from 'fastify';
import {
  communeCompleteness as communeCompletenessSchema,
  completenessQuery,
  consolidatedReportQuery,
  indicatorProgress,
  indicatorProgressQuery,
  league,
  leagueQuery,
  progressCommuneParams,
  progressCycles,
  progressCyclesQuery,
  progressExportQuery,
  progressProvinceParams,
  provinceCompleteness as provinceCompletenessSchema,
  provinceCompletenessQuery,
  provinceIndicatorProgressQuery,
  rollup,
  rollupQuery,
  unitHistory as unitHistorySchema,
  unitHistoryParams,
} from '@tds/contracts';
import { actorOf, type App, type Deps } from '../../platform/http';
import { attachmentHeader } from '../../platform/attachment';
import { communeCompleteness } from './completeness';
import { consolidatedReport, type ConsolidatedFormat } from './consolidated-report';
import { communeCycles } from './cycles';
import { exportProgress } from './export-xlsx';
import { communeIndicatorProgress, provinceIndicatorProgress } from './indicator-progress';
import { communeLeague, provinceLeague } from './league';
import { provinceCompleteness } from './province-completeness';
import { communeRollup, provinceRollup } from './rollup-view';
import { unitHistory } from './unit-history';

const tags = ['progress'];
const access = 'report.read' as const;

/** Sends a generated file as an attachment. */
function sendFile(reply: FastifyReply, file: { name: string; type: string; body: Buffer }) {
  return reply.header('content-type', file.type).header('content-disposition', attachmentHeader(file.name)).send(file.body);
}

/** Completeness, timeliness, roll-ups, league tables, dashboards and the consolidated report (read only). */
export async function progressRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const commune = '/api/communes/:communeId/progress';
  const province = '/api/provinces/:provinceId/progress';

  app.get(
    `${commune}/cycles`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Các kỳ báo cáo của xã: số phải nộp, đúng hạn, trễ hạn, chưa nộp',
        params: progressCommuneParams,
        querystring: progressCyclesQuery,
        response: { 200: progressCycles },
      },
    },
    async (req) => communeCycles({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.get(
    `${commune}/completeness`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Mức độ đầy đủ và đúng hạn của một kỳ, tại một nút của cây đơn vị',
        params: progressCommuneParams,
        querystring: completenessQuery,
        response: { 200: communeCompletenessSchema },
      },
    },
    async (req) => communeCompleteness({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.get(
    `${province}/completeness`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Mức độ đầy đủ và đúng hạn của một kỳ trên toàn tỉnh, theo từng xã',
        params: progressProvinceParams,
        querystring: provinceCompletenessQuery,
        response: { 200: provinceCompletenessSchema },
      },
    },
    async (req) => provinceCompleteness({ db, actor: actorOf(req), provinceId: req.params.provinceId, query: req.query }),
  );

  app.get(
    `${commune}/indicators`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Tiến độ các chỉ tiêu so với mục tiêu, theo trụ cột',
        params: progressCommuneParams,
        querystring: indicatorProgressQuery,
        response: { 200: indicatorProgress },
      },
    },
    async (req) => communeIndicatorProgress({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.get(
    `${province}/indicators`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Tiến độ các chỉ tiêu của tỉnh so với mục tiêu',
        params: progressProvinceParams,
        querystring: provinceIndicatorProgressQuery,
        response: { 200: indicatorProgress },
      },
    },
    async (req) => provinceIndicatorProgress({ db, actor: actorOf(req), provinceId: req.params.provinceId, query: req.query }),
  );

  app.get(
    `${commune}/league`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Bảng xếp hạng các đơn vị theo một chỉ tiêu',
        params: progressCommuneParams,
        querystring: leagueQuery,
        response: { 200: league },
      },
    },
    async (req) => communeLeague({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.get(
    `${province}/league`,
    {
      config: { access },
      schema: { tags, summary: 'Bảng xếp hạng các xã theo một chỉ tiêu', params: progressProvinceParams, querystring: leagueQuery, response: { 200: league } },
    },
    async (req) => provinceLeague({ db, actor: actorOf(req), provinceId: req.params.provinceId, query: req.query }),
  );

  app.get(
    `${commune}/rollup`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Số liệu tổng hợp mọi chỉ tiêu qua các năm (tối đa 10 năm)',
        params: progressCommuneParams,
        querystring: rollupQuery,
        response: { 200: rollup },
      },
    },
    async (req) => communeRollup({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.get(
    `${province}/rollup`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Số liệu tổng hợp toàn tỉnh qua các năm (tối đa 10 năm)',
        params: progressProvinceParams,
        querystring: rollupQuery,
        response: { 200: rollup },
      },
    },
    async (req) => provinceRollup({ db, actor: actorOf(req), provinceId: req.params.provinceId, query: req.query }),
  );

  app.get(
    `${commune}/units/:unitId/history`,
    {
      config: { access },
      schema: { tags, summary: 'Lịch sử nộp báo cáo và số liệu của một đơn vị', params: unitHistoryParams, response: { 200: unitHistorySchema } },
    },
    async (req) => unitHistory({ db, actor: actorOf(req), ...req.params }),
  );

  app.get(
    `${commune}/export.xlsx`,
    {
      config: { access },
      schema: { tags, summary: 'Xuất bảng số liệu của một biểu đồ ra Excel', params: progressCommuneParams, querystring: progressExportQuery },
    },
    async (req, reply) => sendFile(reply, await exportProgress({ db, actor: actorOf(req), node: { communeId: req.params.communeId }, query: req.query })),
  );

  app.get(
    `${province}/export.xlsx`,
    {
      config: { access },
      schema: { tags, summary: 'Xuất bảng số liệu toàn tỉnh ra Excel', params: progressProvinceParams, querystring: progressExportQuery },
    },
    async (req, reply) => sendFile(reply, await exportProgress({ db, actor: actorOf(req), node: { provinceId: req.params.provinceId }, query: req.query })),
  );

  for (const format of ['docx', 'xlsx'] as const satisfies readonly ConsolidatedFormat[]) {
    const what = format === 'docx' ? 'Word, thể thức Nghị định 30/2020' : 'Excel, mỗi bảng một trang tính';
    app.get(
      `${commune}/consolidated-report.${format}`,
      {
        config: { access },
        schema: {
          tags,
          summary: `Báo cáo tổng hợp kết quả phong trào thi đua năm của xã (${what})`,
          params: progressCommuneParams,
          querystring: consolidatedReportQuery,
        },
      },
      async (req, reply) =>
        sendFile(reply, await consolidatedReport({ db, actor: actorOf(req), node: { communeId: req.params.communeId }, query: req.query, format })),
    );

    app.get(
      `${province}/consolidated-report.${format}`,
      {
        config: { access },
        schema: {
          tags,
          summary: `Báo cáo tổng hợp kết quả phong trào thi đua năm của các xã trong tỉnh (${what})`,
          params: progressProvinceParams,
          querystring: consolidatedReportQuery,
        },
      },
      async (req, reply) =>
        sendFile(reply, await consolidatedReport({ db, actor: actorOf(req), node: { provinceId: req.params.provinceId }, query: req.query, format })),
    );
  }
}
