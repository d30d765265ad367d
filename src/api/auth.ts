// Every /api/ request is authenticated by a bearer token (`relais token create`, or the newsroom's token
// screen) or by the newsroom's session cookie. Cookie requests that change state must carry the
// session's CSRF token in `x-csrf-token` (a header a cross-site form cannot send, and a value a cross-site
// script cannot read); the cookie is SameSite=Lax besides. Then the route's permission is checked.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { can, refusal, type Action } from '../domain/permissions.ts';
import { credentialsOf } from '../accounts/request-actor.ts';
import type { LiveSession } from '../accounts/sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting: the token's or the session's user. */
    actor?: Actor;
    /** The newsroom session, when the request came with its cookie. */
    session?: LiveSession;
  }
  interface FastifyContextConfig extends AuthConfig {}
}

/** Route config read by the hook. */
export interface AuthConfig {
  /** No credentials needed (the route answers for itself). */
  public?: boolean;
  /** Credentials are read when present, but not required (sign-in, setup). */
  optionalAuth?: boolean;
  /** Reachable while the session still owes its second factor. */
  pendingOk?: boolean;
  /** Reachable while the owner requires two-factor and this user has not set one up yet. */
  enrolOk?: boolean;
  permission?: Action;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function deny(reply: FastifyReply, status: number, error: string, extra: Record<string, unknown> = {}) {
  reply.code(status).send({ error, ...extra });
  return reply;
}

export function apiAuth(ctx: AppContext) {
  return async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const config = (req.routeOptions.config ?? {}) as AuthConfig;
    if (config.public) return;
    const cred = await credentialsOf(ctx, req);
    if (cred.kind === 'bad-token')
      return reply.code(401).header('www-authenticate', 'Bearer realm="relais", error="invalid_token"').send({ error: 'the API token is not valid' });
    if (cred.kind === 'none') {
      if (config.optionalAuth) return;
      reply.header('www-authenticate', 'Bearer realm="relais"');
      return deny(reply, 401, 'sign in, or send an API token as "Authorization: Bearer <token>" (create one with `relais token create <name>`)');
    }
    if (cred.kind === 'session') {
      if (UNSAFE.has(req.method)) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameToken(sent, cred.session.csrfToken))
          return deny(reply, 403, 'this request lacks the session’s CSRF token (x-csrf-token): reload the newsroom and try again');
        if (req.headers['sec-fetch-site'] === 'cross-site') return deny(reply, 403, 'cross-site requests are refused');
      }
      req.session = cred.session;
      if (cred.session.secondFactor === 'pending' && !config.pendingOk && !config.optionalAuth)
        return deny(reply, 403, 'finish signing in with your second factor first', { secondFactor: 'pending' });
      if (cred.mustEnrol && !config.enrolOk && !config.optionalAuth)
        return deny(reply, 403, 'the owner requires two-factor sign-in: set up an authenticator app or a passkey first', { mustEnrolTwoFactor: true });
    }
    req.actor = cred.actor;
    if (config.permission && !can(cred.actor, config.permission)) return deny(reply, 403, refusal(config.permission));
  };
}

/** The actor of a request that passed the hook (routes without credentials have none). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw Object.assign(new Error('not signed in'), { statusCode: 401 });
  return req.actor;
}
