import {
  registrationDetail,
  registrationInput,
  registrationList,
  registrationParams,
  registrationPlanParams,
  registrationWindow,
  registrationWindowInput,
  registrationYearQuery,
} from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { getRegistration } from './get-registration';
import { listRegistrations } from './list-registrations';
import { saveRegistration } from './registration-save';
import { setRegistrationWindow } from './registration-window';

const tags = ['registration'];

/** Registration (đăng ký thi đua) for a published plan. */
export async function registrationRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const base = '/api/communes/:communeId/plans/:planId';

  app.get(
    `${base}/registrations`,
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'Tình hình đăng ký thi đua của các đơn vị tham gia kế hoạch (một năm)',
        params: registrationPlanParams,
        querystring: registrationYearQuery,
        response: { 200: registrationList },
      },
    },
    async (req) => listRegistrations({ db, actor: actorOf(req), ...req.params, year: req.query.year }),
  );

  app.get(
    `${base}/registrations/:unitId`,
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'Đăng ký thi đua của một đơn vị (bản trống nếu chưa đăng ký)',
        params: registrationParams,
        querystring: registrationYearQuery,
        response: { 200: registrationDetail },
      },
    },
    async (req) => getRegistration({ db, actor: actorOf(req), ...req.params, year: req.query.year }),
  );

  app.put(
    `${base}/registrations/:unitId`,
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: 'Lưu (hoặc gửi, khi submit) đăng ký thi đua của đơn vị; cần `version` khi đã có bản lưu',
        params: registrationParams,
        body: registrationInput,
        response: { 200: registrationDetail },
      },
    },
    async (req) => saveRegistration({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );

  app.post(
    `${base}/registration-window`,
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Mở hoặc đóng đăng ký thi đua của kế hoạch',
        params: registrationPlanParams,
        body: registrationWindowInput,
        response: { 200: registrationWindow },
      },
    },
    async (req) => setRegistrationWindow({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, open: req.body.open }),
  );
}
