// /sitemap.xml and /robots.txt. The sitemap lists the pages that declare themselves canonical, with
// hreflang alternates between translations.
import type { AppContext } from '../context.ts';
import { urls } from '../domain/urls.ts';
import { listCreditedPeopleSlugs, listVisibleArticleRefs, type ArticleRef } from '../store/article-refs.ts';
import { listSections } from '../store/sections.ts';
import { escapeHtml as x } from './html.ts';
import { indexesItself } from '../provenance/canonical.ts';
import { families, pickAlternates } from './family.ts';

interface Entry {
  loc: string;
  lastmod?: string | null;
  alternates?: Array<{ lang: string; href: string }>;
}

function entryXml(e: Entry): string {
  let out = `<url><loc>${x(e.loc)}</loc>`;
  if (e.lastmod) out += `<lastmod>${x(e.lastmod)}</lastmod>`;
  for (const a of e.alternates ?? []) out += `<xhtml:link rel="alternate" hreflang="${x(a.lang)}" href="${x(a.href)}"/>`;
  return out + '</url>';
}

export async function buildSitemap(ctx: AppContext): Promise<string> {
  const { site } = ctx;
  const now = ctx.now().toISOString();
  const [refs, sections, people] = await Promise.all([
    listVisibleArticleRefs(ctx.store.db, now),
    listSections(ctx.store.db),
    listCreditedPeopleSlugs(ctx.store.db, now),
  ]);
  const newest = refs.reduce<string | null>((m, r) => (m == null || r.updatedAt > m ? r.updatedAt : m), null);
  const entries: Entry[] = [{ loc: urls.home(site), lastmod: newest }];
  if (site.languages.length > 1) for (const l of site.languages) entries.push({ loc: urls.languageHome(site, l), lastmod: newest });
  for (const s of sections) entries.push({ loc: urls.section(site, s) });
  for (const slug of people) entries.push({ loc: urls.person(site, { slug }) });
  const indexed = (r: ArticleRef) => indexesItself(site, r);
  for (const family of families(refs)) {
    for (const r of family) {
      if (!indexed(r)) continue;
      const alternates = pickAlternates(r, family, indexed).map((a) => ({ lang: a.lang, href: urls.article(site, a.article) }));
      entries.push({ loc: urls.article(site, r), lastmod: r.updatedAt, alternates });
    }
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    entries.map(entryXml).join('\n') +
    '\n</urlset>\n'
  );
}

export function robotsTxt(ctx: AppContext): string {
  return ['User-agent: *', 'Disallow: /share/', 'Disallow: /api/', '', `Sitemap: ${ctx.site.baseUrl}/sitemap.xml`, ''].join('\n');
}
