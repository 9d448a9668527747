import { todoList, todoQuery } from '@tds/contracts';
import { actorOf, type App, type Deps } from '../../platform/http';
import { listTodo } from './list-todo';

/** The signed-in user's home: "Việc của tôi". */
export async function homeRoutes(app: App, deps: Deps) {
  app.get(
    '/api/me/todo',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['home'],
        summary: 'Việc của tôi: sắp đến hạn, quá hạn, bị trả lại, chờ tôi duyệt (tùy chọn: một xã/phường)',
        querystring: todoQuery,
        response: { 200: todoList },
      },
    },
    async (req) => listTodo({ db: deps.db, actor: actorOf(req), communeId: req.query.communeId, limit: req.query.limit }),
  );
}
