// The republication kit's ready-to-paste HTML: the article with its credits (writer, translator, original),
// a link back, the licence, only reusable pictures, and the first-party pixel carrying a placement token.
import type { Kysely } from 'kysely';
import type { Article, SiteConfig } from '../../domain/types.ts';
import type { Credits } from '../../provenance/credits.ts';
import type { Database } from '../../store/schema.ts';
import { esc } from '../escape.ts';
import type { LicenceInfo } from '../licence.ts';
import { reusableBody } from './kit-images.ts';
import { kitStrings } from './strings.ts';

export const PIXEL_PREFIX = '/px/';

export function pixelUrl(site: SiteConfig, placement: string): string {
  return `${site.baseUrl}${PIXEL_PREFIX}${placement}.gif`;
}

export interface KitInput {
  site: SiteConfig;
  article: Article;
  credits: Credits;
  licence: LicenceInfo;
  articleUrl: string;
  placement: string;
}

function names(list: string[], lang: string): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(list);
}

export function creditNames(c: Credits): { writers: string[]; translators: string[]; original: { name: string | null; url: string | null } | null } {
  const writers = c.authors.length ? c.authors.map((p) => p.name) : c.authorNames;
  const root = c.root && c.root.kind === 'original' ? c.root : null;
  return {
    writers,
    translators: c.translators.map((p) => p.name),
    original: root ? { name: root.outletName, url: root.url } : null,
  };
}

/** The HTML a republisher pastes into their page's body. */
export async function kitHtml(db: Kysely<Database>, k: KitInput): Promise<string> {
  const lang = k.article.language;
  const s = kitStrings(lang);
  const cn = creditNames(k.credits);
  const body = await reusableBody(db, k.article.bodyHtml, k.site.baseUrl);
  const credit: string[] = [];
  if (cn.writers.length) credit.push(`${s.by} ${esc(names(cn.writers, lang))}`);
  if (cn.translators.length) credit.push(`${s.translatedBy} ${esc(names(cn.translators, lang))}`);
  if (cn.original?.name || cn.original?.url)
    credit.push(`${s.originallyIn} ${cn.original.url ? `<a href="${esc(cn.original.url)}">${esc(cn.original.name ?? cn.original.url)}</a>` : esc(cn.original.name ?? '')}`);
  const licence = k.licence.url ? `<a href="${esc(k.licence.url)}" rel="license">${esc(k.licence.name)}</a>` : esc(k.licence.name);
  return [
    `<article lang="${esc(lang)}">`,
    `<h1>${esc(k.article.title)}</h1>`,
    credit.length ? `<p class="credits">${credit.join(' · ')}</p>` : '',
    body.trim(),
    `<p class="republished">${s.firstPublished(`<a href="${esc(k.articleUrl)}">${esc(k.site.name)}</a>`, licence)}</p>`,
    `<img src="${esc(pixelUrl(k.site, k.placement))}" width="1" height="1" alt="" referrerpolicy="no-referrer-when-downgrade" style="width:1px;height:1px;border:0">`,
    `</article>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** What goes in the republisher's <head>: the canonical advice. */
export function kitHead(canonicalUrl: string): string {
  return `<link rel="canonical" href="${esc(canonicalUrl)}">`;
}
