import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { makeUser } from '../../testing/factories';

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

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const a = await login('a.viewer', 'sai-mat-khau-1');
    const b = await login('khong-co-ai', 'sai-mat-khau-1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error).toEqual(b.json().error);
    expect(a.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account for a while after repeated failures, even with the right password', async () => {
    await makeUser(t.database.db, { username: 'lockme', password: PASSWORD, roles: [{ role: 'viewer', communeId: w.a.id }] });
    for (let i = 0; i < 3; i++) expect((await login('lockme', 'wrong-password-9')).statusCode).toBe(401);
    const locked = await login('lockme', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('USER_LOCKED');
    // An administrator of the commune unlocks it.
    const admin = await loginAs(t, 'a.admin', PASSWORD);
    const users = (await admin.get(`/api/users?q=lockme`)).json();
    const unlocked = await admin.post(`/api/users/${users.items[0].id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect((await login('lockme', PASSWORD)).statusCode).toBe(200);
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
    await t.database.db.execute(sql`update session set expires_at = now() - interval '1 minute' where user_id = ${w.users['a.chair']!.id}`);
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
