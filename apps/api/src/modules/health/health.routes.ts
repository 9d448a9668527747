import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, Deps } from '../../platform/http';

const health = z.object({ status: z.string(), db: z.string().optional() });

/** Liveness and readiness (200 once migrations ran and the database answers). */
export async function healthRoutes(app: App, deps: Deps) {
  const { readiness } = deps;
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true, response: { 200: health } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true, response: { 200: health, 503: health } } }, async (_req, reply) => {
    if (!readiness.ready) return reply.status(503).send({ status: 'starting' });
    try {
      await deps.db.execute(sql`select 1`);
      return { status: 'ready', db: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'db-unavailable' });
    }
  });
}
