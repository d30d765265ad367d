// The translation workspace's handlers: start a translation (from an article, an imported original or a
// feed candidate), segments, review steps, comments, lists (src/translate/ holds the operations).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { importCandidate } from '../ingest/import/index.ts';
import { startTranslation, type StartRequest } from '../translate/start.ts';
import { saveSegment, type SegmentChange, type SegmentSaved } from '../translate/save-segment.ts';
import { addComment, approveTranslation, publishTranslation, returnTranslation, submitTranslation } from '../translate/review.ts';
import { getSegments, getTranslation, listTranslations, type TranslationListQuery } from '../translate/workspace.ts';
import { suggestSegment, type MachineSuggestion } from '../translate/machine/suggest.ts';
import type { SegmentComment, SegmentView, TranslationView } from '../domain/translation.ts';
import { actorOf } from './auth.ts';
import { fetcherFor } from './fetcher.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;
type SegReq = FastifyRequest<{ Params: { id: number; segmentId: number } }>;

export async function postTranslation(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<Article> {
  const article = await startTranslation(ctx, req.params.id, req.body as StartRequest, actorOf(req));
  reply.code(201).header('location', `/api/articles/${article.id}`);
  return article;
}

/** Imports the candidate (or finds its earlier import), then starts the translation of that draft. */
export async function postCandidateTranslation(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<Article & { importedArticleId: number }> {
  const outcome = await importCandidate(ctx, fetcherFor(ctx), req.params.id);
  const article = await startTranslation(ctx, outcome.article.id, req.body as StartRequest, actorOf(req));
  reply.code(201).header('location', `/api/articles/${article.id}`);
  return { ...article, importedArticleId: outcome.article.id };
}

export async function getSegmentsHandler(ctx: AppContext, req: IdReq): Promise<SegmentView[]> {
  return getSegments(ctx, req.params.id);
}

export async function putSegment(ctx: AppContext, req: SegReq): Promise<SegmentSaved> {
  return saveSegment(ctx, req.params.id, req.params.segmentId, req.body as SegmentChange, actorOf(req));
}

export async function postMachine(ctx: AppContext, req: SegReq): Promise<MachineSuggestion> {
  return suggestSegment(ctx, fetcherFor(ctx), req.params.id, req.params.segmentId, actorOf(req));
}

export async function postSegmentComment(ctx: AppContext, req: SegReq, reply: FastifyReply): Promise<SegmentComment> {
  const c = await addComment(ctx, req.params.id, req.params.segmentId, (req.body as { text: string }).text, actorOf(req));
  reply.code(201);
  return c;
}

export async function postTranslationComment(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<SegmentComment> {
  const c = await addComment(ctx, req.params.id, null, (req.body as { text: string }).text, actorOf(req));
  reply.code(201);
  return c;
}

export async function getTranslationHandler(ctx: AppContext, req: IdReq): Promise<TranslationView> {
  return getTranslation(ctx, req.params.id);
}

export async function postSubmitTranslation(ctx: AppContext, req: IdReq): Promise<TranslationView> {
  return submitTranslation(ctx, req.params.id, actorOf(req));
}

export async function postReturnTranslation(ctx: AppContext, req: IdReq): Promise<TranslationView> {
  return returnTranslation(ctx, req.params.id, (req.body ?? {}) as { comment?: string }, actorOf(req));
}

export async function postApproveTranslation(ctx: AppContext, req: IdReq): Promise<TranslationView> {
  return approveTranslation(ctx, req.params.id, actorOf(req));
}

export async function postPublishTranslation(ctx: AppContext, req: IdReq): Promise<TranslationView> {
  return publishTranslation(ctx, req.params.id, actorOf(req), (req.body as { at?: string } | null)?.at);
}

export async function getTranslationsHandler(ctx: AppContext, req: FastifyRequest) {
  return listTranslations(ctx, req.query as TranslationListQuery, actorOf(req));
}

export async function getTranslationsOfArticle(ctx: AppContext, req: IdReq) {
  return listTranslations(ctx, { source: req.params.id, pageSize: 200 }, actorOf(req));
}
