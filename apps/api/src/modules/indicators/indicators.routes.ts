import {
  communeParams,
  indicatorCreateInput,
  indicatorKindsInput,
  indicatorList,
  indicatorListQuery,
  indicatorParams,
  indicatorPatchInput,
  indicatorSchema,
  provinceTargetList,
  provinceTargetListQuery,
  provinceTargetParams,
  provinceTargetPutInput,
  provinceTargetPutResult,
  provinceTargetSplitInput,
  provinceTargetSplitResult,
  targetList,
  targetListQuery,
  targetPutInput,
  targetSplitInput,
} from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { chooseIndicatorKinds } from './choose-indicator-kinds';
import { createIndicator } from './create-indicator';
import { listIndicators } from './list-indicators';
import { listNationalIndicators } from './list-national-indicators';
import { listTargets } from './list-targets';
import { listProvinceTargets } from './list-province-targets';
import { putProvinceTargets } from './put-province-targets';
import { putTargets } from './put-targets';
import { splitProvinceTarget } from './split-province-target';
import { splitTargets } from './split-targets';
import { updateIndicator } from './update-indicator';

const tags = ['indicators'];

/** Indicator catalogue (national + the commune's own) and targets (province -> commune -> unit). */
export async function indicatorsRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const commune = '/api/communes/:communeId';
  const province = '/api/provinces/:provinceId';

  app.get(
    '/api/indicators',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'Danh mục chỉ tiêu quốc gia (chính quyền số, kinh tế số, xã hội số)',
        querystring: indicatorListQuery,
        response: { 200: indicatorList },
      },
    },
    async (req) => listNationalIndicators({ db, actor: actorOf(req), query: req.query }),
  );

  app.get(
    `${commune}/indicators`,
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'Chỉ tiêu của xã: danh mục quốc gia và chỉ tiêu riêng',
        params: communeParams,
        querystring: indicatorListQuery,
        response: { 200: indicatorList },
      },
    },
    async (req) => listIndicators({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.post(
    `${commune}/indicators`,
    {
      config: { access: 'indicator.manage' },
      schema: { tags, summary: 'Thêm chỉ tiêu riêng của xã', params: communeParams, body: indicatorCreateInput, response: { 201: indicatorSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createIndicator({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );

  app.patch(
    `${commune}/indicators/:code`,
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        summary: 'Sửa hoặc ngừng sử dụng chỉ tiêu riêng của xã',
        params: indicatorParams,
        body: indicatorPatchInput,
        response: { 200: indicatorSchema },
      },
    },
    async (req) => updateIndicator({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );

  app.put(
    `${commune}/indicators/:code/unit-kinds`,
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        summary: 'Chọn loại đơn vị báo cáo một chỉ tiêu (chỉ tiêu quốc gia hoặc của xã)',
        params: indicatorParams,
        body: indicatorKindsInput,
        response: { 200: indicatorSchema },
      },
    },
    async (req) => chooseIndicatorKinds({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );

  app.get(
    `${commune}/targets`,
    {
      config: { access: 'report.read' },
      schema: { tags, summary: 'Mục tiêu của xã và của các đơn vị', params: communeParams, querystring: targetListQuery, response: { 200: targetList } },
    },
    async (req) => listTargets({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.put(
    `${commune}/targets`,
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        summary: 'Đặt nhiều mục tiêu một lần (unitId null: mục tiêu của xã)',
        params: communeParams,
        body: targetPutInput,
        response: { 200: targetList },
      },
    },
    async (req) => putTargets({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body }),
  );

  app.post(
    `${commune}/targets/split`,
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        summary: 'Chia mục tiêu của xã cho thôn, tổ dân phố hoặc đơn vị',
        params: communeParams,
        body: targetSplitInput,
        response: { 200: targetList },
      },
    },
    async (req) => splitTargets({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body }),
  );

  app.get(
    `${province}/targets`,
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'Mục tiêu của tỉnh/thành phố và của các xã/phường',
        params: provinceTargetParams,
        querystring: provinceTargetListQuery,
        response: { 200: provinceTargetList },
      },
    },
    async (req) => listProvinceTargets({ db, actor: actorOf(req), provinceId: req.params.provinceId, query: req.query }),
  );

  app.put(
    `${province}/targets`,
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        summary: 'Đặt mục tiêu của tỉnh/thành phố',
        params: provinceTargetParams,
        body: provinceTargetPutInput,
        response: { 200: provinceTargetPutResult },
      },
    },
    async (req) => putProvinceTargets({ db, actor: actorOf(req), meta: metaOf(req), provinceId: req.params.provinceId, input: req.body }),
  );

  app.post(
    `${province}/targets/split`,
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        summary: 'Chia mục tiêu của tỉnh/thành phố cho các xã/phường',
        params: provinceTargetParams,
        body: provinceTargetSplitInput,
        response: { 200: provinceTargetSplitResult },
      },
    },
    async (req) => splitProvinceTarget({ db, actor: actorOf(req), meta: metaOf(req), provinceId: req.params.provinceId, input: req.body }),
  );
}
