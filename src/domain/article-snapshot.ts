// The fields a save supplies, read off a stored article: what a revision keeps, what a restore gives back,
// and what the newsroom sends when it saves an article it has read (a PUT replaces every field).
import type { Article, ArticleInput } from './types.ts';

export function snapshotOf(a: Omit<Article, 'id'>): ArticleInput {
  return {
    slug: a.slug,
    language: a.language,
    title: a.title,
    summary: a.summary,
    bodyHtml: a.bodyHtml,
    image: a.image,
    sectionIds: a.sectionIds,
    tags: a.tags,
    status: a.status,
    publishedAt: a.publishedAt,
    canonicalUrl: a.canonicalUrl,
    canonicalPolicy: a.canonicalPolicy,
    authorIds: a.authorIds,
    translatorIds: a.translatorIds,
    provenance: a.provenance,
  };
}
