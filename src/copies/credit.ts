// Does a copy credit the article? The attribution line the copy script adds ("Read more at <URL>#<token>",
// src/follow/assets/relais-copy.js), a copy token of this article, a link back to the article's address,
// or the names of its writers and translators.
import { parseCopyToken } from '../follow/token.ts';
import { tokens } from '../text/normalize.ts';

export interface CreditFacts {
  hasAttribution: boolean;
  hasToken: boolean;
  hasLink: boolean;
  hasCredits: boolean;
}

const TOKEN = /[0-9A-Za-z]{16}\.[1-9a-z][0-9a-z]{0,10}/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `path` is the article's path (/fr/slug); `articleUrl` its full address when the site is known. Without
 * it, any address ending in the path counts (a feed entry is checked where the site is not at hand).
 */
export function creditFacts(raw: string, a: { id: number; path: string; articleUrl?: string | null; names: string[] }): CreditFacts {
  const url = a.articleUrl ? escapeRe(a.articleUrl) : `https?://[^\\s"'<>]*${escapeRe(a.path)}`;
  const end = `(?=[#?/"'<>\\s)]|$)`;
  const hasAttribution = new RegExp(`(Read more at|En savoir plus sur)\\s+(<a[^>]*>\\s*)?${url}${end}`, 'i').test(raw);
  const hasToken = [...raw.matchAll(TOKEN)].some((m) => parseCopyToken(m[0])?.articleId === a.id);
  const hasLink = new RegExp(`${url}${end}`, 'i').test(raw);
  const words = ` ${tokens(raw.replace(/<[^>]*>/g, ' '), 200_000).join(' ')} `;
  const hasCredits = a.names.length > 0 && a.names.some((n) => {
    const t = tokens(n).join(' ');
    return t.length > 0 && words.includes(` ${t} `);
  });
  return { hasAttribution, hasToken, hasLink, hasCredits };
}
