import {
  attendanceInput,
  attendanceResult,
  communeParams,
  completionInput,
  coverageQuery,
  coverageSchema,
  helpInput,
  helpSchema,
  populationInput,
  populationQuery,
  populationSchema,
  provinceCoverageSchema,
  provinceTrainingParams,
  residentCandidateList,
  residentCheckInput,
  residentInput,
  residentListQuery,
  residentMergeInput,
  residentPage,
  residentSchema,
  residentUpdateInput,
  skillModuleInput,
  skillModuleList,
  skillModuleSchema,
  trainingParams,
  trainingSessionDetail,
  trainingSessionInput,
  trainingSessionPage,
  trainingSessionQuery,
  trainingSessionSchema,
  trainingSettingsInput,
  trainingSettingsSchema,
  trainingTeamInput,
  trainingTeamList,
  trainingTeamSchema,
} from '@tds/contracts';
import { z } from 'zod';
import {
  certificateCodeParams,
  rosterParams,
  rosterSchema,
  syncInput,
  syncResult,
  certificateSchema,
  communeCertificateParams,
  importQuery,
  publicCertificateSchema,
  residentImportResult,
  todayVn,
} from '@tds/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { certificateFile, issueCertificate, verifyCertificate } from './certificates';
import { sessionSheet } from './session-sheet';
import { getRoster } from './get-roster';
import { syncOffline } from './sync-offline';
import { readUpload, zipLimits } from '../../platform/uploads';
import { exportResidents } from './export-residents';
import { importResidents } from './import-residents';
import { buildResidentTemplate } from './residents-excel';
import { villagesOf } from './training.store';
import { inTraining } from './training-context';
import { residentIdKey, sendFile, sendXlsx } from './training-http';
import { trainingImportRoutes } from './training-imports.routes';
import { trainingRecordRoutes } from './training-records.routes';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { addCompletion } from './add-completion';
import { createResident } from './create-resident';
import { createSession } from './create-session';
import { createSkillModule } from './create-skill-module';
import { findResidentDuplicates } from './find-resident-duplicates';
import { getCoverage } from './get-coverage';
import { getPopulation } from './get-population';
import { getProvinceCoverage } from './get-province-coverage';
import { getSession } from './get-session';
import { getTrainingSettings } from './get-training-settings';
import { listResidents } from './list-residents';
import { listSessions } from './list-sessions';
import { listSkillModules } from './list-skill-modules';
import { listTeams } from './list-teams';
import { logHelp } from './log-help';
import { markAttendance } from './mark-attendance';
import { mergeResidents } from './merge-residents';
import { putPopulation } from './put-population';
import { putTeam } from './put-team';
import { putTrainingSettings } from './put-training-settings';
import { updateResident } from './update-resident';

const tags = ['training'];
const teamParams = z.strictObject({ communeId: z.uuid({ error: 'Mã định danh không hợp lệ.' }), unitId: z.uuid({ error: 'Mã định danh không hợp lệ.' }) });

