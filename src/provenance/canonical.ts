// What kind of copy an article is (translation, same-language republication) and whether its own URL is
// the one to index, decided from the article alone (no chain walk). resolveCredits (credits.ts) uses the
// same rules for the article page; the sitemap uses indexesItself; a test checks both agree.
import type { CanonicalPolicy, SiteConfig } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';

export interface CanonicalFacts {
  slug: string;
  language: string;
  canonicalUrl: string | null;
  canonicalPolicy: CanonicalPolicy;
  provenance: {
    translationOfId: number | null;
    republicationOfId: number | null;
    original: { url: string | null; language: string | null } | null;
  };
}

export function isTranslation(a: CanonicalFacts): boolean {
  const o = a.provenance.original;
  return a.provenance.translationOfId != null || (o?.language != null && o.language !== a.language);
}

export function isSameLanguageRepublication(a: CanonicalFacts): boolean {
  return !isTranslation(a) && (a.provenance.republicationOfId != null || a.provenance.original != null);
}

/** True when the article's page declares itself canonical and indexable. */
export function indexesItself(site: SiteConfig, a: CanonicalFacts): boolean {
  const self = urls.article(site, a);
  if (a.canonicalUrl) return a.canonicalUrl === self;
  if (!isSameLanguageRepublication(a)) return true;
  if (a.canonicalPolicy === 'self-noindex') return false;
  if (a.canonicalPolicy === 'original') {
    // Canonical goes to the nearest source when it has a URL: an article of this site always has one.
    const sourceHasUrl = a.provenance.republicationOfId != null || a.provenance.original?.url != null;
    return !sourceHasUrl;
  }
  return true;
}
