// GET /api/search: the newsroom's full-text search (every status; `status` and `language` narrow it).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { ArticleStatus } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE_SIZE, searchArticles } from '../search/index.ts';

export const searchQuery = {
  type: 'object',
  required: ['q'],
  properties: {
    // Longer queries reach searchArticles, which answers with its own message.
    q: { type: 'string', maxLength: MAX_QUERY_LENGTH * 4 },
    language: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    status: { type: 'string', enum: ['draft', 'review', 'scheduled', 'published'] },
    page: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_PAGE_SIZE, default: 20 },
  },
} as const;

interface SearchQuery {
  q: string;
  language?: string;
  status?: ArticleStatus;
  page: number;
  pageSize: number;
}

export async function getSearch(ctx: AppContext, req: FastifyRequest) {
  const q = req.query as SearchQuery;
  const r = await searchArticles(ctx, {
    q: q.q,
    language: q.language,
    status: q.status,
    publicOnly: false,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: r.items.map(({ article: a, snippet, titleHtml, score }) => ({
      id: a.id,
      slug: a.slug,
      language: a.language,
      title: a.title,
      summary: a.summary,
      status: a.status,
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
      url: urls.article(ctx.site, a),
      titleHtml,
      snippet,
      score,
    })),
    total: r.total,
    totalExact: r.totalExact,
    page: q.page,
    pageSize: q.pageSize,
  };
}
