import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, roles, type Permission, type Role } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../testing/harness';
import { buildWorld, PASSWORD, ROLE_USERS, type World } from '../testing/world';
import { makeUser } from '../testing/factories';
import { modules } from '../modules';
import type { Ctx, Fixture, MatrixModule, Side } from '../testing/matrix-types';

/** Every module's share of the matrix, from the one module list: a route without a fixture fails. */
const matrixModules: MatrixModule[] = (await Promise.all(modules.map(async (m) => ((await m.matrix?.()) ?? []) as MatrixModule[]))).flat();
const FIXTURES: Record<string, Fixture> = Object.assign({}, ...matrixModules.map((m) => m.fixtures));
/** Lists that span communes: they answer 200 but must hold nothing of communes the role cannot see. */
const GLOBAL_LISTS = new Set(matrixModules.flatMap((m) => m.globalLists ?? []));

/** Where a role lies: A (province P1) or C (province P2), a province, or everywhere. */
interface MatrixRole {
  role: Role;
  commune?: 'A' | 'C';
  province?: 'P1' | 'P2';
}
interface MatrixUser {
  username: string;
  roles: MatrixRole[];
}

/**
 * Who asks: one user per role in commune A (the world's), a province officer of each province, and
 * users holding roles in two communes of two provinces, whose rights differ from one to the other.
 */
const USERS: MatrixUser[] = [
  ...roles.map((role): MatrixUser => ({
    username: ROLE_USERS[role],
    roles: [role === 'system_admin' ? { role } : role === 'province_officer' ? { role, province: 'P1' } : { role, commune: 'A' }],
  })),
  { username: 'mx.province2', roles: [{ role: 'province_officer', province: 'P2' }] },
  {
    username: 'mx.viewer-a.admin-c',
    roles: [
      { role: 'viewer', commune: 'A' },
      { role: 'commune_admin', commune: 'C' },
    ],
  },
  {
    username: 'mx.focal-a.chair-c',
    roles: [
      { role: 'unit_focal_point', commune: 'A' },
      { role: 'chairman', commune: 'C' },
    ],
  },
  {
    username: 'mx.council-a.province2',
    roles: [
      { role: 'council_member', commune: 'A' },
      { role: 'province_officer', province: 'P2' },
    ],
  },
];

