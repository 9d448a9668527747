import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '@tds/contracts';
import type { Config } from '../config/env';
import type { Database, Db } from '../db/client';
import type { Actor, RequestMeta } from './actor';
import type { WorkerPool } from './worker-pool';
import { AppError } from './errors';

/** `public`: no login; `authenticated`: any signed-in user; otherwise a named permission. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Allowed while the user must still change the password given by an administrator. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** /readyz answers 200 once this is true (migrations done, demo data seeded). */
export interface Readiness {
  ready: boolean;
}

export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  readiness: Readiness;
  /** Worker threads for reading uploaded documents and parsing plans (off the event loop). */
  workers: WorkerPool;
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** The signed-in actor of a request; routes with a permission always have one. */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/** Request metadata for audit entries. */
export function metaOf(req: { id: string; ip: string }): RequestMeta {
  return { requestId: req.id, ip: req.ip };
}

/** One row of the route table: used by the authorization matrix test. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}
