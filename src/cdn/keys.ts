// Surrogate keys: the names a CDN purges by. A page carries the key of every thing it shows, so a purge
// names what changed and only the pages showing it go (see README.md for the rule).
import type { Article } from '../domain/types.ts';
import { tagSlug } from '../store/articles.ts';

/** On every public page and feed: purged when something every page shows changes (the section menu). */
export const SITE_KEY = 'site';
/** On every feed: purged when something every feed may show changes (a person's name). */
export const FEEDS_KEY = 'feed';
/** The home page and the site's feed. */
export const HOME_KEY = 'home';

export const articleKey = (id: number) => `article-${id}`;
export const sectionKey = (id: number) => `section-${id}`;
export const authorKey = (id: number) => `author-${id}`;
export const langKey = (lang: string) => `lang-${lang.toLowerCase()}`;
export const tagKey = (tag: string) => `tag-${tagSlug(tag)}`;
/** The feed of a place (`feed-home`, `feed-section-3`): purged when an article in that place changes. */
export const feedKey = (place: string) => `feed-${place}`;

/** The listings with a feed an article appears in: home, its language, sections, people (written or translated). */
export function feedPlacesOf(a: Article): string[] {
  return [HOME_KEY, langKey(a.language), ...a.sectionIds.map(sectionKey), ...[...a.authorIds, ...a.translatorIds].map(authorKey)];
}

/** Every listing an article appears in: those, and its tags' pages. */
export function placesOf(a: Article): string[] {
  return [...feedPlacesOf(a), ...a.tags.map(tagKey)];
}

/** Keys as a set without repeats, in a stable order (headers and purge bodies compare equal in tests). */
export function uniqueKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)];
}
