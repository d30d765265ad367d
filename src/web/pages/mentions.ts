// "Mentioned by": the article's verified and approved webmentions at the end of its page (server-rendered,
// escaped, links `nofollow ugc`). Nothing is rendered when there are none, so such pages are unchanged.
import type { PageMention } from '../../follow/webmention/page-mentions.ts';
import { html, type Html } from '../html.ts';
import { timeTag } from '../i18n/index.ts';

const WORDS: Record<string, { heading: string; by: string }> = {
  en: { heading: 'Mentioned by', by: 'by' },
  fr: { heading: 'Mentionné par', by: 'par' },
};

function hostOf(url: string): string {
  return new URL(url).host;
}

function item(m: PageMention, lang: string, timeZone: string, by: string): Html {
  const author = m.author.name ? (m.author.url ? html`<a href="${m.author.url}" rel="nofollow ugc">${m.author.name}</a>` : html`${m.author.name}`) : null;
  const parts = [author ? html`${by} ${author}` : null, m.published ? timeTag(m.published, lang, timeZone) : null].filter((p): p is Html => p !== null);
  return html`<li><a href="${m.source}" rel="nofollow ugc">${m.title ?? hostOf(m.source)}</a>${m.title ? html` (${hostOf(m.source)})` : ''}${parts.map((p) => html`, ${p}`)}</li>`;
}

export function mentionsBlock(mentions: PageMention[] | undefined, lang: string, timeZone = 'UTC'): Html | '' {
  if (!mentions?.length) return '';
  const w = WORDS[lang.split('-')[0]] ?? WORDS.en;
  return html`<section class="mentions" aria-labelledby="mentions-heading"><h2 id="mentions-heading">${w.heading}</h2><ul>${mentions.map((m) => item(m, lang, timeZone, w.by))}</ul></section>`;
}
