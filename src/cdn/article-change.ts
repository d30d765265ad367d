// What to purge when an article changes: the one call the publish operations make after they commit.
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { articleKey, authorKey, FEEDS_KEY, feedKey, feedPlacesOf, placesOf, SITE_KEY, uniqueKeys } from './keys.ts';

// The same rule as publish/articles.ts isVisible (not imported: publish imports this file).
function visible(a: Article | null, now: Date): a is Article {
  return a != null && (a.status === 'published' || a.status === 'scheduled') && a.publishedAt != null && a.publishedAt <= now.toISOString();
}

/** What decides where an article is listed and which pages link it; a change here reshuffles listings. */
function placement(a: Article): string {
  const p = a.provenance;
  return JSON.stringify([a.publishedAt, a.language, a.sectionIds, a.tags, a.authorIds, a.translatorIds, p.translationOfId, p.republicationOfId]);
}

/**
 * The keys to purge when `before` (null: created) becomes `after` (null: deleted). Nothing when the article
 * was and stays invisible (a draft, a schedule not yet due). Its own key always, which reaches every page
 * showing it (listings carry their cards' keys); the feeds of its places; and when it joins, leaves or
 * moves between listings, those listings and the articles it is a translation or republication of (their
 * pages, and their other derived works' pages, list it).
 */
export function articleChangeKeys(before: Article | null, after: Article | null, now: Date): string[] {
  const sides = [before, after].filter((a) => visible(a, now));
  if (!sides.length) return [];
  const keys = [articleKey(sides[0].id), ...sides.flatMap((a) => feedPlacesOf(a).map(feedKey))];
  const moved = visible(before, now) !== visible(after, now) || placement(before!) !== placement(after!);
  if (moved)
    for (const a of sides) {
      keys.push(...placesOf(a));
      for (const parent of [a.provenance.translationOfId, a.provenance.republicationOfId]) if (parent != null) keys.push(articleKey(parent));
    }
  return uniqueKeys(keys);
}

/** Asks the CDN to drop the pages an article change affects; returns at once and never throws. */
export function purgeArticleChange(ctx: AppContext, before: Article | null, after: Article | null): void {
  if (ctx.cdn?.purge) ctx.cdn.purge(articleChangeKeys(before, after, ctx.now()));
}

/** A person's name, bio or photo changed: their pages, pages crediting them, and every feed (entries name people). */
export function purgePerson(ctx: AppContext, personId: number): void {
  ctx.cdn?.purge?.([authorKey(personId), FEEDS_KEY]);
}

/** Sections and outlets show on every page (the menu, credits): everything goes. */
export function purgeSite(ctx: AppContext): void {
  ctx.cdn?.purge?.([SITE_KEY]);
}
