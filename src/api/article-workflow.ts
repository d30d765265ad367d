// Article workflow handlers: unpublish, submit for review, correction notes, bulk actions, autosave.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Article, ArticleInput, Correction } from '../domain/types.ts';
import { submitArticle, unpublishArticle } from '../publish/articles.ts';
import { addCorrection } from '../publish/corrections.ts';
import { bulkArticles, type BulkRequest, type BulkResult } from '../publish/bulk.ts';
import { autosaveArticle } from '../publish/revisions.ts';
import { actorOf } from './auth.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

export async function postUnpublish(ctx: AppContext, req: IdReq): Promise<Article> {
  return unpublishArticle(ctx, req.params.id, actorOf(req));
}

export async function postSubmit(ctx: AppContext, req: IdReq): Promise<Article> {
  return submitArticle(ctx, req.params.id, actorOf(req));
}

export async function postCorrection(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<Correction> {
  const c = await addCorrection(ctx, req.params.id, (req.body as { text: string }).text, actorOf(req));
  reply.code(201);
  return c;
}

export async function postBulk(ctx: AppContext, req: FastifyRequest): Promise<BulkResult> {
  return bulkArticles(ctx, req.body as BulkRequest, actorOf(req));
}

export async function postAutosave(ctx: AppContext, req: IdReq) {
  const { version, ...input } = req.body as ArticleInput & { version?: number };
  return autosaveArticle(ctx, req.params.id, input, actorOf(req), { expectedVersion: version });
}
