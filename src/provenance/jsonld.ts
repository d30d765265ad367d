// schema.org NewsArticle for an article page: who wrote it, who translated it, what it is a translation
// of and where the text first appeared, so search engines and archivists can read the provenance.
import type { Article, Person, SiteConfig } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import type { ChainLink, Credits } from './credits.ts';

type Json = Record<string, unknown>;

export interface JsonLdImage {
  url: string;
  width?: number | null;
  height?: number | null;
}

export interface ArticleJsonLdInput {
  site: SiteConfig;
  article: Article;
  credits: Credits;
  /** The page's description (summary or first words of the body). */
  description?: string;
  image?: JsonLdImage | null;
  /** Absolute URL of the site's raster logo. */
  logoUrl: string;
}

function clean(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && !(Array.isArray(v) && v.length === 0)));
}

function person(site: SiteConfig, p: Person): Json {
  return clean({ '@type': 'Person', name: p.name, url: urls.person(site, p), sameAs: p.links.map((l) => l.url) });
}

function namedPerson(name: string): Json {
  return { '@type': 'Person', name };
}

function machineContributor(name: string): Json {
  return { '@type': 'SoftwareApplication', name, applicationCategory: 'Machine translation', description: 'Machine-assisted translation' };
}

function imageObject(img: JsonLdImage): Json {
  return clean({ '@type': 'ImageObject', url: img.url, width: img.width ?? null, height: img.height ?? null });
}

function work(link: ChainLink): Json {
  return clean({
    '@type': 'CreativeWork',
    url: link.url,
    inLanguage: link.language,
    headline: link.title,
    datePublished: link.publishedAt,
    author: link.authorNames.map(namedPerson),
    translator: link.translatorNames.map(namedPerson),
    publisher: link.outletName ? clean({ '@type': 'Organization', name: link.outletName, url: link.outletUrl }) : null,
  });
}

export function articleJsonLd(input: ArticleJsonLdInput): Json {
  const { site, article, credits } = input;
  const self = urls.article(site, article);
  const authors = credits.authors.length ? credits.authors.map((p) => person(site, p)) : credits.authorNames.map(namedPerson);
  const derived = credits.isTranslation || credits.isRepublication;
  const basedOn = credits.root?.url ?? credits.source?.url ?? null;
  return clean({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: input.description || null,
    inLanguage: article.language,
    url: self,
    mainEntityOfPage: { '@type': 'WebPage', '@id': self },
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: authors,
    translator: credits.translators.map((p) => person(site, p)),
    translationOfWork: credits.isTranslation && credits.source ? work(credits.source) : null,
    // Machine assistance: schema.org's translator takes a Person or Organization, so the software is a contributor.
    contributor: credits.machineTranslation ? credits.machineTranslation.split(', ').map(machineContributor) : null,
    isBasedOn: derived ? basedOn : null,
    license: credits.licence,
    image: input.image ? [imageObject(input.image)] : null,
    keywords: article.tags.length ? article.tags.join(', ') : null,
    publisher: {
      '@type': 'Organization',
      name: site.name,
      url: urls.home(site),
      logo: { '@type': 'ImageObject', url: input.logoUrl, width: 256, height: 256 },
    },
  });
}

/**
 * JSON text safe inside <script type="application/ld+json">: no "<" (so no "</script>" or "<!--"),
 * and no characters that older parsers treat as line ends.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
