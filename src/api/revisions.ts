// Revision handlers: the list, one snapshot, the difference between two, restoring one.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { articleRevision, articleRevisions, diffRevisions, restoreRevision } from '../publish/revisions.ts';
import { actorOf } from './auth.ts';

type RevReq = FastifyRequest<{ Params: { id: number; rev: number } }>;

export async function getRevisions(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>) {
  return articleRevisions(ctx, req.params.id, actorOf(req));
}

export async function getRevision(ctx: AppContext, req: RevReq) {
  return articleRevision(ctx, req.params.id, req.params.rev, actorOf(req));
}

export async function getDiff(ctx: AppContext, req: FastifyRequest<{ Params: { id: number }; Querystring: { from?: number; to?: number } }>) {
  return diffRevisions(ctx, req.params.id, actorOf(req), req.query.from, req.query.to);
}

export async function postRestore(ctx: AppContext, req: RevReq) {
  const body = (req.body ?? {}) as { version?: number };
  return restoreRevision(ctx, req.params.id, req.params.rev, actorOf(req), { expectedVersion: body.version });
}
