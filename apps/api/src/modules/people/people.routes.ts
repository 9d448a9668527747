import { communeParams, communeUnitParams, personInput, personListQuery, personPage, personSchema, personUpdateInput } from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { createPerson } from './create-person';
import { getPerson } from './get-person';
import { listPeople } from './list-people';
import { updatePerson } from './update-person';

const tags = ['people'];

/** People (officials, employees, members) of a commune's units. */
export async function peopleRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.get(
    '/api/communes/:communeId/people',
    {
      config: { access: 'person.read' },
      schema: { tags, summary: 'Danh sách cá nhân', params: communeParams, querystring: personListQuery, response: { 200: personPage } },
    },
    async (req) => listPeople({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.get(
    '/api/communes/:communeId/people/:id',
    {
      config: { access: 'person.read' },
      schema: { tags, summary: 'Một cá nhân', params: communeUnitParams, response: { 200: personSchema } },
    },
    async (req) => getPerson({ db, actor: actorOf(req), communeId: req.params.communeId, id: req.params.id }),
  );

  app.post(
    '/api/communes/:communeId/people',
    {
      config: { access: 'person.write' },
      schema: { tags, summary: 'Thêm cá nhân', params: communeParams, body: personInput, response: { 201: personSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createPerson({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body })),
  );

  app.patch(
    '/api/communes/:communeId/people/:id',
    {
      config: { access: 'person.write' },
      schema: { tags, summary: 'Sửa cá nhân', params: communeUnitParams, body: personUpdateInput, response: { 200: personSchema } },
    },
    async (req) => updatePerson({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, id: req.params.id, input: req.body }),
  );
}
