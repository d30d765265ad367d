// Article handlers: each one reads the request, calls one publish operation or store query, answers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError, type ArticleInput, type ArticleStatus, type Page, type Article } from '../domain/types.ts';
import { createArticle, editArticle, publishArticle, removeArticle as deleteArticleOp } from '../publish/articles.ts';
import { findArticleById, queryArticles } from '../store/articles.ts';
import { findSectionBySlug } from '../store/sections.ts';
import { tagSlug } from '../store/articles.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

interface ListQuery {
  status?: ArticleStatus;
  language?: string;
  section?: string;
  tag?: string;
  page: number;
  pageSize: number;
}

export async function listArticles(ctx: AppContext, req: FastifyRequest): Promise<Page<Article>> {
  const q = req.query as ListQuery;
  let sectionId: number | undefined;
  if (q.section) {
    const s = await findSectionBySlug(ctx.store.db, q.section);
    if (!s) return { items: [], page: q.page, pageSize: q.pageSize, total: 0 };
    sectionId = s.id;
  }
  const { items, total } = await queryArticles(ctx.store.db, {
    status: q.status,
    language: q.language,
    sectionId,
    tagSlug: q.tag ? tagSlug(q.tag) : undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, page: q.page, pageSize: q.pageSize, total };
}

export async function getArticle(ctx: AppContext, req: IdReq): Promise<Article> {
  const a = await findArticleById(ctx.store.db, req.params.id);
  if (!a) throw new NotFoundError(`no article with id ${req.params.id}`);
  return a;
}

export async function postArticle(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<Article> {
  const a = await createArticle(ctx, req.body as ArticleInput);
  reply.code(201).header('location', `/api/articles/${a.id}`);
  return a;
}

export async function putArticle(ctx: AppContext, req: IdReq): Promise<Article> {
  return editArticle(ctx, req.params.id, req.body as ArticleInput);
}

export async function postPublish(ctx: AppContext, req: IdReq): Promise<Article> {
  const body = (req.body ?? {}) as { at?: string };
  return publishArticle(ctx, req.params.id, body.at);
}

export async function removeArticle(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<void> {
  await deleteArticleOp(ctx, req.params.id);
  reply.code(204).send();
}
