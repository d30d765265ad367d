// What each page needs from the store, fetched in a fixed number of queries per page (no query per item).
import type { AppContext } from '../context.ts';
import type { Article, ImageRef, Person, Section, ShareCounts } from '../domain/types.ts';
import { resolveCredits, type Credits } from '../provenance/credits.ts';
import { articleLicence, licenceInfo } from '../follow/licence.ts';
import { pageMentions, type PageMention } from '../follow/webmention/page-mentions.ts';
import { isVisible } from '../publish/articles.ts';
import { findArticleBySlug, queryArticles, type ArticleQuery } from '../store/articles.ts';
import { findRelativeRefs, type ArticleRef } from '../store/article-refs.ts';
import { getShareCounts } from '../store/counters.ts';
import { findPeopleByIds } from '../store/people.ts';
import { listSections } from '../store/sections.ts';
import type { SizedImage } from './parts/figure.ts';
import type { Card } from './parts/cards.ts';
import { readImageSize } from './media.ts';
import { isRemote } from './paths.ts';

export const PAGE_SIZE = 20;

export async function sizedImage(ctx: AppContext, ref: ImageRef | null): Promise<SizedImage | null> {
  // A picture on another site is not shown: no page loads a third-party image.
  if (!ref || isRemote(ref.file)) return null;
  if (ref.width && ref.height) return { ref, size: { width: ref.width, height: ref.height } };
  return { ref, size: await readImageSize(ctx.mediaDir, ref.file) };
}

export function loadSections(ctx: AppContext): Promise<Section[]> {
  return listSections(ctx.store.db);
}

export interface Listing {
  cards: Card[];
  total: number;
  page: number;
}

/** One page of visible articles matching a query, with their authors, in a constant number of queries. */
export async function loadListing(ctx: AppContext, q: Omit<ArticleQuery, 'limit' | 'offset' | 'publishedBefore'>, page: number, pageSize = PAGE_SIZE): Promise<Listing> {
  const { items, total } = await queryArticles(ctx.store.db, {
    ...q,
    publishedBefore: ctx.now().toISOString(),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { cards: await toCards(ctx, items), total, page };
}

async function toCards(ctx: AppContext, items: Article[]): Promise<Card[]> {
  const people = await findPeopleByIds(ctx.store.db, items.flatMap((a) => a.authorIds));
  const images = await Promise.all(items.map((a) => sizedImage(ctx, a.image)));
  return items.map((article, i) => ({
    article,
    authors: article.authorIds.map((id) => people.get(id)).filter((p): p is Person => !!p),
    authorNames: article.provenance.original?.authorNames ?? [],
    image: images[i],
  }));
}

export interface ArticlePageData {
  article: Article;
  credits: Credits;
  /** Visible articles of this site linked to this one by provenance (its chain, and works derived from it or its chain). */
  relatives: ArticleRef[];
  visibleIds: Set<number>;
  image: SizedImage | null;
  authorPhotos: Map<number, SizedImage | null>;
  /** The republication kit's page when the article's licence allows republishing (follow/republish). */
  republishPath?: string | null;
  /** Verified and approved webmentions ("Mentioned by"; follow/webmention/page-mentions.ts). */
  mentions?: PageMention[];
}

/** Everything on an article page except the share counts (see loadCounts: they are never cached). */
export async function loadArticle(ctx: AppContext, lang: string, slug: string): Promise<ArticlePageData | null> {
  const article = await findArticleBySlug(ctx.store.db, lang, slug);
  if (!article || !isVisible(article, ctx.now())) return null;
  return loadArticlePage(ctx, article);
}

/** The page data of any article, visible or not (the newsroom's preview renders drafts with it). */
export async function loadArticlePage(ctx: AppContext, article: Article): Promise<ArticlePageData> {
  const db = ctx.store.db;
  const now = ctx.now();
  const credits = await resolveCredits(db, ctx.site, article);
  const chainIds = credits.chain.map((l) => l.articleId).filter((id): id is number => id != null);
  const [refs, image, photos, licence, mentions] = await Promise.all([
    findRelativeRefs(db, [article.id, ...chainIds]),
    sizedImage(ctx, article.image),
    Promise.all(credits.authors.map(async (p) => [p.id, await sizedImage(ctx, p.photo)] as const)),
    articleLicence(db, article.id),
    pageMentions(ctx, article.id),
  ]);
  const relatives = refs.filter((a) => a.id !== article.id && isVisible(a, now));
  const byId = new Map(relatives.map((a) => [a.id, a]));
  return {
    article,
    credits,
    relatives,
    visibleIds: new Set([article.id, ...byId.keys()]),
    image,
    authorPhotos: new Map(photos),
    republishPath: licence && licenceInfo(licence.licence).republishable ? `/${article.language}/${article.slug}/republish` : null,
    mentions,
  };
}

export function loadCounts(ctx: AppContext, articleId: number): Promise<ShareCounts> {
  return getShareCounts(ctx.store.db, articleId);
}

export interface PersonData {
  person: Person;
  photo: SizedImage | null;
  written: Listing;
  translated: Listing;
}

export async function loadPersonListings(ctx: AppContext, person: Person, page: number): Promise<PersonData> {
  const [written, translated, photo] = await Promise.all([
    loadListing(ctx, { personId: person.id, role: 'author' }, page),
    loadListing(ctx, { personId: person.id, role: 'translator' }, page),
    sizedImage(ctx, person.photo),
  ]);
  return { person, photo, written, translated };
}
