// The article page: title, date, image, share bar, byline, body, provenance credits, About boxes.
import type { Article } from '../../domain/types.ts';
import { urls } from '../../domain/urls.ts';
import { articleJsonLd, jsonLdText } from '../../provenance/jsonld.ts';
import { htmlToText } from '../../publish/sanitize.ts';
import { ownImagesOnly } from '../../publish/body-images.ts';
import { tagSlug } from '../../store/articles.ts';
import { html, raw, type Html } from '../html.ts';
import { listOf, nativeLanguageName, ogLocale, strings, timeTag } from '../i18n/index.ts';
import { layout, type Chrome } from '../layout.ts';
import type { ArticlePageData } from '../load.ts';
import { pickAlternates, type FamilyMember } from '../family.ts';
import { indexesItself, type CanonicalFacts } from '../../provenance/canonical.ts';
import { LOGO_PATH } from '../assets.ts';
import { absoluteImage, isRemote, localPath } from '../paths.ts';
import { featuredImage, imageSources } from '../parts/figure.ts';
import { creditsBlock, personLink } from '../parts/credits.ts';
import { aboutBox } from '../parts/about.ts';
import { correctionsBlock } from '../parts/corrections.ts';
import { kitStrings } from '../../follow/republish/strings.ts';
import { mentionsBlock } from './mentions.ts';

export const COPY_SCRIPT = '/assets/relais-copy.js';

// Turning a body into text runs the HTML parser: remembered per article version.
const descriptions = new Map<string, string>();

export function describe(a: Pick<Article, 'id' | 'updatedAt' | 'summary' | 'bodyHtml'>, max = 200): string {
  if (a.summary) return shorten(a.summary, max);
  const key = `${a.id}\0${a.updatedAt}\0${max}`;
  let text = descriptions.get(key);
  if (text === undefined) {
    text = shorten(htmlToText(a.bodyHtml), max);
    if (descriptions.size >= 2000) descriptions.delete(descriptions.keys().next().value!);
    descriptions.set(key, text);
  }
  return text;
}

function shorten(raw: string, max: number): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

function openGraph(chrome: Chrome, d: ArticlePageData, description: string, alternateLangs: string[]): Html {
  const { site } = chrome;
  const a = d.article;
  const image = d.image ? absoluteImage(site, d.image.ref.file, 1280) : null;
  const size = d.image && !isRemote(d.image.ref.file) ? imageSources(site, d.image, 1280) : null;
  return html`<meta property="og:site_name" content="${site.name}">
<meta property="og:type" content="article">
<meta property="og:title" content="${a.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${urls.article(site, a)}">
<meta property="og:locale" content="${ogLocale(a.language)}">
${alternateLangs.map((l) => html`<meta property="og:locale:alternate" content="${ogLocale(l)}">\n`)}${image ? html`<meta property="og:image" content="${image}">\n` : ''}${size?.width && size.height ? html`<meta property="og:image:width" content="${Math.min(size.width, 1280)}">\n<meta property="og:image:height" content="${Math.round((size.height * Math.min(size.width, 1280)) / size.width)}">\n` : ''}${d.image?.ref.alt ? html`<meta property="og:image:alt" content="${d.image.ref.alt}">\n` : ''}${a.publishedAt ? html`<meta property="article:published_time" content="${a.publishedAt}">\n` : ''}<meta property="article:modified_time" content="${a.updatedAt}">
${a.tags.map((t) => html`<meta property="article:tag" content="${t}">\n`)}<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`;
}

/** The page with `share` in place of the share bar (the route caches the rest and fills counts in fresh). */
export function renderArticle(chrome: Chrome, d: ArticlePageData, share: Html): Html {
  const { site } = chrome;
  const a = d.article;
  const lang = a.language;
  const s = strings(lang);
  const tz = site.timeZone;
  const self = urls.article(site, a);
  const description = describe(a);
  // hreflang joins pages that are each their own canonical; a copy canonical elsewhere takes no part.
  const alternates = pickAlternates<FamilyMember & CanonicalFacts & { title: string }>(a, d.relatives, (x) => indexesItself(site, x));
  const others = alternates.filter((x) => x.article.id !== a.id);
  const selfIndexed = d.credits.canonicalUrl === self && !d.credits.noindex;
  const image = d.image ? { url: absoluteImage(site, d.image.ref.file, 1280), width: d.image.size?.width ?? null, height: d.image.size?.height ?? null } : null;
  const ld = articleJsonLd({ site, article: a, credits: d.credits, description, image, logoUrl: site.baseUrl + LOGO_PATH });
  const c = d.credits;
  const byline = c.authors.length ? listOf(c.authors.map((p) => personLink(site, p)), lang) : c.authorNames.length ? listOf(c.authorNames, lang) : null;
  const main = html`<article class="article" data-article-id="${a.id}" data-canonical-url="${self}" data-lang="${lang}" data-copy-min="${site.copyMinChars}">
<header class="article-header">
<h1>${a.title}</h1>
<p class="meta">${a.publishedAt ? timeTag(a.publishedAt, lang, tz) : ''} · <span class="publisher">${site.name}</span></p>
</header>
${d.image ? featuredImage(site, d.image, s.imageCredit) : ''}
${share}
${byline ? html`<p class="byline">${s.by} ${byline}</p>` : ''}
<div class="article-body">
${raw(ownImagesOnly(a.bodyHtml, site.baseUrl))}
</div>
${correctionsBlock(a.corrections, lang, s, tz)}
${d.republishPath ? html`<p class="republish"><a href="${d.republishPath}" rel="nofollow">${kitStrings(lang).republishLink}</a></p>` : ''}
${creditsBlock({ site, lang, credits: c, s, visibleIds: d.visibleIds }) ?? ''}
${c.authors.filter((p) => p.bio.trim()).map((p) => aboutBox(site, p, d.authorPhotos.get(p.id) ?? null, s))}
${a.tags.length ? html`<nav class="tags" aria-label="${s.tags}"><h2>${s.tags}</h2><ul>${a.tags.map((t) => html`<li><a href="${localPath(site, urls.tag(site, tagSlug(t)))}" rel="tag">${t}</a></li>`)}</ul></nav>` : ''}
${others.length ? html`<nav class="alternates" aria-labelledby="alternates-heading"><h2 id="alternates-heading">${s.alsoIn}</h2><ul>${others.map((x) => html`<li><a href="${localPath(site, urls.article(site, x.article))}" hreflang="${x.lang}" lang="${x.lang}">${s.colon(nativeLanguageName(x.lang))} ${x.article.title}</a></li>`)}</ul></nav>` : ''}
${mentionsBlock(d.mentions, lang, tz)}
</article>`;
  return layout(
    chrome,
    {
      lang,
      title: `${a.title} – ${site.name}`,
      description,
      canonical: c.canonicalUrl,
      noindex: c.noindex,
      alternates: selfIndexed ? alternates.map((x) => ({ lang: x.lang, url: urls.article(site, x.article) })) : [],
      feed: { scope: `${lang}/`, label: nativeLanguageName(lang) },
      path: localPath(site, self),
      head: html`${openGraph(chrome, d, description, others.map((x) => x.lang))}
<script type="application/ld+json">${raw(jsonLdText(ld))}</script>
<link rel="webmention" href="${site.baseUrl}/webmention">`,
      scripts: html`<script src="${COPY_SCRIPT}" defer></script>`,
    },
    main,
  );
}