describe(`authorization matrix: every route x every role x two communes of two provinces, and users of two communes (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  const clients = new Map<string, Client>();
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    for (const m of matrixModules) await m.setup?.(t, w);
    for (const u of USERS.filter((x) => !Object.values(ROLE_USERS).includes(x.username))) {
      await makeUser(t.database.db, {
        username: u.username,
        password: PASSWORD,
        ...(u.roles[0]!.province ? { provinceId: u.roles[0]!.province === 'P1' ? w.p1.id : w.p2.id } : {}),
        roles: u.roles.map((r) => ({
          role: r.role,
          ...(r.commune ? { communeId: r.commune === 'A' ? w.a.id : w.c.id } : {}),
          ...(r.province ? { provinceId: r.province === 'P1' ? w.p1.id : w.p2.id } : {}),
          ...(r.role === 'unit_focal_point' ? { unitId: w.aSchool.id } : r.role === 'digital_team_member' ? { unitId: w.aTeam.id } : {}),
        })),
      });
    }
    for (const u of USERS) clients.set(u.username, await loginAs(t, u.username, PASSWORD));
  }, 180_000);
  afterAll(async () => t?.close());

  it('every /api route declares its access, and every route has a matrix fixture', () => {
    const missing = t.routeTable.filter((r) => !FIXTURES[`${r.method} ${r.url}`]).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'add a fixture to FIXTURES for each new route').toEqual([]);
    expect(t.routeTable.length).toBeGreaterThanOrEqual(25);
  });

  it('anonymous requests to non-public routes get 401', async () => {
    for (const r of t.routeTable.filter((x) => x.access !== 'public')) {
      const f = FIXTURES[`${r.method} ${r.url}`] ?? {};
      const ctx: Ctx = { w, side: 'own', n: ++counter, t };
      const url = withQuery(fill(r.url, (await f.params?.(ctx)) ?? {}), f.query?.(ctx));
      const res = await t.app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : (((await f.body?.(ctx)) ?? {}) as object) });
      expect([r.method, r.url, res.statusCode]).toEqual([r.method, r.url, 401]);
    }
  });

  it('each user gets exactly what the roles it holds allow, commune by commune: 404 where nothing is visible, 403 where visible but not allowed', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const route of t.routeTable.filter((x) => x.access !== 'public' && !x.url.includes('/auth/'))) {
      const f = FIXTURES[`${route.method} ${route.url}`]!;
      for (const user of USERS) {
        for (const side of ['own', 'other'] as Side[]) {
          const ctx: Ctx = { w, side, n: ++counter, t };
          const url = withQuery(fill(route.url, (await f.params?.(ctx)) ?? {}), f.query?.(ctx));
          const client = clients.get(user.username)!;
          const [payload, headers] = f.raw ? f.raw(ctx) : [route.method === 'GET' ? undefined : await f.body?.(ctx), {}];
          const res = await client.request(route.method, url, payload ?? (route.method === 'GET' ? undefined : {}), headers);
          calls++;
          const expected = expectation(user, route.access as Permission | 'authenticated', side, route.method, route.url, f.refuse ?? []);
          const ok =
            expected === 'allowed'
              ? res.statusCode < 400 || (route.url.endsWith('/import') && [400, 415].includes(res.statusCode))
              : expected === 'forbidden'
                ? res.statusCode === 403
                : expected === 'hidden'
                  ? res.statusCode === 404
                  : res.statusCode === 200;
          if (!ok) failures.push(`${user.username} ${side} ${route.method} ${route.url} -> ${res.statusCode} (expected ${expected}) ${res.body.slice(0, 160)}`);
          if (expected === 'filtered' && res.statusCode === 200) {
            const body = res.json() as { items?: { communeId?: string | null; id?: string }[] };
            // Rows only of communes where a role of the user holds the route's permission.
            const sees = (communeId: string) =>
              user.roles
                .filter((r) => rolePermissions[r.role].includes(route.access as Permission))
                .some(
                  (r) =>
                    r.role === 'system_admin' ||
                    (r.commune === 'A' ? w.a.id : r.commune === 'C' ? w.c.id : null) === communeId ||
                    (r.province && (r.province === 'P1' ? [w.a.id, w.b.id] : [w.c.id]).includes(communeId)),
                );
            const leaked = (body.items ?? []).filter((i) => {
              const c = route.url === '/api/communes' ? i.id : i.communeId;
              return !!c && [w.a.id, w.b.id, w.c.id].includes(c) && !sees(c);
            });
            if (leaked.length) failures.push(`${user.username} ${route.method} ${route.url} leaks rows of communes where it lacks ${route.access}`);
          }
        }
      }
    }
    console.log(`authorization matrix: ${calls} calls, ${failures.length} wrong`);
    expect(failures).toEqual([]);
  }, 600_000);
});

function withQuery(url: string, query: string | undefined): string {
  return query ? `${url}?${query}` : url;
}

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/gu, (_, k: string) => params[k] ?? `:${k}`);
}

/** Routes whose target is a province (the side's P1 or P2) rather than a commune. */
const provinceTargeted = (url: string) => url.includes(':provinceId') || url.startsWith('/api/province-plans') || url.startsWith('/api/provinces/:id');

/**
 * What should happen for `user` on the side's commune (A or C) or province (P1 or P2): `forbidden`
 * (403) when the user holds the permission nowhere, or sees the target but no role of its covering
 * it may act (a narrower rule refuses it); `hidden` (404) when the user sees nothing of the target;
 * `filtered` for global lists (200, with nothing of communes the user cannot see); else allowed.
 */
function expectation(
  user: MatrixUser,
  access: Permission | 'authenticated',
  side: Side,
  method: string,
  url: string,
  refuse: readonly Role[],
): 'allowed' | 'forbidden' | 'hidden' | 'filtered' {
  if (access === 'authenticated') return 'allowed';
  const holders = user.roles.filter((r) => rolePermissions[r.role].includes(access));
  if (!holders.length) return 'forbidden';
  if (method === 'GET' && GLOBAL_LISTS.has(url) && !holders.some((r) => r.role === 'system_admin')) return 'filtered';
  const commune = side === 'own' ? 'A' : 'C';
  const province = side === 'own' ? 'P1' : 'P2';
  const inProvince = (r: MatrixRole) => r.province === province || (r.commune && (r.commune === 'A' ? 'P1' : 'P2') === province);
  // Roles that reach the target at all (a province role reaches every commune of its province).
  const reaches = (r: MatrixRole) => r.role === 'system_admin' || (provinceTargeted(url) ? !!inProvince(r) : r.commune === commune || r.province === province);
  const covering = holders.filter(reaches);
  if (covering.some((r) => !refuse.includes(r.role))) return 'allowed';
  return user.roles.some(reaches) ? 'forbidden' : 'hidden';
}
