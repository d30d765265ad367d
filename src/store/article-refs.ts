// Light rows for site-wide listings (the sitemap): identity, dates and provenance links, without bodies.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { CanonicalPolicy } from '../domain/types.ts';

export interface ArticleRef {
  id: number;
  slug: string;
  language: string;
  publishedAt: string | null;
  updatedAt: string;
  canonicalUrl: string | null;
  canonicalPolicy: CanonicalPolicy;
  provenance: {
    translationOfId: number | null;
    republicationOfId: number | null;
    /** Present when the article names an original outside (same rule as a hydrated Article). */
    original: { url: string | null; language: string | null } | null;
  };
}

/** Articles a reader may see at `nowIso` (published, or scheduled and due), newest first. */
export async function listVisibleArticleRefs(db: Kysely<Database>, nowIso: string, limit = 50_000): Promise<ArticleRef[]> {
  const rows = await db
    .selectFrom('articles')
    .leftJoin('provenance', 'provenance.article_id', 'articles.id')
    .select([
      'articles.id as id',
      'articles.slug as slug',
      'articles.language as language',
      'articles.published_at as published_at',
      'articles.updated_at as updated_at',
      'articles.canonical_url as canonical_url',
      'articles.canonical_policy as canonical_policy',
      'provenance.translation_of_id as translation_of_id',
      'provenance.republication_of_id as republication_of_id',
      'provenance.original_url as original_url',
      'provenance.original_title as original_title',
      'provenance.original_outlet_id as original_outlet_id',
      'provenance.original_authors_json as original_authors_json',
      'provenance.original_language as original_language',
    ])
    .where('articles.status', 'in', ['published', 'scheduled'])
    .where('articles.published_at', '<=', nowIso)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const hasOriginal = !!(r.original_url || r.original_title || r.original_outlet_id || (r.original_authors_json && r.original_authors_json !== '[]'));
    return {
      id: r.id,
      slug: r.slug,
      language: r.language,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      canonicalUrl: r.canonical_url,
      canonicalPolicy: r.canonical_policy as CanonicalPolicy,
      provenance: {
        translationOfId: r.translation_of_id ?? null,
        republicationOfId: r.republication_of_id ?? null,
        original: hasOriginal ? { url: r.original_url ?? null, language: r.original_language ?? null } : null,
      },
    };
  });
}

/** Slugs of people credited (as author or translator) on at least one visible article. */
export async function listCreditedPeopleSlugs(db: Kysely<Database>, nowIso: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('people.slug')
    .where('people.id', 'in', (eb) =>
      eb
        .selectFrom('article_people')
        .innerJoin('articles', 'articles.id', 'article_people.article_id')
        .select('article_people.person_id')
        .where('articles.status', 'in', ['published', 'scheduled'])
        .where('articles.published_at', '<=', nowIso),
    )
    .orderBy('people.slug')
    .execute();
  return rows.map((r) => r.slug);
}
