// API tokens in the newsroom: each user lists, creates and revokes their own; the owner sees all.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { InputError, NotFoundError } from '../domain/types.ts';
import { TOKEN_SCOPES, actorLabel, actorUserId, type TokenScope } from '../domain/accounts.ts';
import { can } from '../domain/permissions.ts';
import { actorOf } from './auth.ts';
import { createApiToken, findApiToken, listApiTokens, revokeApiToken } from '../store/tokens.ts';
import { recordAudit } from '../store/audit.ts';

export async function getTokens(ctx: AppContext, req: FastifyRequest) {
  const actor = actorOf(req);
  return listApiTokens(ctx.store.db, can(actor, 'users.manage') ? undefined : (actorUserId(actor) ?? -1));
}

export async function postToken(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const actor = actorOf(req);
  const b = req.body as { name?: string; scope?: TokenScope };
  const name = typeof b.name === 'string' ? b.name.trim() : '';
  if (!name || name.length > 100) throw new InputError('a token name of 1 to 100 characters is required', 'name');
  if (!TOKEN_SCOPES.includes(b.scope as TokenScope)) throw new InputError(`scope must be one of ${TOKEN_SCOPES.join(', ')}`, 'scope');
  // A token never carries more than its maker may do: users.manage-level scope needs an owner.
  if (b.scope === 'admin' && !can(actor, 'users.manage')) throw new InputError('only an owner may create an admin token', 'scope', 403);
  const { token, id } = await createApiToken(ctx.store.db, name, ctx.now(), { scope: b.scope, userId: actorUserId(actor) });
  const info = await findApiToken(ctx.store.db, id);
  await recordAudit(ctx.store.db, { at: ctx.now().toISOString(), userId: actorUserId(actor), actor: actorLabel(actor), action: 'token.create', target: `token:${id}`, detail: { name, scope: b.scope } });
  return reply.code(201).send({ token, info });
}

export async function deleteToken(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) {
  const actor = actorOf(req);
  const t = await findApiToken(ctx.store.db, req.params.id);
  if (!t || (t.userId !== actorUserId(actor) && !can(actor, 'users.manage'))) throw new NotFoundError(`no token with id ${req.params.id}`);
  await revokeApiToken(ctx.store.db, { id: t.id }, ctx.now());
  await recordAudit(ctx.store.db, { at: ctx.now().toISOString(), userId: actorUserId(actor), actor: actorLabel(actor), action: 'token.revoke', target: `token:${t.id}`, detail: { name: t.name } });
  return reply.code(204).send();
}
