import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ArticlesTable, Database } from './schema.ts';
import type { Article, ArticleStatus, CanonicalPolicy, PersonRole, Provenance } from '../domain/types.ts';
import { parseJson } from './json.ts';
import { inTransaction } from './transaction.ts';
import { indexArticle } from './search-index.ts';
import { correctionsOf } from './corrections.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Selectable<ArticlesTable>;

/** An article without its id, as the publish operations build it. */
export type ArticleData = Omit<Article, 'id'>;

export const ARTICLE_SORTS = ['updated', 'published', 'title'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export interface ArticleQuery {
  /** Only articles published at or before this time (public listings). */
  publishedBefore?: string;
  status?: ArticleStatus;
  language?: string;
  sectionId?: number;
  tagSlug?: string;
  personId?: number;
  role?: PersonRole;
  /** Articles this person wrote / translated (both may be given). */
  authorId?: number;
  translatorId?: number;
  /** Only these articles (e.g. the ids a full-text search found). */
  ids?: number[];
  /** from/to bound this date (ISO times, inclusive); default: published. */
  dateField?: 'published' | 'updated';
  from?: string;
  to?: string;
  /** Default: newest published first (public listings and feeds). */
  sort?: ArticleSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function tagSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export { tagSlug };

function emptyProvenance(): Provenance {
  return { original: null, via: null, translationOfId: null, republicationOfId: null, licence: null };
}

async function writeRelations(db: Db, id: number, a: ArticleData): Promise<void> {
  await db.deleteFrom('article_sections').where('article_id', '=', id).execute();
  await db.deleteFrom('article_tags').where('article_id', '=', id).execute();
  await db.deleteFrom('article_people').where('article_id', '=', id).execute();
  await db.deleteFrom('provenance').where('article_id', '=', id).execute();
  if (a.sectionIds.length)
    await db
      .insertInto('article_sections')
      .values([...new Set(a.sectionIds)].map((section_id, position) => ({ article_id: id, section_id, position })))
      .execute();
  const tags = new Map(a.tags.map((t) => [tagSlug(t), t] as const).filter(([s]) => s));
  if (tags.size)
    await db
      .insertInto('article_tags')
      .values([...tags].map(([tag_slug, tag_name]) => ({ article_id: id, tag_slug, tag_name })))
      .execute();
  const people = [
    ...[...new Set(a.authorIds)].map((person_id, position) => ({ article_id: id, person_id, role: 'author', position })),
    ...[...new Set(a.translatorIds)].map((person_id, position) => ({ article_id: id, person_id, role: 'translator', position })),
  ];
  if (people.length) await db.insertInto('article_people').values(people).execute();
  const p = a.provenance;
  await db
    .insertInto('provenance')
    .values({
      article_id: id,
      original_url: p.original?.url ?? null,
      original_title: p.original?.title ?? null,
      original_outlet_id: p.original?.outletId ?? null,
      original_authors_json: JSON.stringify(p.original?.authorNames ?? []),
      original_language: p.original?.language ?? null,
      original_published_at: p.original?.publishedAt ?? null,
      via_url: p.via?.url ?? null,
      via_name: p.via?.name ?? null,
      translation_of_id: p.translationOfId,
      republication_of_id: p.republicationOfId,
      licence: p.licence,
    })
    .execute();
}

function baseRow(a: ArticleData) {
  return {
    slug: a.slug,
    language: a.language,
    title: a.title,
    summary: a.summary,
    body_html: a.bodyHtml,
    image_json: a.image ? JSON.stringify(a.image) : null,
    status: a.status,
    published_at: a.publishedAt,
    updated_at: a.updatedAt,
    created_at: a.createdAt,
    canonical_url: a.canonicalUrl,
    canonical_policy: a.canonicalPolicy,
  };
}

export async function insertArticle(db: Kysely<Database>, a: ArticleData): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { id } = await tx
      .insertInto('articles')
      .values({ ...baseRow(a), created_by: a.createdBy ?? null, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeRelations(tx, id, a);
    await indexArticle(tx, id, a);
    return id;
  });
}

/**
 * Writes the article and bumps its version. With `expectedVersion`, only while the stored version is still
 * that one (one conditional UPDATE, so of two concurrent saves of one version exactly one wins).
 * Returns the new version, or null when the article is gone or its version moved on.
 */
export async function updateArticle(db: Kysely<Database>, id: number, a: ArticleData, expectedVersion?: number): Promise<number | null> {
  return inTransaction(db, async (tx) => {
    let q = tx
      .updateTable('articles')
      .set((eb) => ({ ...baseRow(a), version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion != null) q = q.where('version', '=', expectedVersion);
    const row = await q.returning('version').executeTakeFirst();
    if (!row) return null;
    await writeRelations(tx, id, a);
    await indexArticle(tx, id, a);
    return row.version;
  });
}

/** Changes only updated_at (a correction note changes the page without changing the article's fields). */
export async function touchArticle(db: Db, id: number, updatedAt: string): Promise<void> {
  await db.updateTable('articles').set({ updated_at: updatedAt }).where('id', '=', id).execute();
}

export async function deleteArticle(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('articles').where('id', '=', id).execute();
}

/** Loads sections, tags, people, provenance and corrections for a set of article rows, in five queries. */
async function hydrate(db: Db, rows: Row[]): Promise<Article[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [sections, tags, people, provs, corrections] = await Promise.all([
    db.selectFrom('article_sections').selectAll().where('article_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('article_tags').selectAll().where('article_id', 'in', ids).orderBy('tag_name').execute(),
    db.selectFrom('article_people').selectAll().where('article_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('provenance').selectAll().where('article_id', 'in', ids).execute(),
    correctionsOf(db, ids),
  ]);
  const provById = new Map(provs.map((p) => [p.article_id, p]));
  return rows.map((r) => {
    const p = provById.get(r.id);
    const provenance: Provenance = p
      ? {
          original:
            p.original_url || p.original_title || p.original_outlet_id || p.original_authors_json !== '[]'
              ? {
                  url: p.original_url,
                  title: p.original_title,
                  outletId: p.original_outlet_id,
                  authorNames: parseJson(p.original_authors_json, []),
                  language: p.original_language,
                  publishedAt: p.original_published_at,
                }
              : null,
          via: p.via_url ? { url: p.via_url, name: p.via_name } : null,
          translationOfId: p.translation_of_id,
          republicationOfId: p.republication_of_id,
          licence: p.licence,
        }
      : emptyProvenance();
    return {
      id: r.id,
      slug: r.slug,
      language: r.language,
      title: r.title,
      summary: r.summary,
      bodyHtml: r.body_html,
      image: parseJson(r.image_json, null),
      sectionIds: sections.filter((s) => s.article_id === r.id).map((s) => s.section_id),
      tags: tags.filter((t) => t.article_id === r.id).map((t) => t.tag_name),
      status: r.status as ArticleStatus,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      createdAt: r.created_at,
      canonicalUrl: r.canonical_url,
      canonicalPolicy: r.canonical_policy as CanonicalPolicy,
      authorIds: people.filter((x) => x.article_id === r.id && x.role === 'author').map((x) => x.person_id),
      translatorIds: people.filter((x) => x.article_id === r.id && x.role === 'translator').map((x) => x.person_id),
      provenance,
      createdBy: r.created_by,
      version: r.version,
      corrections: corrections.get(r.id) ?? [],
    };
  });
}

export async function findArticleById(db: Db, id: number): Promise<Article | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : null;
}

export async function findArticlesByIds(db: Db, ids: number[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
  return hydrate(db, rows);
}

export async function findArticleBySlug(db: Db, language: string, slug: string): Promise<Article | null> {
  const row = await db
    .selectFrom('articles')
    .selectAll()
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : null;
}

export async function findArticlesByOriginalUrl(db: Db, url: string): Promise<Article[]> {
  const ids = await db.selectFrom('provenance').select('article_id').where('original_url', '=', url).execute();
  return findArticlesByIds(
    db,
    ids.map((r) => r.article_id),
  );
}

/** Articles that point at this one as their translation-of or republication-of source. */
export async function findDerivedArticles(db: Db, id: number): Promise<Article[]> {
  const ids = await db
    .selectFrom('provenance')
    .select('article_id')
    .where((eb) => eb.or([eb('translation_of_id', '=', id), eb('republication_of_id', '=', id)]))
    .execute();
  return findArticlesByIds(
    db,
    ids.map((r) => r.article_id),
  );
}

export async function queryArticles(db: Db, q: ArticleQuery): Promise<{ items: Article[]; total: number }> {
  let base = db.selectFrom('articles');
  if (q.status) base = base.where('articles.status', '=', q.status);
  if (q.publishedBefore)
    base = base
      .where('articles.status', 'in', ['published', 'scheduled'])
      .where('articles.published_at', '<=', q.publishedBefore);
  if (q.language) base = base.where('articles.language', '=', q.language);
  if (q.sectionId != null) {
    const sectionId = q.sectionId;
    base = base.where('articles.id', 'in', (eb) =>
      eb.selectFrom('article_sections').select('article_id').where('section_id', '=', sectionId),
    );
  }
  if (q.tagSlug) {
    const slug = q.tagSlug;
    base = base.where('articles.id', 'in', (eb) => eb.selectFrom('article_tags').select('article_id').where('tag_slug', '=', slug));
  }
  if (q.personId != null) {
    const personId = q.personId;
    const role = q.role;
    base = base.where('articles.id', 'in', (eb) => {
      let sub = eb.selectFrom('article_people').select('article_id').where('person_id', '=', personId);
      if (role) sub = sub.where('role', '=', role);
      return sub;
    });
  }
  for (const [role, personId] of [['author', q.authorId], ['translator', q.translatorId]] as const) {
    if (personId == null) continue;
    base = base.where('articles.id', 'in', (eb) =>
      eb.selectFrom('article_people').select('article_id').where('person_id', '=', personId).where('role', '=', role),
    );
  }
  if (q.ids) base = q.ids.length ? base.where('articles.id', 'in', q.ids) : base.where(sql<boolean>`1 = 0`);
  const dateColumn = q.dateField === 'updated' ? 'articles.updated_at' : 'articles.published_at';
  if (q.from) base = base.where(dateColumn, '>=', q.from);
  if (q.to) base = base.where(dateColumn, '<=', q.to);
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  let ordered = base.selectAll('articles');
  if (!q.sort) ordered = ordered.orderBy('articles.published_at', 'desc');
  else {
    const order = q.order ?? (q.sort === 'title' ? 'asc' : 'desc');
    const column = q.sort === 'title' ? 'articles.title' : q.sort === 'updated' ? 'articles.updated_at' : 'articles.published_at';
    // Drafts have no publication date: last either way, on both databases (they order NULLs differently).
    if (q.sort === 'published') ordered = ordered.orderBy(sql`case when articles.published_at is null then 1 else 0 end`);
    ordered = ordered.orderBy(column, order);
  }
  const rows = await ordered
    .orderBy('articles.id', q.order === 'asc' && q.sort ? 'asc' : 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { items: await hydrate(db, rows), total: Number(n) };
}

/** Newest change among published articles matching a query: feeds and pages use it for Last-Modified/ETag. */
export async function lastChange(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('updated_at').as('m'))
    .executeTakeFirst();
  return (row?.m as string | null) ?? null;
}

export async function listTags(db: Db): Promise<Array<{ slug: string; name: string; count: number }>> {
  const rows = await db
    .selectFrom('article_tags')
    .select((eb) => ['tag_slug', eb.fn.min('tag_name').as('name'), eb.fn.countAll<number>().as('n')])
    .groupBy('tag_slug')
    .orderBy('tag_slug')
    .execute();
  return rows.map((r) => ({ slug: r.tag_slug, name: String(r.name), count: Number(r.n) }));
}

export async function slugTaken(db: Db, language: string, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('articles').select('id').where('language', '=', language).where('slug', '=', slug);
  if (exceptId != null) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) != null;
}
