import { changePasswordInput, idParams, loginInput, meSchema, okResponse, resetPasswordInput, userSchema } from '@tds/contracts';
import type { FastifyReply } from 'fastify';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { changePassword } from './change-password';
import { getMe } from './get-me';
import { login } from './login';
import { resetPassword } from './reset-password';
import { unlockUser } from './unlock-user';
import { CSRF_COOKIE, SESSION_COOKIE, endSession, resolveSession } from '../../platform/session';
import type { NewSession } from './sessions';

function setSessionCookies(reply: FastifyReply, deps: Deps, s: NewSession) {
  const secure = deps.config.NODE_ENV === 'production';
  reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 12 * 3600 });
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge: 12 * 3600 });
}

/** Login, logout, current user, own password. */
export async function authRoutes(app: App, deps: Deps) {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: loginInput, response: { 200: meSchema } },
    },
    async (req, reply) => {
      const { session } = await login({ db: deps.db, config: deps.config, ...req.body, meta: { ...metaOf(req), userAgent: req.headers['user-agent'] } });
      const actor = await resolveSession(deps.db, session.token, deps.config.SESSION_IDLE_MINUTES);
      setSessionCookies(reply, deps, session);
      return getMe(deps.db, actor!);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated', allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: okResponse } },
    },
    async (req, reply) => {
      await endSession(deps.db, actorOf(req).scope.token ?? '');
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated', allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: 'Người dùng hiện tại và quyền', response: { 200: meSchema } },
    },
    async (req) => getMe(deps.db, actorOf(req)),
  );

  app.post(
    '/api/auth/change-password',
    {
      config: { access: 'authenticated', allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: 'Đổi mật khẩu của mình', body: changePasswordInput, response: { 200: meSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      await changePassword({ db: deps.db, actor, meta: metaOf(req), ...req.body });
      return getMe(deps.db, { ...actor, mustChangePassword: false });
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { access: 'user.manage' },
      schema: { tags: ['users'], summary: 'Đặt lại mật khẩu', params: idParams, body: resetPasswordInput, response: { 200: userSchema } },
    },
    async (req) => resetPassword({ db: deps.db, actor: actorOf(req), meta: metaOf(req), id: req.params.id, newPassword: req.body.newPassword }),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      config: { access: 'user.manage' },
      schema: { tags: ['users'], summary: 'Bỏ thời gian chờ đăng nhập', params: idParams, response: { 200: userSchema } },
    },
    async (req) => unlockUser({ db: deps.db, actor: actorOf(req), meta: metaOf(req), id: req.params.id }),
  );
}
