// Reviewers named per language pair (owner): list, name, remove (src/translate/reviewers.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Reviewer } from '../domain/translation.ts';
import { addReviewer, getReviewers, removeReviewer, type ReviewerRequest } from '../translate/reviewers.ts';
import { actorOf } from './auth.ts';

export async function getReviewersHandler(ctx: AppContext, req: FastifyRequest): Promise<Reviewer[]> {
  return getReviewers(ctx, actorOf(req));
}

export async function postReviewer(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<Reviewer> {
  const r = await addReviewer(ctx, actorOf(req), req.body as ReviewerRequest);
  reply.code(201);
  return r;
}

export async function deleteReviewerHandler(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply): Promise<void> {
  await removeReviewer(ctx, actorOf(req), req.params.id);
  reply.code(204).send();
}
