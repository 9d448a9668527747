import type { Role } from '@tds/contracts';
import type { TestApp } from './harness';
import type { World } from './world';

export type Side = 'own' | 'other';
/** One call of the matrix: the world, which commune (A = own, C = other), a counter for unique values. */
export interface Ctx {
  w: World;
  side: Side;
  n: number;
  t: TestApp;
}
export interface Fixture {
  /** Values for the path parameters. */
  params?: (c: Ctx) => Record<string, string> | Promise<Record<string, string>>;
  /** Query string, without "?". */
  query?: (c: Ctx) => string;
  /** Where a route's rule is narrower than its permission (say which roles are refused). */
  refuse?: readonly Role[];
  body?: (c: Ctx) => Promise<unknown> | unknown;
  /** Multipart/raw payloads: [payload, headers]. */
  raw?: (c: Ctx) => [string | Buffer, Record<string, string>];
}

/**
 * A module's share of the matrix: fixtures for its routes, and an optional setup run once after the
 * world is built (publish a plan, create a report ...) whose results the fixtures read.
 */
export interface MatrixModule {
  setup?: (t: TestApp, w: World) => Promise<void>;
  fixtures: Record<string, Fixture>;
  /** Global lists (GET, no commune in the path) that answer 200 but must hold nothing of other communes. */
  globalLists?: readonly string[];
}

/** Commune A for the own side, C (another province) for the other. */
export const communeOf = (c: Ctx) => (c.side === 'own' ? c.w.a.id : c.w.c.id);
/** Province P1 (A's) for the own side, P2 (C's) for the other. */
export const provinceOf = (c: Ctx) => (c.side === 'own' ? c.w.p1.id : c.w.p2.id);
/** A's school (the focal point's unit) for the own side, C's office for the other. */
export const unitOf = (c: Ctx) => (c.side === 'own' ? c.w.aSchool.id : c.w.cOffice.id);
