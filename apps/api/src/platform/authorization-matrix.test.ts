import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, roles, type Permission, type Role } from '@tds/contracts';
import { person } from '../modules/people/people.table';
import { unit } from '../modules/org/org.table';
import { appUser } from '../modules/users/users.table';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../testing/harness';
import { buildWorld, PASSWORD, ROLE_USERS, type World } from '../testing/world';
import { inScope, SYSTEM_SCOPE } from './tenancy';
import { plan as planTable, provincePlan as provincePlanTable } from '../modules/plans/plans.table';
import { buildPlanTemplate } from '../modules/plans/plan-template';
import { makePlan, makeUser } from '../testing/factories';
import { matrixModules } from '../testing/matrix';
import type { Ctx, Fixture, Side } from '../testing/matrix/types';

const commune = (c: Ctx) => (c.side === 'own' ? c.w.a.id : c.w.c.id);
const versionOf = async (c: Ctx, table: typeof unit | typeof person | typeof appUser, id: string) => {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) => tx.select({ v: table.version }).from(table).where(eq(table.id, id)));
  return r!.v;
};
const unitOf = (c: Ctx) => (c.side === 'own' ? c.w.aSchool.id : c.w.cOffice.id);
const personOf = (c: Ctx) => (c.side === 'own' ? c.w.aPerson.id : c.w.cPerson.id);
const planOf = (c: Ctx) => (c.side === 'own' ? plans.a : plans.c);
const planVersion = async (c: Ctx) => {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) => tx.select({ v: planTable.currentVersion }).from(planTable).where(eq(planTable.id, planOf(c))));
  return r!.v;
};
const template = () => buildPlanTemplate({ communeName: 'Xã Gia Phúc', provinceName: 'Tỉnh Một', year: 2026 });
const plans = { a: '', c: '' };
/** A fresh province plan of P1 (own side) or P2 (other side), entered as the system. */
const spareProvincePlan = async (c: Ctx) => {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) => tx.insert(provincePlanTable).values({ provinceId: c.side === 'own' ? c.w.p1.id : c.w.p2.id, title: `Dự phòng ${c.n}` }).returning());
  return r!.id;
};
const userOf = (c: Ctx) => (c.side === 'own' ? c.w.users['a.target']!.id : c.w.users['c.admin']!.id);

/**
 * One fixture per route. A route missing here fails the matrix, so that no new route escapes it.
 */
