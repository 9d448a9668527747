import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE, resolveSession, resolveSessionForRead } from './session';
import { holds } from './authorize';
import { AppError } from './errors';
import type { Deps, RouteEntry } from './http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route must declare its access; this hook enforces it: a session for anything not
 * public, the forced password change, CSRF on state-changing requests, and the route's permission.
 * Resource-level checks happen in the use-cases.
 */
export function registerAuth(app: FastifyInstance, deps: Deps, routeTable: RouteEntry[]) {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access permission`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    // A reading request may reuse the session's actor of the last seconds (kept right by the change feed);
    // a request that changes data always asks the database.
    const resolve = SAFE_METHODS.has(req.method) ? resolveSessionForRead : resolveSession;
    const actor = token ? await resolve(deps.db, token, deps.config.SESSION_IDLE_MINUTES) : null;
    if (!actor) throw new AppError(token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== actor.csrfToken) throw new AppError('CSRF_INVALID');
    if (actor.mustChangePassword && !req.routeOptions.config.allowPendingPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access !== 'authenticated' && !holds(actor, access)) throw new AppError('FORBIDDEN');
    req.actor = actor;
  });
}
