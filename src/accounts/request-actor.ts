// Who sent a request: a bearer token (API clients, scripts) or the newsroom's session cookie.
// The API's hook and the newsroom's own routes (preview) both ask here, so the rule is one.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { checkApiToken } from '../store/tokens.ts';
import { findUser } from '../store/users.ts';
import { readSetting } from '../store/settings.ts';
import { readSession, SESSION_COOKIE, type LiveSession } from './sessions.ts';
import { hasSecondFactor } from './sign-in.ts';

export type Credentials =
  | { kind: 'none' }
  | { kind: 'bad-token' }
  | { kind: 'token'; actor: Actor }
  | { kind: 'session'; actor: Actor; session: LiveSession; mustEnrol: boolean };

export function bearerOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const m = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  return m ? m[1] : null;
}

export function sessionCookieOf(req: FastifyRequest): string | null {
  const raw = req.headers.cookie;
  if (!raw) return null;
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

export async function requireTwoFactorSetting(ctx: AppContext): Promise<boolean> {
  return readSetting(ctx.store.db, 'requireTwoFactor', false);
}

export async function credentialsOf(ctx: AppContext, req: FastifyRequest): Promise<Credentials> {
  const bearer = bearerOf(req);
  if (bearer) {
    const t = await checkApiToken(ctx.store.db, bearer, ctx.now());
    if (!t) return { kind: 'bad-token' };
    const user = t.userId != null ? await findUser(ctx.store.db, t.userId) : null;
    if (t.userId != null && (!user || user.status !== 'active')) return { kind: 'bad-token' };
    return { kind: 'token', actor: { kind: 'token', name: t.name, scope: t.scope, user } };
  }
  const cookie = sessionCookieOf(req);
  const session = cookie ? await readSession(ctx, cookie) : null;
  if (!session) return { kind: 'none' };
  const mustEnrol = session.secondFactor !== 'pending' && !hasSecondFactor(session.user) && (await requireTwoFactorSetting(ctx));
  return { kind: 'session', actor: { kind: 'user', user: session.user }, session, mustEnrol };
}