const CORE_FIXTURES: Record<string, Fixture> = {
  'POST /api/auth/login': {},
  'POST /api/auth/logout': {},
  'GET /api/auth/me': {},
  'POST /api/auth/change-password': { body: () => ({ currentPassword: 'wrong-current', newPassword: 'KhongDoi2025x' }) },
  'GET /api/provinces': {},
  'POST /api/provinces': { body: (c) => ({ code: `PX${c.n}`, name: `Tỉnh thử ${c.n}` }) },
  'PATCH /api/provinces/:id': { params: (c) => ({ id: c.side === 'own' ? c.w.p1.id : c.w.p2.id }), body: (c) => ({ code: c.side === 'own' ? 'P1' : 'P2', name: `Tỉnh đổi tên ${c.n}` }) },
  'GET /api/communes': {},
  'POST /api/communes': { body: (c) => ({ provinceId: c.side === 'own' ? c.w.p1.id : c.w.p2.id, code: `CX${c.n}`, name: `Xã thử ${c.n}`, kind: 'xa' }) },
  'PATCH /api/communes/:id': { params: (c) => ({ id: commune(c) }), body: (c) => ({ provinceId: c.side === 'own' ? c.w.p1.id : c.w.p2.id, code: c.side === 'own' ? 'A' : 'C', name: c.side === 'own' ? 'Xã Gia Phúc' : 'Phường Bàn Thạch', kind: c.side === 'own' ? 'xa' : 'phuong' }) },
  'GET /api/communes/:communeId/units': { params: (c) => ({ communeId: commune(c) }) },
  'GET /api/communes/:communeId/units/tree': { params: (c) => ({ communeId: commune(c) }) },
  'GET /api/communes/:communeId/units/:id': { params: (c) => ({ communeId: commune(c), id: unitOf(c) }) },
  'POST /api/communes/:communeId/units': { params: (c) => ({ communeId: commune(c) }), body: (c) => ({ code: `U${c.n}`, name: `Đơn vị thử ${c.n}`, kind: 'office' }) },
  'PATCH /api/communes/:communeId/units/:id': {
    params: (c) => ({ communeId: commune(c), id: unitOf(c) }),
    body: async (c) => ({ contactName: `Người liên hệ ${c.n}`, version: await versionOf(c, unit, unitOf(c)) }),
  },
  'GET /api/communes/:communeId/units/export.xlsx': { params: (c) => ({ communeId: commune(c) }) },
  'GET /api/communes/:communeId/units/import-template.xlsx': { params: (c) => ({ communeId: commune(c) }) },
  'POST /api/communes/:communeId/units/import': {
    params: (c) => ({ communeId: commune(c) }),
    raw: () => {
      const b = 'matrixboundary';
      return [`--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nnot excel\r\n--${b}--\r\n`, { 'content-type': `multipart/form-data; boundary=${b}` }];
    },
  },
  'GET /api/communes/:communeId/people': { params: (c) => ({ communeId: commune(c) }) },
  'GET /api/communes/:communeId/people/:id': { params: (c) => ({ communeId: commune(c), id: personOf(c) }) },
  'POST /api/communes/:communeId/people': { params: (c) => ({ communeId: commune(c) }), body: (c) => ({ unitId: unitOf(c), fullName: `Nguyễn Văn Thử ${c.n}` }) },
  'PATCH /api/communes/:communeId/people/:id': {
    params: (c) => ({ communeId: commune(c), id: personOf(c) }),
    body: async (c) => ({ position: `Chức vụ ${c.n}`, version: await versionOf(c, person, personOf(c)) }),
  },
  'GET /api/users': {},
  'GET /api/users/:id': { params: (c) => ({ id: userOf(c) }) },
  'POST /api/users': { body: (c) => ({ username: `matrix${c.n}`, fullName: 'Người thử', password: 'MatKhau2025abc', roles: [{ role: 'viewer', communeId: commune(c) }] }) },
  'PATCH /api/users/:id': { params: (c) => ({ id: userOf(c) }), body: async (c) => ({ fullName: `Tên mới ${c.n}`, version: await versionOf(c, appUser, userOf(c)) }) },
  'POST /api/users/:id/reset-password': { params: (c) => ({ id: userOf(c) }), body: () => ({ newPassword: PASSWORD }) },
  'POST /api/users/:id/unlock': { params: (c) => ({ id: userOf(c) }) },
  'GET /api/audit': {},
  'GET /api/plan-template': { query: (c) => `communeId=${commune(c)}` },
  'GET /api/communes/:communeId/plans': { params: (c) => ({ communeId: commune(c) }) },
  // Importing proposes a commune plan: commune-level plan writers only; a unit's focal point is refused (403 own, 404 other).
  'POST /api/communes/:communeId/plans/import': {
    params: (c) => ({ communeId: commune(c) }), body: () => ({ text: 'KẾ HOẠCH\nTriển khai phong trào thi đua\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao nhận thức.' }), refuse: ['unit_focal_point'],
  },
  'POST /api/communes/:communeId/plans': { params: (c) => ({ communeId: commune(c) }), body: (c) => ({ doc: template(), source: 'template', ownerUnitId: unitOf(c) }) },
  'GET /api/communes/:communeId/plans/:id': { params: (c) => ({ communeId: commune(c), id: planOf(c) }) },
  'PATCH /api/communes/:communeId/plans/:id': { params: (c) => ({ communeId: commune(c), id: planOf(c) }), body: async (c) => ({ doc: template(), version: await planVersion(c) }) },
  'GET /api/communes/:communeId/plans/:id/versions': { params: (c) => ({ communeId: commune(c), id: planOf(c) }) },
  'GET /api/communes/:communeId/plans/:id/versions/:version': { params: (c) => ({ communeId: commune(c), id: planOf(c), version: '1' }) },
  'POST /api/communes/:communeId/plans/:id/publish': { params: (c) => ({ communeId: commune(c), id: planOf(c) }), body: async (c) => ({ version: await planVersion(c), dryRun: true }) },
  'GET /api/communes/:communeId/plans/:id/document.docx': { params: (c) => ({ communeId: commune(c), id: planOf(c) }) },
  'GET /api/communes/:communeId/plans/:id/decision.docx': { params: (c) => ({ communeId: commune(c), id: planOf(c) }) },
  'GET /api/communes/:communeId/plans/:id/document.html': { params: (c) => ({ communeId: commune(c), id: planOf(c) }) },
  'GET /api/communes/:communeId/plans/:id/decision.html': { params: (c) => ({ communeId: commune(c), id: planOf(c) }) },
  'GET /api/award-kinds': {},
  'GET /api/province-plans': { query: (c) => `provinceId=${c.side === 'own' ? c.w.p1.id : c.w.p2.id}` },
  // Province plans are written by the province's users (and system administrators) only.
  'POST /api/province-plans': { body: (c) => ({ provinceId: c.side === 'own' ? c.w.p1.id : c.w.p2.id, title: `Kế hoạch của tỉnh ${c.n}` }) },
  'PATCH /api/province-plans/:id': { params: async (c) => ({ id: await spareProvincePlan(c) }), body: (c) => ({ title: `Kế hoạch sửa ${c.n}` }) },
  'DELETE /api/province-plans/:id': { params: async (c) => ({ id: await spareProvincePlan(c) }) },
  'GET /api/communes/:communeId/calendar': { params: (c) => ({ communeId: commune(c) }), query: () => 'from=2025-01-01&to=2026-12-31' },
};

