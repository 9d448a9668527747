import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { setClock } from '@tds/contracts';
import type { Config } from './config/env';
import type { Database } from './db/client';
import { registerAuth } from './platform/auth-hook';
import { registerErrorHandler } from './platform/error-handler';
import { registerInputGuard } from './platform/input-guard';
import type { App, Deps, Readiness, RouteEntry } from './platform/http';
import { WorkerPool } from './platform/worker-pool';
import { startChangeFeed } from './platform/change-feed';
import { modules } from './modules';

export interface BuiltApp {
  app: App;
  routeTable: RouteEntry[];
  readiness: Readiness;
}

/** Build the whole server: platform plugins, then each module. Tests build it too. */
/**
 * Logs: JSON lines in production (for a log collector); readable lines in a terminal during
 * development (`npm start`, `npm run dev`); nothing when LOG_LEVEL is silent.
 */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  if (config.LOG_LEVEL === 'silent') return false;
  if (config.NODE_ENV === 'development' && process.stdout.isTTY) {
    return { level: config.LOG_LEVEL, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId' } } };
  }
  return { level: config.LOG_LEVEL };
}

export async function buildApp(opts: { config: Config; database: Database; logger?: FastifyServerOptions['logger'] }): Promise<BuiltApp> {
  const { config, database } = opts;
  setClock(config.CLOCK_AT);
  // Document reading and plan parsing run in these workers; closing the app terminates them at once.
  const workers = new WorkerPool({
    size: config.PARSE_WORKERS,
    timeoutMs: config.PARSE_TIMEOUT_MS,
    maxMemoryMb: config.PARSE_MAX_MEMORY_MB,
    preload: modules.flatMap((m) => m.workerPreload ?? []),
  });
  const readiness: Readiness = { ready: false };
  const deps: Deps = { config, database, db: database.db, workers, readiness };
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(config),
    // One line per request, at debug level only (the onResponse hook below); info keeps starts, jobs, warnings, errors.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from configured proxies: otherwise any client picks its address.
    trustProxy: typeof config.TRUST_PROXY === 'number' ? hops(config.TRUST_PROXY) : config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    // A URL the router cannot even decode gets the same error shape as every other bad input.
    frameworkErrors: (_err, _req, reply) => {
      void (reply as unknown as { code(n: number): { send(b: unknown): unknown } }).code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Địa chỉ yêu cầu không hợp lệ.',
          details: [{ field: 'url', message: 'Mã hóa phần trăm không hợp lệ.' }],
        },
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  // preClose runs before the server waits for open requests: a running parse ends now (its request
  // answers 503) instead of holding the shutdown until its time limit. onClose covers a close before listen.
  app.addHook('onResponse', async (req, reply) => {
    req.log.debug(`${req.method} ${req.url.split('?')[0]} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`);
  });
  // In-memory caches (sessions, unit counters) hold values only while this feed is live.
  const feed = await startChangeFeed(database, { onError: (err) => app.log.warn({ err }, 'Mất kết nối nhận thông báo thay đổi; tạm không dùng bộ nhớ đệm.') });
  app.addHook('onClose', async () => feed.close());
  app.addHook('onSend', async (req, _reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') feed.wrote();
    return payload;
  });
  app.addHook('preClose', async () => workers.close());
  app.addHook('onClose', async () => workers.close());
  // Load the workers once the server listens (tests that only inject start them at their first job).
  app.addHook('onListen', async () => workers.warm());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.NODE_ENV === 'production',
  });
  registerCors(app, config);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Thi Đua Số API', version: '0.1.0', description: 'API của nền tảng Thi Đua Số.' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const routeTable: RouteEntry[] = [];
  registerErrorHandler(app);
  registerInputGuard(app);
  registerAuth(app, deps, routeTable);
  for (const m of modules) await m.routes?.(app, deps);
  serveWeb(app, config);
  return { app, routeTable, readiness };
}

/** Trust the nearest `n` proxies (X-Forwarded-For read from the right, `n` entries deep). */
function hops(n: number) {
  return (_addr: string, i: number) => i < n;
}

function registerCors(app: App, config: Config) {
  const allowed = new Set(
    config.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if (allowed.size === 0) return; // closed by default: same origin only
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true').header('vary', 'Origin');
    if (req.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET,POST,PATCH,PUT,DELETE').header('access-control-allow-headers', 'content-type,x-csrf-token');
      return reply.status(204).send();
    }
  });
}

/** Serve the built web app with a fallback to index.html for client-side routes; JSON 404 elsewhere. */
function serveWeb(app: App, config: Config) {
  const dist = config.WEB_DIST ?? path.resolve(import.meta.dirname, '../../web/dist');
  const hasWeb = fs.existsSync(path.join(dist, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) void app.register(fastifyStatic, { root: dist, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (!hasWeb || req.method !== 'GET' || url.startsWith('/api/') || path.extname(url)) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `Không có địa chỉ ${req.method} ${url}.` } });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
