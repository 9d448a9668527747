import { randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tokenId } from '../../platform/session';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { session } from './auth.table';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Create a session row; the raw token goes only to the cookie. */
export async function createSession(db: Db, userId: string, idleMinutes: number, meta: { ip?: string; userAgent?: string }, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + idleMinutes * 60_000);
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await tx.delete(session).where(lt(session.expiresAt, now));
    await tx
      .insert(session)
      .values({ id: tokenId(token), userId, csrfToken, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  });
  return { token, csrfToken, expiresAt };
}

/** End every session of a user (after a password change or reset, or when disabled): system work. */
export async function destroySessions(db: Db, by: { userId: string; exceptSessionId?: string }): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await tx.delete(session).where(and(eq(session.userId, by.userId), by.exceptSessionId ? sql`${session.id} <> ${by.exceptSessionId}` : undefined));
  });
}
