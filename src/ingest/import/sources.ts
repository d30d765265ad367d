// The three ways an article arrives: a URL to fetch, HTML an editor already has, or pasted text.
import { extractArticleIsolated } from '../../extract/isolated.ts';
import { recognisePastedArticle } from '../paste/recognise.ts';
import { FetchError, type Fetcher } from '../fetch/index.ts';
import { ImportError } from './errors.ts';
import type { ImportedContent } from './draft.ts';
import { signedSource } from '../../c2pa/imported.ts';

const hostOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

/**
 * The original's address: the page's canonical when it is on the host the page was read from, else the
 * address read (a canonical elsewhere is only the page's claim, noted for the editor).
 */
function originalOf(canonical: string | null, url: string | null, notes: string[]): string | null {
  if (!canonical) return url;
  if (!/^https?:\/\//i.test(canonical)) {
    notes.push(`the page's canonical address ${JSON.stringify(canonical.slice(0, 200))} is not an http(s) address; ignored`);
    return url;
  }
  if (!url || hostOf(canonical) === hostOf(url)) return canonical;
  notes.push(`the page claims to be a copy of ${canonical}; recorded as its claim, with ${url} as the source`);
  return url;
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}

export async function contentFromHtml(html: string, url: string | null, kind: ImportedContent['kind'] = 'html'): Promise<ImportedContent> {
  const source = url ?? 'the HTML';
  let x;
  try {
    x = await extractArticleIsolated(html, url ? { url } : {});
  } catch (err) {
    throw new ImportError(source, (err as Error).message);
  }
  if (!x.text.trim()) throw new ImportError(source, 'no article text was found in the page');
  const notes: string[] = [];
  return {
    kind,
    sourceUrl: url,
    originalUrl: originalOf(x.canonicalUrl, url, notes),
    notes,
    title: x.title?.trim() || firstLine(x.text),
    authors: x.authors,
    translators: [],
    publishedAt: x.publishedAt,
    language: x.language,
    siteName: x.siteName,
    summary: x.description,
    imageUrl: x.leadImage,
    html: x.html,
    text: x.text,
    via: null,
    signed: signedSource(html, 'text/html'),
  };
}

export async function contentFromUrl(fetcher: Fetcher, url: string): Promise<ImportedContent> {
  let res;
  try {
    res = await fetcher.fetch(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
  } catch (err) {
    if (err instanceof FetchError) throw new ImportError(url, err.message, 502);
    throw new ImportError(url, (err as Error).message, 502);
  }
  if (res.status >= 400) throw new ImportError(url, `the server answered HTTP ${res.status}`, 502);
  if (res.contentType && !/html|xml/.test(res.contentType)) throw new ImportError(url, `it is not a web page (${res.contentType})`);
  let html: string;
  try {
    html = res.decode('html').text;
  } catch (err) {
    throw new ImportError(url, (err as Error).message);
  }
  // The page's own bytes, as its manifest's hash covers them.
  return { ...(await contentFromHtml(html, res.url, 'url')), signed: signedSource(res.body, 'text/html') };
}

export function contentFromPaste(text: string): ImportedContent {
  const p = recognisePastedArticle(text);
  if (!p.title) throw new ImportError('pasted text', 'no title was recognised');
  if (!p.text) throw new ImportError(`pasted text "${p.title.slice(0, 60)}"`, 'no article text was recognised');
  const originalUrl = p.originalUrl ?? p.sourceUrl;
  // When the text came through a republisher, the site named on the page is that republisher, not the original.
  const via = p.sourceUrl && originalUrl !== p.sourceUrl ? { url: p.sourceUrl, name: p.siteName ?? p.translatorSite } : p.via?.url ? { url: p.via.url, name: p.via.name } : null;
  return {
    kind: 'paste',
    sourceUrl: p.sourceUrl,
    originalUrl,
    title: p.title,
    authors: p.authors,
    translators: p.translators,
    publishedAt: p.publishedAt,
    language: p.language,
    siteName: via ? null : p.siteName,
    summary: null,
    imageUrl: p.imageUrl,
    html: p.bodyHtml,
    text: p.text,
    via,
    signed: signedSource(text, 'text/plain'),
  };
}
