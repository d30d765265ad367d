// Article handlers: each one reads the request, calls one publish operation or store query, answers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError, type ArticleInput, type ArticleStatus, type Page, type Article } from '../domain/types.ts';
import { createArticle, editArticle, publishArticle, removeArticle as deleteArticleOp } from '../publish/articles.ts';
import { findArticleById, queryArticles, tagSlug, type ArticleQuery, type ArticleSort } from '../store/articles.ts';
import { findSectionBySlug } from '../store/sections.ts';
import { actorOf } from './auth.ts';
import { articleIdsMatching, RANKED_CAP } from './article-search.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

interface ListQuery {
  status?: ArticleStatus;
  language?: string;
  section?: string;
  tag?: string;
  author?: number;
  translator?: number;
  from?: string;
  to?: string;
  date?: 'published' | 'updated';
  q?: string;
  sort?: ArticleSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A day means from its first / to its last millisecond (UTC); a time is taken as given. */
function boundary(value: string, timeOfDay: string): string {
  return value.length === 10 ? value + timeOfDay : new Date(value).toISOString();
}

export async function listArticles(ctx: AppContext, req: FastifyRequest): Promise<Page<Article>> {
  const q = req.query as ListQuery;
  const empty = { items: [], page: q.page, pageSize: q.pageSize, total: 0 };
  let sectionId: number | undefined;
  if (q.section) {
    const s = /^\d+$/.test(q.section) ? { id: Number(q.section) } : await findSectionBySlug(ctx.store.db, q.section);
    if (!s) return empty;
    sectionId = s.id;
  }
  const query: ArticleQuery = {
    status: q.status,
    language: q.language,
    sectionId,
    tagSlug: q.tag ? tagSlug(q.tag) : undefined,
    authorId: q.author,
    translatorId: q.translator,
    from: q.from ? boundary(q.from, 'T00:00:00.000Z') : undefined,
    to: q.to ? boundary(q.to, 'T23:59:59.999Z') : undefined,
    // Dates bound the field the list is sorted by when it is a date, else the publication date.
    dateField: q.date ?? (q.sort === 'updated' ? 'updated' : 'published'),
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
  if (q.q?.trim()) {
    const ids = await articleIdsMatching(ctx, q.q.trim(), { language: q.language, status: q.status });
    if (q.sort) query.ids = ids;
    else {
      // No sort asked: best match first, among the best RANKED_CAP matches (filtered, then paged here).
      const best = ids.slice(0, RANKED_CAP);
      const { items } = await queryArticles(ctx.store.db, { ...query, ids: best, limit: Math.max(best.length, 1), offset: 0 });
      const rank = new Map(ids.map((id, i) => [id, i]));
      items.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      return { items: items.slice(query.offset, query.offset + q.pageSize), page: q.page, pageSize: q.pageSize, total: items.length };
    }
  }
  const { items, total } = await queryArticles(ctx.store.db, query);
  return { items, page: q.page, pageSize: q.pageSize, total };
}

export async function getArticle(ctx: AppContext, req: IdReq): Promise<Article> {
  const a = await findArticleById(ctx.store.db, req.params.id);
  if (!a) throw new NotFoundError(`no article with id ${req.params.id}`);
  return a;
}

export async function postArticle(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<Article> {
  const { version: _ignored, ...input } = req.body as ArticleInput & { version?: number };
  const a = await createArticle(ctx, input, actorOf(req));
  reply.code(201).header('location', `/api/articles/${a.id}`);
  return a;
}

/** `version` in the body is the one the editor loaded: a newer stored one answers 409 with the difference. */
export async function putArticle(ctx: AppContext, req: IdReq): Promise<Article> {
  const { version, ...input } = req.body as ArticleInput & { version?: number };
  return editArticle(ctx, req.params.id, input, actorOf(req), { expectedVersion: version });
}

export async function postPublish(ctx: AppContext, req: IdReq): Promise<Article> {
  const body = (req.body ?? {}) as { at?: string };
  return publishArticle(ctx, req.params.id, actorOf(req), body.at);
}

export async function removeArticle(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<void> {
  await deleteArticleOp(ctx, req.params.id, actorOf(req));
  reply.code(204).send();
}
