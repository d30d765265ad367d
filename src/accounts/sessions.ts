// Sessions: a random cookie value (only its hash is stored), a CSRF token bound to the session, a
// sliding idle expiry, and a second-factor state ('pending' until TOTP, passkey or a recovery code is given).
import type { AppContext } from '../context.ts';
import type { SessionInfo, User } from '../domain/accounts.ts';
import { findLiveSession, insertSession, listLiveSessions, revokeSession, revokeSessions, setSecondFactor, touchSession, type SessionRow } from '../store/sessions.ts';
import { findUser } from '../store/users.ts';
import { randomToken, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'relais_session';
export const IDLE_DAYS = 7;
const PENDING_MINUTES = 10;
const TOUCH_EVERY_MS = 60_000;

export interface LiveSession {
  idHash: string;
  user: User;
  csrfToken: string;
  /** none | pending | totp | passkey | recovery */
  secondFactor: string;
}

function expiry(now: Date, secondFactor: string): string {
  const ms = secondFactor === 'pending' ? PENDING_MINUTES * 60_000 : IDLE_DAYS * 86_400_000;
  return new Date(now.getTime() + ms).toISOString();
}

/** Starts a session (always a new id: sign-in never reuses one) and returns the cookie value. */
export async function startSession(ctx: AppContext, user: User, userAgent: string, secondFactor: string): Promise<{ cookie: string; session: LiveSession }> {
  const cookie = randomToken();
  const now = ctx.now();
  const row = {
    id_hash: sha256(cookie),
    user_id: user.id,
    csrf_token: randomToken(24),
    second_factor: secondFactor,
    user_agent: userAgent.slice(0, 300),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiry(now, secondFactor),
  };
  await insertSession(ctx.store.db, row);
  return { cookie, session: { idHash: row.id_hash, user, csrfToken: row.csrf_token, secondFactor } };
}

export async function readSession(ctx: AppContext, cookie: string): Promise<LiveSession | null> {
  const now = ctx.now();
  const row: SessionRow | undefined = await findLiveSession(ctx.store.db, sha256(cookie), now.toISOString());
  if (!row) return null;
  const user = await findUser(ctx.store.db, row.user_id);
  if (!user || user.status !== 'active') return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
    await touchSession(ctx.store.db, row.id_hash, { last_seen_at: now.toISOString(), expires_at: expiry(now, row.second_factor) });
  return { idHash: row.id_hash, user, csrfToken: row.csrf_token, secondFactor: row.second_factor };
}

export async function completeSecondFactor(ctx: AppContext, s: LiveSession, method: string): Promise<LiveSession> {
  await setSecondFactor(ctx.store.db, s.idHash, method);
  await touchSession(ctx.store.db, s.idHash, { last_seen_at: ctx.now().toISOString(), expires_at: expiry(ctx.now(), method) });
  return { ...s, secondFactor: method };
}

export async function endSession(ctx: AppContext, s: LiveSession): Promise<void> {
  await revokeSession(ctx.store.db, s.idHash, ctx.now().toISOString());
}

/** The public handle of a session: a prefix of its hash (the hash itself never leaves the server). */
const handle = (idHash: string) => idHash.slice(0, 16);

export async function listSessions(ctx: AppContext, s: LiveSession): Promise<SessionInfo[]> {
  const rows = await listLiveSessions(ctx.store.db, s.user.id, ctx.now().toISOString());
  return rows.map((r) => ({ id: handle(r.id_hash), userAgent: r.user_agent, createdAt: r.created_at, lastSeenAt: r.last_seen_at, current: r.id_hash === s.idHash }));
}

export async function revokeOne(ctx: AppContext, s: LiveSession, id: string): Promise<number> {
  if (!/^[0-9a-f]{16}$/.test(id)) return 0;
  return revokeSessions(ctx.store.db, s.user.id, ctx.now().toISOString(), { idPrefix: id });
}

/** "Sign out everywhere": every other session of this user ends; `includingThis` ends this one too. */
export async function revokeOthers(ctx: AppContext, s: LiveSession, includingThis = false): Promise<number> {
  return revokeSessions(ctx.store.db, s.user.id, ctx.now().toISOString(), includingThis ? {} : { exceptHash: s.idHash });
}
