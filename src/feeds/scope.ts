// Which articles a feed lists, and what the feed says about itself: the site, a language, a section, a person.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../domain/types.ts';
import type { ArticleQuery } from '../store/articles.ts';
import { findSectionBySlug } from '../store/sections.ts';
import { findPersonBySlug } from '../store/people.ts';
import { urls } from '../domain/urls.ts';

export type ScopeKind = 'site' | 'language' | 'section' | 'author';

export interface FeedScope {
  /** Cache key of the scope ("site", "language:fr", "section:world", "author:ada"). */
  key: string;
  /** The path prefix `urls.feed` takes: '', 'fr/', 'section/world/', 'author/ada/'. */
  path: string;
  title: string;
  description: string;
  homeUrl: string;
  language: string | null;
  /** Filters added to the visible-articles query. */
  filter: Pick<ArticleQuery, 'language' | 'sectionId' | 'personId'>;
}

const LANG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

async function languageHasArticles(ctx: AppContext, lang: string): Promise<boolean> {
  const row = await ctx.store.db
    .selectFrom('articles')
    .select(sql<number>`1`.as('one'))
    .where('language', '=', lang)
    .where('status', 'in', ['published', 'scheduled'])
    .where('published_at', '<=', ctx.now().toISOString())
    .limit(1)
    .executeTakeFirst();
  return row != null;
}

/**
 * Resolves a scope from the route's parameter. Throws NotFoundError for a language that is neither
 * configured nor used by a visible article, and for an unknown section or person.
 */
export async function resolveScope(ctx: AppContext, kind: ScopeKind, param = ''): Promise<FeedScope> {
  const site = ctx.site;
  const siteDescription = site.description[site.defaultLanguage] || site.name;
  if (kind === 'site')
    return { key: 'site', path: '', title: site.name, description: siteDescription, homeUrl: urls.home(site), language: null, filter: {} };
  if (kind === 'language') {
    const lang = param;
    if (!LANG.test(lang) || (!site.languages.includes(lang) && !(await languageHasArticles(ctx, lang))))
      throw new NotFoundError(`no feed for language "${param}"`);
    return {
      key: `language:${lang}`,
      path: `${lang}/`,
      title: `${site.name} (${languageName(lang)})`,
      description: site.description[lang] || siteDescription,
      homeUrl: urls.languageHome(site, lang),
      language: lang,
      filter: { language: lang },
    };
  }
  if (kind === 'section') {
    const section = await findSectionBySlug(ctx.store.db, param);
    if (!section) throw new NotFoundError(`no section "${param}"`);
    const name = section.names[site.defaultLanguage] || section.name;
    return {
      key: `section:${section.slug}`,
      path: `section/${section.slug}/`,
      title: `${site.name}: ${name}`,
      description: siteDescription,
      homeUrl: urls.section(site, section),
      language: null,
      filter: { sectionId: section.id },
    };
  }
  const person = await findPersonBySlug(ctx.store.db, param);
  if (!person) throw new NotFoundError(`no author "${param}"`);
  return {
    key: `author:${person.slug}`,
    path: `author/${person.slug}/`,
    title: `${site.name}: ${person.name}`,
    description: person.bio.trim() || siteDescription,
    homeUrl: urls.person(site, person),
    language: null,
    // No role: a person's feed lists what they wrote and what they translated.
    filter: { personId: person.id },
  };
}
