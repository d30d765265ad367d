// Saves a translation's article from its segments, through the publish operation (so the body is
// sanitised, versioned and kept as a revision like any save): title and summary from their segments, the
// body from the skeleton. A slug never published follows the translated title.
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import type { Article } from '../domain/types.ts';
import { editArticle } from '../publish/articles.ts';
import { snapshotOf } from '../domain/article-snapshot.ts';
import { slugify, uniqueSlug } from '../publish/slug.ts';
import { findArticleById, slugTaken } from '../store/articles.ts';
import { segmentsOf } from '../store/segments.ts';
import type { TranslationRow } from '../store/translations.ts';
import { rebuildBody } from './rebuild.ts';
import { targetHtml } from './views.ts';

export async function saveFromSegments(ctx: AppContext, t: TranslationRow, actor: Actor): Promise<Article> {
  const db = ctx.store.db;
  const article = (await findArticleById(db, t.article_id))!;
  const rows = await segmentsOf(db, t.article_id);
  const target = (key: string) => rows.find((r) => r.key === key)?.target_text.trim() ?? '';
  const bodyTargets = new Map(rows.filter((r) => r.key.startsWith('body.') && r.target_text.trim()).map((r) => [r.key, targetHtml(r)]));
  const title = target('title') || article.title;
  const neverPublished = article.publishedAt == null && article.status !== 'published' && article.status !== 'scheduled';
  const slug = neverPublished && target('title') && title !== article.title
    ? await uniqueSlug(slugify(title), (s) => slugTaken(db, article.language, s, article.id))
    : article.slug;
  return editArticle(ctx, article.id, { ...snapshotOf(article), slug, title, summary: target('summary'), bodyHtml: rebuildBody(t.skeleton_html, bodyTargets) }, actor);
}
