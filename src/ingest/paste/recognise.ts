// Turns an article copied from a web page (plain text, as an editor pastes it) into its parts:
// title, date, byline, body, credits and the source URL, with the page chrome dropped.
import { classifyLine, type LineKind } from './lines.ts';
import { guessLanguage } from './language.ts';

export interface PastedArticle {
  title: string | null;
  language: string | null;
  publishedAt: string | null;
  siteName: string | null;
  imageUrl: string | null;
  /** The original writers ("Par …", "By …"). */
  authors: string[];
  translators: string[];
  /** The site the translator worked for ("Traduction : Avic – Réseau International"). */
  translatorSite: string | null;
  /** The original the text was translated or taken from ("Traduction : <URL>", "Source: <URL>"). */
  originalUrl: string | null;
  /** The page the text was copied from (from "En savoir plus sur <URL>#token"), without the token. */
  sourceUrl: string | null;
  copyToken: string | null;
  via: { url: string | null; name: string | null } | null;
  paragraphs: string[];
  text: string;
  bodyHtml: string;
  /** Lines recognised as page chrome and left out, so an editor can check nothing was lost. */
  dropped: string[];
}

const SENTENCE_END = /[.!?…»"”)]$/;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function isBodyLike(text: string): boolean {
  return text.length > 140 || (SENTENCE_END.test(text) && text.split(/\s+/).length > 8);
}

/** A short line between the title and the body: a site or section name, not a sentence. */
function isLabelLike(text: string): boolean {
  return text.length <= 60 && text.split(/\s+/).length <= 6 && !SENTENCE_END.test(text);
}

export function recognisePastedArticle(input: string): PastedArticle {
  const out: PastedArticle = {
    title: null, language: null, publishedAt: null, siteName: null, imageUrl: null, authors: [], translators: [],
    translatorSite: null, originalUrl: null, sourceUrl: null, copyToken: null, via: null, paragraphs: [], text: '',
    bodyHtml: '', dropped: [],
  };
  type Phase = 'header' | 'body' | 'credits' | 'copier';
  let phase: Phase = 'header';
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n?|\n/);

  for (const raw of lines) {
    const line: LineKind = classifyLine(raw);
    switch (line.kind) {
      case 'blank':
        continue;
      case 'chrome':
      case 'share-heading':
      case 'share-counts':
        out.dropped.push(raw.trim());
        continue;
      case 'image':
        if (!out.imageUrl && phase === 'header') out.imageUrl = line.url;
        else out.dropped.push(raw.trim());
        continue;
      case 'date':
        if (!out.publishedAt && phase === 'header') out.publishedAt = line.iso;
        else if (phase === 'body') out.paragraphs.push(raw.trim());
        else out.dropped.push(raw.trim());
        continue;
      case 'byline':
        if (phase === 'header' || (phase === 'body' && out.authors.length === 0 && out.paragraphs.length === 0)) {
          out.authors.push(...line.names);
          phase = 'body';
        } else if (phase === 'copier') out.dropped.push(raw.trim());
        else out.paragraphs.push(raw.trim());
        continue;
      case 'original-url':
        if (phase !== 'copier') {
          out.originalUrl ??= line.url;
          phase = 'credits';
        } else out.dropped.push(raw.trim());
        continue;
      case 'translator':
        if (phase !== 'copier') {
          out.translators.push(...line.names);
          out.translatorSite ??= line.site;
          phase = 'credits';
        } else out.dropped.push(raw.trim());
        continue;
      case 'via':
        out.via ??= { url: line.url, name: line.name };
        if (phase !== 'copier') phase = 'credits';
        continue;
      case 'attribution':
        // Everything after the copy-attribution line belongs to the page it was pasted on.
        out.sourceUrl ??= line.url;
        out.copyToken ??= line.token;
        phase = 'copier';
        continue;
      case 'about':
        out.dropped.push(raw.trim());
        phase = 'copier';
        continue;
      case 'text': {
        const text = line.text;
        if (phase === 'copier') {
          out.dropped.push(text);
        } else if (phase === 'header') {
          if (!out.title) out.title = text;
          else if (text === out.title) out.dropped.push(text);
          else if (!out.siteName && isLabelLike(text) && !isBodyLike(text)) out.siteName = text;
          else {
            phase = 'body';
            out.paragraphs.push(text);
          }
        } else if (phase === 'credits') {
          // Text after the credits is the republisher's footer, not the article.
          out.dropped.push(text);
        } else {
          out.paragraphs.push(text);
        }
      }
    }
  }
  // Trailing stray punctuation left by copy-paste (" ." after the last sentence).
  out.paragraphs = out.paragraphs.map((p) => p.replace(/([.!?…])\s+\.\s*$/, '$1').replace(/\s+\.\s*$/, '.'));
  out.text = out.paragraphs.join('\n\n');
  out.bodyHtml = out.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  out.language = guessLanguage(out.text || out.title || '');
  return out;
}
