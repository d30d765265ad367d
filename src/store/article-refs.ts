// Light rows for site-wide listings (the sitemap): identity, dates and provenance links, without bodies.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { ArticleStatus, CanonicalPolicy } from '../domain/types.ts';

export interface ArticleRef {
  id: number;
  slug: string;
  language: string;
  title: string;
  status: ArticleStatus;
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

function refQuery(db: Kysely<Database>) {
  return db
    .selectFrom('articles')
    .leftJoin('provenance', 'provenance.article_id', 'articles.id')
    .select([
      'articles.id as id',
      'articles.slug as slug',
      'articles.language as language',
      'articles.title as title',
      'articles.status as status',
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
    ]);
}

type RefRow = Awaited<ReturnType<ReturnType<typeof refQuery>['execute']>>[number];

function toRef(r: RefRow): ArticleRef {
  const hasOriginal = !!(r.original_url || r.original_title || r.original_outlet_id || (r.original_authors_json && r.original_authors_json !== '[]'));
  return {
    id: r.id,
    slug: r.slug,
    language: r.language,
    title: r.title,
    status: r.status as ArticleStatus,
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
}

/** Articles a reader may see at `nowIso` (published, or scheduled and due), newest first. */
export async function listVisibleArticleRefs(db: Kysely<Database>, nowIso: string, limit = 50_000): Promise<ArticleRef[]> {
  const rows = await refQuery(db)
    .where('articles.status', 'in', ['published', 'scheduled'])
    .where('articles.published_at', '<=', nowIso)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRef);
}

/**
 * In one query: the articles with these ids, and those translated or republished from any of them
 * (an article page's relatives, for hreflang and "also in" links). Visibility is the caller's to check.
 */
export async function findRelativeRefs(db: Kysely<Database>, ids: number[]): Promise<ArticleRef[]> {
  if (ids.length === 0) return [];
  const rows = await refQuery(db)
    .where((eb) =>
      eb.or([eb('articles.id', 'in', ids), eb('provenance.translation_of_id', 'in', ids), eb('provenance.republication_of_id', 'in', ids)]),
    )
    .orderBy('articles.id')
    .execute();
  return rows.map(toRef);
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

/**
 * A mark that changes whenever a public article (published or scheduled) is created, edited, deleted or
 * leaves the public set, and its latest change: every write stamps updated_at, the count catches deletions
 * and articles leaving the set, the sum of versions (every save bumps one) two writes within one millisecond.
 * Page and feed caches compare it on each request. Drafts and articles in review are left out: an editor's
 * autosave must not throw away every cached page and feed (under bench:soak's write a second it did, and each
 * page was rendered and signed again).
 */
export async function publicArticlesVersion(db: Kysely<Database>): Promise<{ key: string; lastChange: string | null }> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => [eb.fn.max('updated_at').as('m'), eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('v')])
    .where('status', 'in', ['published', 'scheduled'])
    .executeTakeFirst();
  const lastChange = (row?.m as string | null | undefined) ?? null;
  return { key: `${lastChange ?? '-'}#${Number(row?.n ?? 0)}#${Number(row?.v ?? 0)}`, lastChange };
}

/** The next time an article becomes visible by the clock alone (scheduled, or dated in the future). */
export async function nextVisibleAt(db: Kysely<Database>, nowIso: string): Promise<string | null> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('due'))
    .where('status', 'in', ['published', 'scheduled'])
    .where('published_at', '>', nowIso)
    .executeTakeFirst();
  return (row?.due as string | null | undefined) ?? null;
}
