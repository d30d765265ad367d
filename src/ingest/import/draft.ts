// From what was extracted (from a page or a paste) to the inputs of the publish operations.
import type { SourceBytes } from '../../c2pa/imported.ts';
import type { ArticleInput, ImageRef } from '../../domain/types.ts';
import type { FetchedImages } from './images.ts';

/** What every import source produces before anything is written. */
export interface ImportedContent {
  /** Where the text was read (fetched URL, given URL, or the paste's source line). */
  sourceUrl: string | null;
  /** The original's URL (canonical link of the page, or the credit line of a paste). */
  originalUrl: string | null;
  title: string;
  authors: string[];
  translators: string[];
  publishedAt: string | null;
  language: string | null;
  siteName: string | null;
  summary: string | null;
  imageUrl: string | null;
  html: string;
  text: string;
  /** The republisher the text came through, when it is not the original. */
  via: { url: string; name: string | null } | null;
  /** Its pictures, fetched before the import's transaction (images.ts); absent: not fetched. */
  images?: FetchedImages;
  kind: 'url' | 'html' | 'paste' | 'feed';
  /** What the editor should know about the source (e.g. a canonical address that is only the page's claim). */
  notes?: string[];
  /** The source as read, when it carries Content Credentials (C2PA): verified and kept at import. */
  signed?: SourceBytes | null;
}

export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})\b/i.exec(tag ?? '');
  return m ? m[1].toLowerCase() : null;
}

export function siteOf(url: string): { homeUrl: string; host: string } {
  const u = new URL(url);
  return { homeUrl: `${u.protocol}//${u.host}/`, host: u.hostname.replace(/^www\./, '') };
}

export function draftInput(
  c: ImportedContent,
  refs: { outletId: number | null; authorIds: number[]; translatorIds: number[]; defaultLanguage: string },
): ArticleInput {
  const language = primaryLanguage(c.language) ?? refs.defaultLanguage;
  const image: ImageRef | null = c.imageUrl ? { file: c.imageUrl, alt: c.title, credit: c.siteName } : null;
  return {
    language,
    title: c.title,
    summary: c.summary ?? '',
    bodyHtml: c.html,
    image,
    status: 'draft',
    // A same-language republication points search engines at the original unless an editor decides otherwise.
    canonicalPolicy: 'original',
    authorIds: refs.authorIds,
    translatorIds: refs.translatorIds,
    provenance: {
      original: {
        url: c.originalUrl,
        title: c.title,
        outletId: refs.outletId,
        authorNames: c.authors,
        language: c.translators.length ? null : language,
        publishedAt: c.publishedAt,
      },
      via: c.via,
    },
  };
}
