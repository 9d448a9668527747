import { idParams, userCreateInput, userListQuery, userPage, userSchema, userUpdateInput } from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { createUser } from './create-user';
import { getUser } from './get-user';
import { listUsers } from './list-users';
import { updateUser } from './update-user';

const tags = ['users'];

/** User accounts and their roles. */
export async function usersRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.get(
    '/api/users',
    {
      config: { access: 'user.read' },
      schema: { tags, summary: 'Danh sách người dùng', querystring: userListQuery, response: { 200: userPage } },
    },
    async (req) => listUsers({ db, actor: actorOf(req), query: req.query }),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: 'user.read' },
      schema: { tags, summary: 'Một người dùng', params: idParams, response: { 200: userSchema } },
    },
    async (req) => getUser({ db, actor: actorOf(req), id: req.params.id }),
  );

  app.post(
    '/api/users',
    {
      config: { access: 'user.manage' },
      schema: { tags, summary: 'Tạo người dùng', body: userCreateInput, response: { 201: userSchema } },
    },
    async (req, reply) => reply.status(201).send(await createUser({ db, actor: actorOf(req), meta: metaOf(req), input: req.body })),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'user.manage' },
      schema: { tags, summary: 'Sửa người dùng và vai trò', params: idParams, body: userUpdateInput, response: { 200: userSchema } },
    },
    async (req) => updateUser({ db, actor: actorOf(req), meta: metaOf(req), id: req.params.id, input: req.body }),
  );
}
