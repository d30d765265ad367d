// Everything a reader (or a feed, or a crawler) needs to know about where an article comes from.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Article, Outlet, Person, SiteConfig } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import { findArticleById } from '../store/articles.ts';
import { findPeopleByIds } from '../store/people.ts';
import { findOutletById } from '../store/outlets.ts';
import { machineProviderOf } from '../store/translations.ts';
import { findImportedCredentials } from '../store/imported-credentials.ts';
import { isSameLanguageRepublication, isTranslation } from './canonical.ts';

/** One step of the chain from this article back to the first original. */
export interface ChainLink {
  kind: 'translation' | 'republication' | 'original';
  title: string | null;
  url: string | null;
  language: string | null;
  publishedAt: string | null;
  /** Name of the outlet that published this link; the site itself for links inside Relais. */
  outletName: string | null;
  outletUrl: string | null;
  authorNames: string[];
  translatorNames: string[];
  /** Set when the link is an article of this site. */
  articleId: number | null;
  /** For an imported original that carried Content Credentials (C2PA): our verdict at import. */
  credentials?: { status: string; summary: string } | null;
}

export interface Credits {
  /** The original writers (Persons of this site, outside authors included). */
  authors: Person[];
  /** Writers known only by name (from the original's provenance), when no Person is attached. */
  authorNames: string[];
  translators: Person[];
  /** The article this one was translated from or republished from, if inside Relais, else the original outside. */
  source: ChainLink | null;
  /** The first original at the end of the chain (may equal source). */
  root: ChainLink | null;
  /** From the nearest step to the root. */
  chain: ChainLink[];
  via: { url: string; name: string | null } | null;
  isTranslation: boolean;
  isRepublication: boolean;
  licence: string | null;
  /** The canonical URL to declare, and whether the page asks not to be indexed. */
  canonicalUrl: string;
  noindex: boolean;
  /** The machine translation provider(s) whose suggestions were accepted in this translation, else null. */
  machineTranslation?: string | null;
}

const MAX_DEPTH = 20;

async function importedVerdict(db: Kysely<Database>, articleId: number): Promise<ChainLink['credentials']> {
  const c = await findImportedCredentials(db, articleId);
  return c ? { status: c.status, summary: c.summary } : null;
}

async function outsideLink(db: Kysely<Database>, a: Article): Promise<ChainLink | null> {
  const o = a.provenance.original;
  if (!o) return null;
  const outlet: Outlet | null = o.outletId != null ? await findOutletById(db, o.outletId) : null;
  return {
    kind: 'original',
    title: o.title,
    url: o.url,
    language: o.language,
    publishedAt: o.publishedAt,
    outletName: outlet?.name ?? (o.url ? new URL(o.url).hostname.replace(/^www\./, '') : null),
    outletUrl: outlet?.homeUrl ?? null,
    authorNames: o.authorNames,
    translatorNames: [],
    articleId: null,
    credentials: await importedVerdict(db, a.id),
  };
}

async function insideLink(db: Kysely<Database>, site: SiteConfig, a: Article, kind: ChainLink['kind']): Promise<ChainLink> {
  const people = await findPeopleByIds(db, [...a.authorIds, ...a.translatorIds]);
  const names = (ids: number[]) => ids.map((id) => people.get(id)?.name).filter((n): n is string => !!n);
  return {
    kind,
    title: a.title,
    url: urls.article(site, a),
    language: a.language,
    publishedAt: a.publishedAt,
    outletName: site.name,
    outletUrl: urls.home(site),
    authorNames: names(a.authorIds).length ? names(a.authorIds) : (a.provenance.original?.authorNames ?? []),
    translatorNames: names(a.translatorIds),
    articleId: a.id,
  };
}

export async function resolveCredits(db: Kysely<Database>, site: SiteConfig, article: Article): Promise<Credits> {
  const people = await findPeopleByIds(db, [...article.authorIds, ...article.translatorIds]);
  const authors = article.authorIds.map((id) => people.get(id)).filter((p): p is Person => !!p);
  const translators = article.translatorIds.map((id) => people.get(id)).filter((p): p is Person => !!p);

  const chain: ChainLink[] = [];
  let current: Article | null = article;
  const seen = new Set<number>([article.id]);
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    const p: Article['provenance'] = current.provenance;
    const parentId = p.translationOfId ?? p.republicationOfId;
    if (parentId != null && !seen.has(parentId)) {
      seen.add(parentId);
      const parent = await findArticleById(db, parentId);
      if (!parent) break;
      const parentKind: ChainLink['kind'] =
        parent.provenance.translationOfId != null ? 'translation' : parent.provenance.republicationOfId != null ? 'republication' : 'original';
      chain.push(await insideLink(db, site, parent, parentKind));
      current = parent;
      continue;
    }
    const outside = await outsideLink(db, current);
    if (outside) chain.push(outside);
    break;
  }

  const translation = isTranslation(article);
  const republication = isSameLanguageRepublication(article);
  const source = chain[0] ?? null;
  const root = chain.length ? chain[chain.length - 1] : null;

  // Translations are not duplicates: they are canonical to themselves. A same-language republication
  // follows its own policy, as the original's licence asks.
  const self = urls.article(site, article);
  let canonicalUrl = article.canonicalUrl ?? self;
  let noindex = false;
  if (republication && !article.canonicalUrl) {
    if (article.canonicalPolicy === 'original' && source?.url) canonicalUrl = source.url;
    if (article.canonicalPolicy === 'self-noindex') noindex = true;
  }

  const authorNames = authors.length ? authors.map((a) => a.name) : (root?.authorNames ?? article.provenance.original?.authorNames ?? []);
  return {
    authors,
    authorNames,
    translators,
    source,
    root,
    chain,
    via: article.provenance.via,
    isTranslation: translation,
    isRepublication: republication,
    licence: article.provenance.licence,
    canonicalUrl,
    noindex,
    machineTranslation: translation ? await machineProviderOf(db, article.id) : null,
  };
}