/** Bình dân học vụ số: skill modules, residents, population, teams, sessions, attendance, help, coverage. */
export async function trainingRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const idKey = residentIdKey(deps.config);
  const baseUrl = (req: FastifyRequest) => (deps.config.APP_BASE_URL ?? `${req.protocol}://${req.host}`).replace(/\/$/u, '');
  const base = '/api/communes/:communeId/training';

  app.get(
    `${base}/modules`,
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Danh mục học phần kỹ năng số', params: communeParams, response: { 200: skillModuleList } },
    },
    async (req) => listSkillModules({ db, actor: actorOf(req), communeId: req.params.communeId }),
  );
  app.post(
    `${base}/modules`,
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Thêm học phần của xã', params: communeParams, body: skillModuleInput, response: { 201: skillModuleSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createSkillModule({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );
  app.get(
    `${base}/settings`,
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Cài đặt Bình dân học vụ số', params: communeParams, response: { 200: trainingSettingsSchema } },
    },
    async (req) => getTrainingSettings({ db, actor: actorOf(req), communeId: req.params.communeId }),
  );
  app.put(
    `${base}/settings`,
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Sửa cài đặt (tuổi, bộ kỹ năng cơ bản)',
        params: communeParams,
        body: trainingSettingsInput,
        response: { 200: trainingSettingsSchema },
      },
    },
    async (req) => putTrainingSettings({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body }),
  );

  app.get(
    `${base}/residents`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Danh sách người dân', params: communeParams, querystring: residentListQuery, response: { 200: residentPage } },
    },
    async (req) => listResidents({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, query: req.query }),
  );
  app.post(
    `${base}/residents`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Thêm người dân', params: communeParams, body: residentInput, response: { 201: residentSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createResident({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body, idKey })),
  );
  app.post(
    `${base}/residents/duplicates`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Tìm người dân có thể trùng', params: communeParams, body: residentCheckInput, response: { 200: residentCandidateList } },
    },
    async (req) => findResidentDuplicates({ db, actor: actorOf(req), communeId: req.params.communeId, input: req.body, idKey }),
  );
  app.get(
    `${base}/residents/import-template.xlsx`,
    { config: { access: 'training.record' }, schema: { tags, summary: 'Tải tệp Excel mẫu để nhập người dân', params: communeParams } },
    async (req, reply) => {
      const names = await inTraining({ db, actor: actorOf(req), communeId: req.params.communeId, permission: 'training.record' }, async (tx) =>
        (await villagesOf(tx, req.params.communeId)).map((v) => v.name),
      );
      return sendXlsx(reply, 'Mẫu nhập người dân.xlsx', await buildResidentTemplate(names));
    },
  );
  app.get(
    `${base}/residents/export.xlsx`,
    { config: { access: 'training.record' }, schema: { tags, summary: 'Xuất danh sách người dân ra Excel', params: communeParams } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `Người dân ${todayVn().split('-').reverse().join('-')}.xlsx`,
        await exportResidents({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId }),
      ),
  );
  app.post(
    `${base}/residents/import`,
    {
      config: { access: 'training.record' },
      schema: {
        tags,
        summary: 'Nhập người dân từ Excel (chạy thử hoặc ghi)',
        params: communeParams,
        querystring: importQuery,
        response: { 200: residentImportResult },
      },
    },
    async (req) => {
      const file = await readUpload(req, { maxBytes: deps.config.MAX_UPLOAD_BYTES, missing: 'Chưa chọn tệp: hãy gửi tệp Excel trong trường "file".' });
      return importResidents({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        file,
        dryRun: req.query.dryRun === 'true',
        workers: deps.workers,
        zip: zipLimits(deps.config),
        idKey,
      });
    },
  );
  app.patch(
    `${base}/residents/:id`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Sửa người dân', params: trainingParams, body: residentUpdateInput, response: { 200: residentSchema } },
    },
    async (req) => updateResident({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, input: req.body, idKey }),
  );
  app.post(
    `${base}/residents/:id/merge`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Gộp người dân trùng vào người khác', params: trainingParams, body: residentMergeInput, response: { 200: residentSchema } },
    },
    async (req) => mergeResidents({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, intoId: req.body.intoId }),
  );
  app.post(
    `${base}/residents/:id/completions`,
    {
      config: { access: 'training.record' },
      schema: {
        tags,
        summary: 'Ghi nhận hoàn thành học phần (số chứng nhận)',
        params: trainingParams,
        body: completionInput,
        response: { 200: residentSchema },
      },
    },
    async (req) => addCompletion({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, input: req.body }),
  );

  app.get(
    `${base}/population`,
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Dân số từ đủ tuổi của các thôn', params: communeParams, querystring: populationQuery, response: { 200: populationSchema } },
    },
    async (req) => getPopulation({ db, actor: actorOf(req), communeId: req.params.communeId, year: req.query.year }),
  );
  app.put(
    `${base}/population`,
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Nhập dân số từ đủ tuổi của các thôn', params: communeParams, body: populationInput, response: { 200: populationSchema } },
    },
    async (req) => putPopulation({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body }),
  );

  app.get(
    `${base}/teams`,
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Các Tổ công nghệ số cộng đồng', params: communeParams, response: { 200: trainingTeamList } },
    },
    async (req) => listTeams({ db, actor: actorOf(req), communeId: req.params.communeId }),
  );
  app.put(
    `${base}/teams/:unitId`,
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Quyết định thành lập và địa bàn của tổ', params: teamParams, body: trainingTeamInput, response: { 200: trainingTeamSchema } },
    },
    async (req) => putTeam({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, unitId: req.params.unitId, input: req.body }),
  );

  app.get(
    `${base}/sessions`,
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Các buổi hướng dẫn', params: communeParams, querystring: trainingSessionQuery, response: { 200: trainingSessionPage } },
    },
    async (req) => listSessions({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );
  app.post(
    `${base}/sessions`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Tạo buổi hướng dẫn', params: communeParams, body: trainingSessionInput, response: { 201: trainingSessionSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createSession({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );
  app.get(
    `${base}/sessions/:id`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Một buổi hướng dẫn và điểm danh', params: trainingParams, response: { 200: trainingSessionDetail } },
    },
    async (req) => getSession({ db, actor: actorOf(req), communeId: req.params.communeId, id: req.params.id }),
  );
  app.put(
    `${base}/sessions/:id/attendance`,
    {
      config: { access: 'training.record' },
      schema: {
        tags,
        summary: 'Điểm danh (từng lượt một lần, theo mã thao tác)',
        params: trainingParams,
        body: attendanceInput,
        response: { 200: attendanceResult },
      },
    },
    async (req) => markAttendance({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, input: req.body }),
  );

  app.get(
    `${base}/sessions/:id/sheet.pdf`,
    { config: { access: 'training.record' }, schema: { tags, summary: 'In danh sách điểm danh (PDF, A4, có mã QR)', params: trainingParams } },
    async (req, reply) => {
      const f = await sessionSheet({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, baseUrl: baseUrl(req) });
      return sendFile(reply, f.name, 'application/pdf', f.content);
    },
  );
  app.post(
    `${base}/residents/:id/certificates`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Cấp giấy chứng nhận kỹ năng số', params: trainingParams, response: { 200: certificateSchema } },
    },
    async (req) => issueCertificate({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, residentId: req.params.id }),
  );
  app.get(
    `${base}/certificates/:code/certificate.pdf`,
    { config: { access: 'training.record' }, schema: { tags, summary: 'Tải giấy chứng nhận (PDF)', params: communeCertificateParams } },
    async (req, reply) => {
      const f = await certificateFile({ db, actor: actorOf(req), communeId: req.params.communeId, code: req.params.code, baseUrl: baseUrl(req) });
      return sendFile(reply, f.name, 'application/pdf', f.content);
    },
  );
  const limiter = windowLimiter(30, 60_000);
  app.get(
    '/api/public/certificates/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Kiểm tra giấy chứng nhận bằng mã (không cần đăng nhập)',
        params: certificateCodeParams,
        response: { 200: publicCertificateSchema },
      },
    },
    async (req) => {
      limiter(req.ip);
      return verifyCertificate({ db, code: req.params.code });
    },
  );

  app.get(
    `${base}/villages/:villageId/roster`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Danh sách người dân của thôn để điểm danh ngoại tuyến (gọn)', params: rosterParams, response: { 200: rosterSchema } },
    },
    async (req) => getRoster({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, villageId: req.params.villageId }),
  );
  app.post(
    `${base}/sync`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Đồng bộ các thao tác đã ghi khi không có mạng', params: communeParams, body: syncInput, response: { 200: syncResult } },
    },
    async (req) => syncOffline({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body, idKey }),
  );

  app.post(
    `${base}/help`,
    {
      config: { access: 'training.record' },
      schema: { tags, summary: 'Ghi nhận hỗ trợ người dân', params: communeParams, body: helpInput, response: { 201: helpSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await logHelp({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );

  app.get(
    `${base}/coverage`,
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'Độ bao phủ kỹ năng số của xã', params: communeParams, querystring: coverageQuery, response: { 200: coverageSchema } },
    },
    async (req) => getCoverage({ db, actor: actorOf(req), communeId: req.params.communeId, year: req.query.year }),
  );

  app.get(
    '/api/provinces/:provinceId/training/coverage',
    {
      config: { access: 'training.read' },
      schema: {
        tags,
        summary: 'Kỹ năng số của các xã trong tỉnh (số liệu tổng hợp)',
        params: provinceTrainingParams,
        querystring: coverageQuery,
        response: { 200: provinceCoverageSchema },
      },
    },
    async (req) => getProvinceCoverage({ db, actor: actorOf(req), provinceId: req.params.provinceId, year: req.query.year }),
  );
  await trainingRecordRoutes(app, deps);
  trainingImportRoutes(app, deps);
}

/** At most `max` requests per `windowMs` from one address (a public page that looks codes up). */
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
    if (++w.n > max) throw new AppError('TOO_MANY_REQUESTS', 'Quá nhiều lần kiểm tra. Vui lòng thử lại sau một phút.');
  };
}
