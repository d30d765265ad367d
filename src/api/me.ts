// One's own account: profile, password, sessions, two-factor (TOTP, recovery codes, passkeys).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import { actorOf } from './auth.ts';
import { changeUser, setPassword } from '../accounts/users.ts';
import { verifyPassword } from '../accounts/passwords.ts';
import { findUserRow } from '../store/users.ts';
import { listSessions, revokeOne, revokeOthers, type LiveSession } from '../accounts/sessions.ts';
import { beginTotp, confirmTotp, disableTotp, replaceRecoveryCodes } from '../accounts/two-factor.ts';
import { listPasskeys, registerPasskey, registrationOptions, removePasskey } from '../accounts/passkeys.ts';

function sessionOf(req: FastifyRequest): LiveSession {
  if (!req.session) throw new InputError('this needs a newsroom session, not an API token', null, 403);
  return req.session;
}

export async function getMe(_ctx: AppContext, req: FastifyRequest) {
  return sessionOf(req).user;
}

export async function putMe(ctx: AppContext, req: FastifyRequest) {
  const s = sessionOf(req);
  const b = req.body as { name?: string; uiLanguage?: 'fr' | 'en'; currentPassword?: string; newPassword?: string };
  if (b.newPassword !== undefined) {
    const row = await findUserRow(ctx.store.db, s.user.id);
    if (row?.password_hash && !(await verifyPassword(String(b.currentPassword ?? ''), row.password_hash)).ok)
      throw new InputError('your current password is not right', 'currentPassword', 403);
    await setPassword(ctx, actorOf(req), s.user.id, b.newPassword);
  }
  return changeUser(ctx, actorOf(req), s.user.id, { name: b.name, uiLanguage: b.uiLanguage });
}

export async function getMySessions(ctx: AppContext, req: FastifyRequest) {
  return listSessions(ctx, sessionOf(req));
}

export async function deleteMySession(ctx: AppContext, req: FastifyRequest<{ Params: { sid: string } }>, reply: FastifyReply) {
  const n = await revokeOne(ctx, sessionOf(req), req.params.sid);
  if (!n) return reply.code(404).send({ error: 'no such session' });
  return reply.code(204).send();
}

export async function postRevokeOthers(ctx: AppContext, req: FastifyRequest) {
  return { revoked: await revokeOthers(ctx, sessionOf(req)) };
}

export async function postTotpSetup(ctx: AppContext, req: FastifyRequest) {
  return beginTotp(ctx, sessionOf(req).user);
}

export async function postTotpConfirm(ctx: AppContext, req: FastifyRequest) {
  return { recoveryCodes: await confirmTotp(ctx, actorOf(req), sessionOf(req).user, String((req.body as { code?: string }).code ?? '')) };
}

export async function deleteTotp(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  await disableTotp(ctx, actorOf(req), sessionOf(req).user, String((req.body as { currentPassword?: string } | undefined)?.currentPassword ?? ''));
  return reply.code(204).send();
}

export async function postRecoveryCodes(ctx: AppContext, req: FastifyRequest) {
  const s = sessionOf(req);
  if (!s.user.totpEnabled && !s.user.passkeys) throw new InputError('set up an authenticator app or a passkey first');
  return { recoveryCodes: await replaceRecoveryCodes(ctx, s.user.id) };
}

export async function getPasskeys(ctx: AppContext, req: FastifyRequest) {
  return listPasskeys(ctx, sessionOf(req).user);
}

export async function postPasskeyRegistrationOptions(ctx: AppContext, req: FastifyRequest) {
  return registrationOptions(ctx, sessionOf(req));
}

export async function postPasskeyRegistration(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const b = req.body as { response?: unknown; name?: string };
  const s = sessionOf(req);
  const key = await registerPasskey(ctx, actorOf(req), s, b.response, b.name);
  const codes = s.user.totpEnabled || s.user.passkeys > 0 ? null : await replaceRecoveryCodes(ctx, s.user.id);
  return reply.code(201).send({ ...key, recoveryCodes: codes });
}

export async function deletePasskey(ctx: AppContext, req: FastifyRequest<{ Params: { pid: string } }>, reply: FastifyReply) {
  await removePasskey(ctx, actorOf(req), sessionOf(req).user, req.params.pid);
  return reply.code(204).send();
}
