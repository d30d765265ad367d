// Accounts, for the owner: list, invite (a single-use link), change role/status/person, reset link.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../domain/types.ts';
import { actorOf } from './auth.ts';
import { listUsers } from '../store/users.ts';
import { addUser, changeUser, type NewUser, type UserChange } from '../accounts/users.ts';
import { issueLink } from '../accounts/links.ts';
import { findUser } from '../store/users.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

export async function getUsers(ctx: AppContext) {
  return listUsers(ctx.store.db);
}

export async function postUser(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const b = req.body as NewUser;
  const user = await addUser(ctx, actorOf(req), { ...b, password: null });
  const link = await issueLink(ctx, actorOf(req), user.id, 'invite');
  return reply.code(201).send({ user, link: link.url, expiresAt: link.expiresAt });
}

export async function putUser(ctx: AppContext, req: IdReq) {
  return changeUser(ctx, actorOf(req), req.params.id, req.body as UserChange);
}

export async function postUserReset(ctx: AppContext, req: IdReq) {
  const user = await findUser(ctx.store.db, req.params.id);
  if (!user) throw new NotFoundError(`no user with id ${req.params.id}`);
  const link = await issueLink(ctx, actorOf(req), user.id, user.hasPassword ? 'reset' : 'invite');
  return { link: link.url, expiresAt: link.expiresAt };
}
