// Signing in and out of the newsroom: first run, password, one-time links, second factors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import { countUsers } from '../store/users.ts';
import { recordAudit } from '../store/audit.ts';
import { createFirstOwner } from '../accounts/users.ts';
import { passwordSignIn, hasSecondFactor } from '../accounts/sign-in.ts';
import { completeSecondFactor, endSession, IDLE_DAYS, SESSION_COOKIE, startSession, type LiveSession } from '../accounts/sessions.ts';
import { inspectLink, redeemLink } from '../accounts/links.ts';
import { useRecoveryCode, verifyTotpForUser } from '../accounts/two-factor.ts';
import { authenticationOptions, verifyPasskey } from '../accounts/passkeys.ts';
import { requireTwoFactorSetting } from '../accounts/request-actor.ts';
import { RateLimited, checkBudget, noteFailure, noteSuccess } from '../accounts/rate-limit.ts';

function setCookie(ctx: AppContext, reply: FastifyReply, value: string, maxAge: number): void {
  const secure = ctx.site.baseUrl.startsWith('https:') ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`);
}

function methodsOf(s: LiveSession): string[] {
  const m: string[] = [];
  if (s.user.totpEnabled) m.push('totp');
  if (s.user.passkeys > 0) m.push('passkey');
  if (hasSecondFactor(s.user)) m.push('recovery');
  return m;
}

async function describe(ctx: AppContext, s: LiveSession) {
  const mustEnrolTwoFactor = s.secondFactor !== 'pending' && !hasSecondFactor(s.user) && (await requireTwoFactorSetting(ctx));
  return { user: s.user, csrfToken: s.csrfToken, secondFactor: s.secondFactor === 'pending' ? 'pending' : s.secondFactor, methods: methodsOf(s), mustEnrolTwoFactor };
}

async function begin(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, started: { cookie: string; session: LiveSession }) {
  setCookie(ctx, reply, started.cookie, IDLE_DAYS * 86_400);
  return describe(ctx, started.session);
}

const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });

export async function getSetup(ctx: AppContext) {
  return { needsSetup: (await countUsers(ctx.store.db)) === 0 };
}

export async function postSetup(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const b = req.body as { email: string; name: string; password: string; uiLanguage?: 'fr' | 'en' };
  const user = await createFirstOwner(ctx, b);
  return begin(ctx, req, reply, await startSession(ctx, user, client(req).userAgent, 'none'));
}

export async function postSession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const b = req.body as { email?: string; password?: string };
  try {
    return await begin(ctx, req, reply, await passwordSignIn(ctx, b.email, b.password, client(req)));
  } catch (err) {
    if (err instanceof RateLimited) return reply.code(429).header('retry-after', String(err.retryAfter)).send({ error: err.message, retryAfter: err.retryAfter });
    throw err;
  }
}

export async function getSession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  if (!req.session) return reply.code(401).send({ error: 'not signed in' });
  return describe(ctx, req.session);
}

export async function deleteSession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  if (req.session) {
    await endSession(ctx, req.session);
    await recordAudit(ctx.store.db, { at: ctx.now().toISOString(), userId: req.session.user.id, actor: `user:${req.session.user.id}`, action: 'sign-out', target: `user:${req.session.user.id}` });
  }
  setCookie(ctx, reply, '', 0);
  return reply.code(204).send();
}

export async function getLink(ctx: AppContext, req: FastifyRequest<{ Params: { token: string } }>) {
  const { purpose, user, needsPassword } = await inspectLink(ctx, req.params.token);
  return { purpose, email: user.email, name: user.name, needsPassword };
}

export async function postLink(ctx: AppContext, req: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
  const b = (req.body ?? {}) as { password?: string };
  const user = await redeemLink(ctx, req.params.token, b.password);
  return begin(ctx, req, reply, await startSession(ctx, user, client(req).userAgent, hasSecondFactor(user) ? 'pending' : 'none'));
}

function pendingSession(req: FastifyRequest): LiveSession {
  if (!req.session) throw Object.assign(new Error('sign in with your password first'), { statusCode: 401 });
  if (req.session.secondFactor !== 'pending') throw new InputError('this session has already given its second factor');
  return req.session;
}

/** Second-factor guesses share the sign-in budget of the account and the address. */
async function secondStep(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, method: string, check: (s: LiveSession) => Promise<boolean>) {
  const s = pendingSession(req);
  try {
    await checkBudget(ctx, s.user.email, req.ip);
  } catch (err) {
    if (err instanceof RateLimited) return reply.code(429).header('retry-after', String(err.retryAfter)).send({ error: err.message, retryAfter: err.retryAfter });
    throw err;
  }
  if (!(await check(s))) {
    await noteFailure(ctx, s.user.email, req.ip);
    throw new InputError(method === 'passkey' ? 'the passkey was not accepted' : 'that code is not right', 'code', 401);
  }
  await noteSuccess(ctx, s.user.email);
  await recordAudit(ctx.store.db, { at: ctx.now().toISOString(), userId: s.user.id, actor: `user:${s.user.id}`, action: 'sign-in.second-factor', target: `user:${s.user.id}`, detail: { method } });
  return describe(ctx, await completeSecondFactor(ctx, s, method));
}

export const postTotp = (ctx: AppContext, req: FastifyRequest, reply: FastifyReply) =>
  secondStep(ctx, req, reply, 'totp', (s) => verifyTotpForUser(ctx, s.user.id, String((req.body as { code?: string })?.code ?? '')));
export const postRecovery = (ctx: AppContext, req: FastifyRequest, reply: FastifyReply) =>
  secondStep(ctx, req, reply, 'recovery', (s) => useRecoveryCode(ctx, s.user.id, String((req.body as { code?: string })?.code ?? '')));
export const postPasskey = (ctx: AppContext, req: FastifyRequest, reply: FastifyReply) =>
  secondStep(ctx, req, reply, 'passkey', (s) => verifyPasskey(ctx, s, (req.body as { response?: unknown })?.response));
export async function postPasskeyOptions(ctx: AppContext, req: FastifyRequest) {
  return authenticationOptions(ctx, pendingSession(req));
}
