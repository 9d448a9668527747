import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { makeUser } from '../../testing/factories';
import { rowsOf } from '../../db/security';
import { login as loginUseCase } from './login';

describe(`auth (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOCKOUT_MINUTES: '15' });
    w = await buildWorld(t.database.db);
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('logs in, sets httpOnly SameSite cookies and tells the web app what the user may do', async () => {
    const res = await login('a.admin', PASSWORD);
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'tds_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    const me = res.json();
    expect(me.permissions).toContain('org.unit.write');
    expect(me.permissions).not.toContain('org.territory.write');
    expect(me.communes.map((c: { id: string }) => c.id)).toEqual([w.a.id]);
  });

  it('takes the moment of the sign-in from its caller: the session expires idle minutes after it, the last sign-in is then', async () => {
    const now = new Date('2026-03-02T01:30:00.000Z');
    const r = await loginUseCase({ db: t.database.db, config: t.config, username: 'a.viewer', password: PASSWORD, meta: { requestId: 'test' }, now });
    expect(r.session.expiresAt.toISOString()).toBe(new Date(now.getTime() + t.config.SESSION_IDLE_MINUTES * 60_000).toISOString());
    const [row] = rowsOf<{ last_login_at: Date | string }>(await t.database.system.execute(sql`select last_login_at from app_user where id = ${r.userId}`));
    expect(new Date(row!.last_login_at).toISOString()).toBe(now.toISOString());
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const a = await login('a.viewer', 'sai-mat-khau-1');
    const b = await login('khong-co-ai', 'sai-mat-khau-1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error).toEqual(b.json().error);
    expect(a.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  const loginFrom = (remoteAddress: string, username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });
  /** Let every pending delay pass (the throttle is in the database; tests move its clock). */
  const waitOut = () => t.database.system.execute(sql`update login_throttle set next_at = now() - interval '1 second'`);

  it('delays repeated failures with growing waits instead of locking anyone out; known and unknown names alike', async () => {
    await makeUser(t.database.db, { username: 'lockme', password: PASSWORD, roles: [{ role: 'viewer', communeId: w.a.id }] });
    for (const name of ['lockme', 'khong-ai-ca']) {
      for (let i = 0; i < 3; i++) expect((await loginFrom('10.0.0.1', name, 'wrong-password-9')).statusCode).toBe(401);
    }
    const known = await loginFrom('10.0.0.1', 'lockme', PASSWORD);
    const unknown = await loginFrom('10.0.0.1', 'khong-ai-ca', PASSWORD);
    expect(known.statusCode).toBe(429);
    expect(unknown.statusCode).toBe(429);
    expect(known.json()).toEqual(unknown.json());
    expect(known.headers['retry-after']).toBe('1');
    expect(known.json().error.message).toMatch(/thử lại sau 1 giây/u);
    // The wait doubles with each further failure, up to LOCKOUT_MINUTES.
    await waitOut();
    expect((await loginFrom('10.0.0.1', 'lockme', 'wrong-password-9')).statusCode).toBe(401);
    expect((await loginFrom('10.0.0.1', 'lockme', PASSWORD)).headers['retry-after']).toBe('2');
    // The owner of the account, from their own address, is not locked out by someone else's guesses.
    expect((await loginFrom('10.0.0.2', 'lockme', PASSWORD)).statusCode).toBe(200);
    // After the wait the right password works, and the failures are forgotten.
    await waitOut();
    expect((await loginFrom('10.0.0.1', 'lockme', PASSWORD)).statusCode).toBe(200);
    expect((await loginFrom('10.0.0.1', 'lockme', 'wrong-password-9')).statusCode).toBe(401);
    expect((await loginFrom('10.0.0.1', 'lockme', PASSWORD)).statusCode).toBe(200);
  });

  it('an administrator of the commune lifts the delays of a user', async () => {
    await makeUser(t.database.db, { username: 'delayed', password: PASSWORD, roles: [{ role: 'viewer', communeId: w.a.id }] });
    for (let i = 0; i < 3; i++) await loginFrom('10.0.1.1', 'delayed', 'wrong-password-9');
    for (let i = 0; i < 6; i++) await loginFrom(`10.0.1.${i + 2}`, 'delayed', 'wrong-password-9');
    const admin = await loginAs(t, 'a.admin', PASSWORD);
    const listed = (await admin.get(`/api/users?q=delayed`)).json().items[0];
    expect(listed.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/users/${listed.id}/unlock`)).statusCode).toBe(200);
    expect((await admin.get(`/api/users/${listed.id}`)).json().lockedUntil).toBeNull();
    expect((await loginFrom('10.0.1.1', 'delayed', PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures, not successes, per address, and believes no X-Forwarded-For unless a proxy is configured', async () => {
    for (let i = 0; i < 35; i++) expect((await loginFrom('10.0.2.1', 'a.viewer', PASSWORD)).statusCode).toBe(200);
    let throttled = 0;
    for (let i = 0; i < 40; i++) {
      const res = await loginFrom('10.0.3.1', `guess-${i % 5}`, 'wrong-password-9', { 'x-forwarded-for': `192.0.2.${i}` });
      if (res.statusCode === 429) throttled++;
    }
    // 30 failures from the address, then every guess waits, whatever address the client claims.
    expect(throttled).toBeGreaterThanOrEqual(10);
  });

  it('known and unknown usernames take the same time to refuse', async () => {
    const time = async (name: string) => {
      const t0 = performance.now();
      await loginFrom('10.0.4.1', name, 'wrong-password-9');
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Same failure history for both names, alternating which goes first. Without the dummy hash an
    // unknown name would answer ~20x faster; the bounds leave room for a loaded machine.
    for (let i = 0; i < 6; i++) {
      await waitOut();
      if (i % 2) {
        known.push(await time('a.chair'));
        unknown.push(await time('nobody-here'));
      } else {
        unknown.push(await time('nobody-here'));
        known.push(await time('a.chair'));
      }
    }
    const med = (v: number[]) => v.sort((x, y) => x - y)[Math.floor(v.length / 2)]!;
    const ratio = med(known) / med(unknown);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('limits attempts at the current password when changing it', async () => {
    await makeUser(t.database.db, { username: 'changer', password: PASSWORD, roles: [{ role: 'viewer', communeId: w.a.id }] });
    const c = await loginAs(t, 'changer', PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await c.post('/api/auth/change-password', { currentPassword: `Sai${i}mat-khau`, newPassword: 'MoiHon2025xyz' })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toContain(429);
    const blocked = await c.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'MoiHon2025xyz' });
    expect(blocked.statusCode).toBe(429);
    await waitOut();
    expect((await c.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'MoiHon2025xyz' })).statusCode).toBe(200);
  });

  it('needs a session for protected routes and answers 401 with the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/communes/${w.a.id}/units` });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    const bogus = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { tds_session: 'not-a-session' } });
    expect(bogus.statusCode).toBe(401);
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const c = await loginAs(t, 'a.admin', PASSWORD);
    const res = await c.request('POST', `/api/communes/${w.a.id}/units`, { code: 'X1', name: 'X', kind: 'office' }, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('forces a password change at first login, then lets the user in', async () => {
    await makeUser(t.database.db, { username: 'newbie', password: PASSWORD, mustChangePassword: true, roles: [{ role: 'viewer', communeId: w.a.id }] });
    const c = await loginAs(t, 'newbie', PASSWORD);
    expect((await c.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await c.get(`/api/communes/${w.a.id}/units`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('newPassword');
    const same = await c.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.statusCode).toBe(400);
    const ok = await c.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'MoiHon2025xyz' });
    expect(ok.statusCode).toBe(200);
    expect((await c.get(`/api/communes/${w.a.id}/units`)).statusCode).toBe(200);
    expect((await login('newbie', 'MoiHon2025xyz')).statusCode).toBe(200);
  });

  it('an administrator reset forces a change and ends the user sessions', async () => {
    const victim = await loginAs(t, 'a.council', PASSWORD);
    const admin = await loginAs(t, 'a.admin', PASSWORD);
    const res = await admin.post(`/api/users/${w.users['a.council']!.id}/reset-password`, { newPassword: 'TamThoi2025abc' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    const again = await loginAs(t, 'a.council', 'TamThoi2025abc');
    expect((await again.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('expires idle sessions', async () => {
    const c = await loginAs(t, 'a.chair', PASSWORD);
    await t.database.system.execute(sql`update session set expires_at = now() - interval '1 minute' where user_id = ${w.users['a.chair']!.id}`);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('logs out', async () => {
    const c = await loginAs(t, 'a.viewer', PASSWORD);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('disabled users cannot log in', async () => {
    const admin = await loginAs(t, 'a.admin', PASSWORD);
    const u = (await admin.get(`/api/users/${w.users['a.team']!.id}`)).json();
    expect((await admin.patch(`/api/users/${u.id}`, { disabled: true, version: u.version })).statusCode).toBe(200);
    expect((await login('a.team', PASSWORD)).statusCode).toBe(401);
  });
});
