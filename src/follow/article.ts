// The article a share or a copy refers to, if a reader may see it now.
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import { findArticleById } from '../store/articles.ts';
import { isVisible } from '../publish/articles.ts';

/** A positive integer id from a URL segment or a JSON field, or null. */
export function parseArticleId(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw > 0 ? raw : null;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export async function findVisibleArticle(ctx: AppContext, id: number): Promise<Article | null> {
  const a = await findArticleById(ctx.store.db, id);
  return a && isVisible(a, ctx.now()) ? a : null;
}

/** The URL readers share and come back to: the article's page on this site (what the page's data-canonical-url holds). */
export function articlePageUrl(ctx: AppContext, a: Pick<Article, 'language' | 'slug'>): string {
  return urls.article(ctx.site, a);
}
