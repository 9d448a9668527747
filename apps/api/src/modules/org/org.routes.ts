import {
  communeInput,
  communeParams,
  communeSchema,
  communeUnitParams,
  idParams,
  pageOf,
  pageQuery,
  provinceInput,
  provinceSchema,
  unitInput,
  unitListQuery,
  unitPage,
  unitSchema,
  unitTree,
  unitUpdateInput,
  uuid,
} from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { createUnit } from './create-unit';
import { getUnit } from './get-unit';
import { getUnitTree } from './get-unit-tree';
import { listUnitsCached } from './list-units';
import { listCommunes } from './list-communes';
import { listProvinces } from './list-provinces';
import { saveCommune } from './save-commune';
import { saveProvince } from './save-province';
import { updateUnit } from './update-unit';

const tags = ['org'];

/** Provinces, communes and the units of a commune. */
export async function orgRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.get(
    '/api/provinces',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Danh sách tỉnh/thành phố', querystring: pageQuery, response: { 200: pageOf(provinceSchema) } },
    },
    async (req) => listProvinces({ db, actor: actorOf(req), query: req.query }),
  );

  app.post(
    '/api/provinces',
    {
      config: { access: 'org.territory.write' },
      schema: { tags, summary: 'Thêm tỉnh/thành phố', body: provinceInput, response: { 201: provinceSchema } },
    },
    async (req, reply) => reply.status(201).send(await saveProvince({ db, actor: actorOf(req), meta: metaOf(req), input: req.body })),
  );

  app.patch(
    '/api/provinces/:id',
    {
      config: { access: 'org.territory.write' },
      schema: { tags, summary: 'Sửa tỉnh/thành phố', params: idParams, body: provinceInput, response: { 200: provinceSchema } },
    },
    async (req) => saveProvince({ db, actor: actorOf(req), meta: metaOf(req), id: req.params.id, input: req.body }),
  );

  app.get(
    '/api/communes',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Danh sách xã/phường được xem',
        querystring: pageQuery.extend({ provinceId: uuid.optional() }).strict(),
        response: { 200: pageOf(communeSchema) },
      },
    },
    async (req) => listCommunes({ db, actor: actorOf(req), query: req.query }),
  );

  app.post(
    '/api/communes',
    {
      config: { access: 'org.territory.write' },
      schema: { tags, summary: 'Thêm xã/phường', body: communeInput, response: { 201: communeSchema } },
    },
    async (req, reply) => reply.status(201).send(await saveCommune({ db, actor: actorOf(req), meta: metaOf(req), input: req.body })),
  );

  app.patch(
    '/api/communes/:id',
    {
      config: { access: 'org.territory.write' },
      schema: { tags, summary: 'Sửa xã/phường', params: idParams, body: communeInput, response: { 200: communeSchema } },
    },
    async (req) => saveCommune({ db, actor: actorOf(req), meta: metaOf(req), id: req.params.id, input: req.body }),
  );

  app.get(
    '/api/communes/:communeId/units',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Danh sách đơn vị của xã/phường', params: communeParams, querystring: unitListQuery, response: { 200: unitPage } },
    },
    async (req, reply) => {
      // The page's JSON was checked against `unitPage` when it was built (see listUnitsCached).
      const { json } = await listUnitsCached({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query });
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get(
    '/api/communes/:communeId/units/tree',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Cây tổ chức của xã/phường', params: communeParams, response: { 200: unitTree } },
    },
    async (req) => getUnitTree({ db, actor: actorOf(req), communeId: req.params.communeId }),
  );

  app.get(
    '/api/communes/:communeId/units/:id',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Một đơn vị', params: communeUnitParams, response: { 200: unitSchema } },
    },
    async (req) => getUnit({ db, actor: actorOf(req), ...req.params }),
  );

  app.post(
    '/api/communes/:communeId/units',
    {
      config: { access: 'org.unit.write' },
      schema: { tags, summary: 'Thêm đơn vị', params: communeParams, body: unitInput, response: { 201: unitSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createUnit({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );

  app.patch(
    '/api/communes/:communeId/units/:id',
    {
      config: { access: 'org.unit.write' },
      schema: { tags, summary: 'Sửa, chuyển, đóng hoặc sáp nhập đơn vị', params: communeUnitParams, body: unitUpdateInput, response: { 200: unitSchema } },
    },
    async (req) => updateUnit({ db, actor: actorOf(req), meta: metaOf(req), ...req.params, input: req.body }),
  );
}
