// The keys each kind of public response carries.
import type { Article } from '../domain/types.ts';
import { articleKey, authorKey, FEEDS_KEY, feedKey, sectionKey, SITE_KEY, uniqueKeys } from './keys.ts';

/** An article page: itself, the articles it links by provenance, its sections and every person it credits. */
export function articlePageKeys(a: Article, shown: { articleIds: number[]; personIds: number[] }): string[] {
  return uniqueKeys([
    SITE_KEY,
    articleKey(a.id),
    ...shown.articleIds.map(articleKey),
    ...a.sectionIds.map(sectionKey),
    ...[...a.authorIds, ...a.translatorIds, ...shown.personIds].map(authorKey),
  ]);
}

/** A listing (home, language, section, tag, person): its place, and each card's article and authors. */
export function listingKeys(place: string, cards: Array<{ article: Pick<Article, 'id'>; authors: Array<{ id: number }> }>): string[] {
  return uniqueKeys([SITE_KEY, place, ...cards.flatMap((c) => [articleKey(c.article.id), ...c.authors.map((p) => authorKey(p.id))])]);
}

/**
 * A feed: its place (purged with the listing when an article joins or leaves it) and `feed-<place>`
 * (purged when an article in that place changes: feed entries carry no per-article key).
 */
export function feedKeys(place: string): string[] {
  return [SITE_KEY, FEEDS_KEY, place, feedKey(place)];
}
