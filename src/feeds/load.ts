// Builds the format-neutral feed of a scope from the store: the newest visible articles with their credits.
import { websubHubUrl } from '../follow/websub/hub-url.ts';
import type { AppContext } from '../context.ts';
import type { Article, Section } from '../domain/types.ts';
import { FEED_FILES, urls, type FeedFormat } from '../domain/urls.ts';
import { queryArticles, tagSlug } from '../store/articles.ts';
import { listSections } from '../store/sections.ts';
import { resolveCredits, type ChainLink } from '../provenance/credits.ts';
import { htmlToText } from '../publish/sanitize.ts';
import { correctionsBlock } from '../web/parts/corrections.ts';
import { manifestUrlOf } from '../c2pa/manifest-url.ts';
import { strings } from '../web/i18n/index.ts';
import { latest } from './dates.ts';
import { entryContentHtml, imageType } from './html.ts';
import type { FeedDoc, FeedEntry, FeedImage, FeedOrigin, FeedPerson } from './model.ts';
import type { FeedScope } from './scope.ts';

/** How many articles a feed carries. */
export const FEED_SIZE = 30;
const EXCERPT_CHARS = 300;
const EPOCH = '1970-01-01T00:00:00.000Z';

function excerpt(html: string): string {
  const text = htmlToText(html).replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > EXCERPT_CHARS * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** A tag: URI (RFC 4151) that stays the same when the slug changes. */
function entryId(baseUrl: string, a: Article): string {
  const host = new URL(baseUrl).hostname;
  if (/^[a-z0-9.-]+$/i.test(host)) return `tag:${host},${a.createdAt.slice(0, 10)}:article:${a.id}`;
  return `${baseUrl}/#article-${a.id}`;
}

/** The article's correction notes, as its page shows them (same words, same dates). */
function correctionsHtml(ctx: AppContext, a: Article): string {
  const block = correctionsBlock(a.corrections, a.language, strings(a.language), ctx.site.timeZone);
  return block ? `\n${block.value}` : '';
}

function origin(link: ChainLink): FeedOrigin {
  const { kind: _kind, translatorNames: _translators, articleId: _id, ...rest } = link;
  return rest;
}

async function toEntry(ctx: AppContext, a: Article, sections: Map<number, Section>): Promise<FeedEntry> {
  const site = ctx.site;
  const credits = await resolveCredits(ctx.store.db, site, a);
  const url = urls.article(site, a);
  const person = (p: { name: string; slug: string }): FeedPerson => ({ name: p.name, url: urls.person(site, p) });
  const authors: FeedPerson[] = credits.authors.length
    ? credits.authors.map(person)
    : credits.authorNames.map((name) => ({ name, url: null }));
  const image: FeedImage | null = a.image
    ? {
        url: urls.media(site, a.image.file),
        alt: a.image.alt,
        credit: a.image.credit,
        width: a.image.width ?? null,
        height: a.image.height ?? null,
        type: imageType(a.image.file),
      }
    : null;
  const categories = [
    ...a.sectionIds
      .map((id) => sections.get(id))
      .filter((s): s is Section => !!s)
      .map((s) => ({
        kind: 'section' as const,
        term: s.slug,
        label: s.names[a.language] || s.name,
        scheme: `${site.baseUrl}/section/`,
        url: urls.section(site, s),
      })),
    ...a.tags.map((t) => ({ kind: 'tag' as const, term: tagSlug(t), label: t, scheme: `${site.baseUrl}/tag/`, url: urls.tag(site, tagSlug(t)) })),
  ];
  const published = a.publishedAt ?? a.createdAt;
  return {
    id: entryId(site.baseUrl, a),
    url,
    title: a.title,
    summary: a.summary.trim() || excerpt(a.bodyHtml),
    contentHtml: entryContentHtml(a.bodyHtml, image, url) + correctionsHtml(ctx, a),
    language: a.language,
    published,
    updated: latest(latest(a.updatedAt, published), a.corrections?.at(-1)?.at ?? null) ?? published,
    authors,
    translators: credits.translators.map(person),
    categories,
    image,
    kind: credits.isTranslation ? 'translation' : credits.isRepublication ? 'republication' : 'original',
    original: credits.root ? origin(credits.root) : null,
    source: credits.chain.length > 1 && credits.source ? origin(credits.source) : null,
    via: credits.via,
    licence: credits.licence,
    canonicalUrl: credits.canonicalUrl !== url ? credits.canonicalUrl : null,
    manifestUrl: manifestUrlOf(ctx, a),
  };
}

/**
 * The feed of a scope as visible at `now` (published, or scheduled and due). `fallbackUpdated` dates a feed
 * with no entry (Atom requires a date); pass something stable so an empty feed keeps its bytes.
 */
export async function loadFeed(ctx: AppContext, scope: FeedScope, now: Date, fallbackUpdated: string | null): Promise<FeedDoc> {
  const [{ items }, sectionList] = await Promise.all([
    queryArticles(ctx.store.db, { ...scope.filter, publishedBefore: now.toISOString(), limit: FEED_SIZE, offset: 0 }),
    listSections(ctx.store.db),
  ]);
  const sections = new Map(sectionList.map((s) => [s.id, s]));
  const entries = await Promise.all(items.map((a) => toEntry(ctx, a, sections)));
  const updated = entries.reduce<string | null>((m, e) => latest(m, e.updated), null) ?? fallbackUpdated ?? EPOCH;
  const feedUrls = Object.fromEntries(
    (Object.keys(FEED_FILES) as FeedFormat[]).map((f) => [f, urls.feed(ctx.site, scope.path, f)]),
  ) as Record<FeedFormat, string>;
  return {
    title: scope.title,
    description: scope.description,
    homeUrl: scope.homeUrl,
    feedUrls,
    hub: websubHubUrl(ctx.site),
    language: scope.language,
    updated,
    publisher: { name: ctx.site.name, url: urls.home(ctx.site) },
    entries,
  };
}
