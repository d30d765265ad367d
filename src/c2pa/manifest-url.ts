// Where an article's manifest store is served, and which articles have one: every article a reader can see
// (published, or scheduled and due), when the site has Content Credentials. Pages (web/signed-article.ts),
// the manifest URL (web/credentials.ts) and the feeds share this one rule.
import type { AppContext } from '../context.ts';
import type { Article, SiteConfig } from '../domain/types.ts';
import { isVisible } from '../publish/articles.ts';

/** The media type a C2PA manifest store is served with (C2PA 2.2 §11.4, external manifests). */
export const MANIFEST_TYPE = 'application/c2pa';
/** The link relation C2PA uses for a manifest store apart from its asset (HTTP Link, HTML <link>). */
export const MANIFEST_REL = 'c2pa-manifest';

export function manifestUrl(site: SiteConfig, articleId: number): string {
  return `${site.baseUrl}/c2pa/articles/${articleId}.c2pa`;
}

/** Whether the article's page is signed (and its manifest served). */
export function hasManifest(ctx: AppContext, a: Pick<Article, 'status' | 'publishedAt'>): boolean {
  return !!ctx.credentials && isVisible(a, ctx.now());
}

/** The article's manifest URL when it has a manifest, else null. */
export function manifestUrlOf(ctx: AppContext, a: Pick<Article, 'id' | 'status' | 'publishedAt'>): string | null {
  return hasManifest(ctx, a) ? manifestUrl(ctx.site, a.id) : null;
}
