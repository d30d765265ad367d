// Where the text comes from, in the reader's language: the original, the translator, the intermediate,
// the chain back to the first original, and the licence.
import type { Person, SiteConfig } from '../../domain/types.ts';
import { urls } from '../../domain/urls.ts';
import type { ChainLink, Credits } from '../../provenance/credits.ts';
import { html, safeUrl, type Html } from '../html.ts';
import { formatDate, listOf, type Strings } from '../i18n/index.ts';
import { localPath } from '../paths.ts';
import { machineAssisted } from './machine-credit.ts';

export interface CreditsView {
  site: SiteConfig;
  lang: string;
  credits: Credits;
  s: Strings;
  /** Ids of articles of this site a reader may open (links to drafts would 404). */
  visibleIds: Set<number>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function linkable(link: ChainLink, visibleIds: Set<number>): string | null {
  if (!link.url) return null;
  if (link.articleId != null && !visibleIds.has(link.articleId)) return null;
  return link.url;
}

function external(url: string, text: string, lang?: string | null): Html {
  return html`<a href="${safeUrl(url)}"${lang ? html` hreflang="${lang}"` : ''}>${text}</a>`;
}

export function personLink(site: SiteConfig, p: Person): Html {
  return html`<a href="${localPath(site, urls.person(site, p))}">${p.name}</a>`;
}

function chainItem(v: CreditsView, link: ChainLink, kind: ChainLink['kind']): Html {
  const url = linkable(link, v.visibleIds);
  const label = link.title ?? (link.url ? hostOf(link.url) : (link.outletName ?? '?'));
  const details = [link.outletName, link.publishedAt ? formatDate(link.publishedAt, v.lang, v.site.timeZone) : null]
    .filter((x): x is string => !!x)
    .join(', ');
  return html`<li>${v.s.colon(v.s.chainKinds[kind])} ${url ? external(url, label, link.language) : label}${details ? ` (${details})` : ''}</li>`;
}

/**
 * What a step of the chain is, seen from the reader: the last step is the original; an earlier one is a
 * translation when its language differs from the step it comes from, else a republication.
 */
export function chainKind(chain: ChainLink[], i: number): ChainLink['kind'] {
  const next = chain[i + 1];
  if (!next) return 'original';
  const [a, b] = [chain[i].language, next.language];
  return a && b && a !== b ? 'translation' : 'republication';
}

export function creditsBlock(v: CreditsView): Html | null {
  const { credits: c, s, site } = v;
  const lines: Html[] = [];
  const source = c.source;
  if (c.isTranslation && source) {
    const url = linkable(source, v.visibleIds);
    const outlet = source.outletName ?? (source.url ? hostOf(source.url) : '');
    const link = url ? external(url, url, source.language) : html`${source.title ?? outlet}`;
    lines.push(html`<p class="credit-original">${s.translatedFrom(outlet, link)}</p>`);
  } else if (c.isRepublication && source) {
    const url = linkable(source, v.visibleIds);
    const outlet = source.outletName ?? (source.url ? hostOf(source.url) : (source.title ?? ''));
    lines.push(html`<p class="credit-original">${s.firstPublishedBy(url ? external(url, outlet, source.language) : html`${outlet}`)}</p>`);
  }
  const signed = c.chain.find((l) => l.credentials)?.credentials;
  if (signed) lines.push(html`<p class="credit-c2pa" data-status="${signed.status}" lang="en">${signed.summary}</p>`);
  if (c.translators.length)
    lines.push(html`<p class="credit-translator">${s.translatedBy(listOf(c.translators.map((p) => personLink(site, p)), v.lang), site.name)}</p>`);
  if (c.machineTranslation) lines.push(html`<p class="credit-machine">${machineAssisted(v.lang, c.machineTranslation)}</p>`);
  if (c.via) lines.push(html`<p class="credit-via">${s.via(external(c.via.url, c.via.name ?? hostOf(c.via.url)))}</p>`);
  if (c.chain.length > 1)
    lines.push(html`<div class="chain">
<h3>${s.chainHeading}</h3>
<ol>
${c.chain.map((l, i) => html`${chainItem(v, l, chainKind(c.chain, i))}\n`)}</ol>
</div>`);
  if (c.licence) {
    const value = /^https?:\/\//.test(c.licence) ? external(c.licence, c.licence) : html`${c.licence}`;
    lines.push(html`<p class="credit-licence">${s.licence(value)}</p>`);
  }
  if (!lines.length) return null;
  return html`<section class="credits" aria-labelledby="credits-heading">
<h2 id="credits-heading">${s.provenance}</h2>
${lines.map((l) => html`${l}\n`)}</section>`;
}