const FIXTURES: Record<string, Fixture> = Object.assign({}, CORE_FIXTURES, ...matrixModules.map((m) => m.fixtures));

/** Lists that span communes: they answer 200 but must hold nothing of communes the role cannot see. */
const GLOBAL_LISTS = new Set(['/api/provinces', '/api/communes', '/api/users', '/api/audit', '/api/award-kinds', ...matrixModules.flatMap((m) => m.globalLists ?? [])]);

/** Where a role lies: A (province P1) or C (province P2), a province, or everywhere. */
interface MatrixRole { role: Role; commune?: 'A' | 'C'; province?: 'P1' | 'P2' }
interface MatrixUser { username: string; roles: MatrixRole[] }

/**
 * Who asks: one user per role in commune A (the world's), a province officer of each province, and
 * users holding roles in two communes of two provinces, whose rights differ from one to the other.
 */
const USERS: MatrixUser[] = [
  ...roles.map((role): MatrixUser => ({ username: ROLE_USERS[role], roles: [role === 'system_admin' ? { role } : role === 'province_officer' ? { role, province: 'P1' } : { role, commune: 'A' }] })),
  { username: 'mx.province2', roles: [{ role: 'province_officer', province: 'P2' }] },
  { username: 'mx.viewer-a.admin-c', roles: [{ role: 'viewer', commune: 'A' }, { role: 'commune_admin', commune: 'C' }] },
  { username: 'mx.focal-a.chair-c', roles: [{ role: 'unit_focal_point', commune: 'A' }, { role: 'chairman', commune: 'C' }] },
  { username: 'mx.council-a.province2', roles: [{ role: 'council_member', commune: 'A' }, { role: 'province_officer', province: 'P2' }] },
];

describe(`authorization matrix: every route x every role x two communes of two provinces, and users of two communes (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  const clients = new Map<string, Client>();
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    plans.a = (await makePlan(t.database.db, w.a.id, { doc: template(), ownerUnitId: w.aSchool.id })).id;
    plans.c = (await makePlan(t.database.db, w.c.id, { doc: template() })).id;
    for (const m of matrixModules) await m.setup?.(t, w);
    for (const u of USERS.filter((x) => !Object.values(ROLE_USERS).includes(x.username))) {
      await makeUser(t.database.db, {
        username: u.username, password: PASSWORD,
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
      const res = await t.app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : ((await f.body?.(ctx)) ?? {}) as object });
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
          const ok = expected === 'allowed' ? res.statusCode < 400 || (route.url.endsWith('/import') && [400, 415].includes(res.statusCode))
            : expected === 'forbidden' ? res.statusCode === 403
            : expected === 'hidden' ? res.statusCode === 404
            : res.statusCode === 200;
          if (!ok) failures.push(`${user.username} ${side} ${route.method} ${route.url} -> ${res.statusCode} (expected ${expected}) ${res.body.slice(0, 160)}`);
          if (expected === 'filtered' && res.statusCode === 200) {
            const body = res.json() as { items?: { communeId?: string | null; id?: string }[] };
            // Rows only of communes where a role of the user holds the route's permission.
            const sees = (communeId: string) => user.roles.filter((r) => rolePermissions[r.role].includes(route.access as Permission)).some((r) => r.role === 'system_admin' || (r.commune === 'A' ? w.a.id : r.commune === 'C' ? w.c.id : null) === communeId
              || (r.province && (r.province === 'P1' ? [w.a.id, w.b.id] : [w.c.id]).includes(communeId)));
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
function expectation(user: MatrixUser, access: Permission | 'authenticated', side: Side, method: string, url: string, refuse: readonly Role[]): 'allowed' | 'forbidden' | 'hidden' | 'filtered' {
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
