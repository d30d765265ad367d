// A suspect text as the matcher sees it: the main text (extracted from a page by src/extract/), the whole
// page's text (chrome included) and its language.
import { extractArticle } from '../extract/index.ts';
import { guessLanguage } from '../ingest/paste/language.ts';
import { htmlToText } from '../text/html-text.ts';
import { signatureOf, type Signature } from './signature.ts';
import { copyTextOf } from './text.ts';

export interface Suspect {
  main: Signature;
  full: Signature;
  language: string | null;
  title: string | null;
  /** The page's own text as written, for the credit checks. */
  raw: string;
}

const primary = (lang: string | null | undefined) => (lang ? lang.toLowerCase().split(/[-_]/)[0] || null : null);

export function suspectFromText(text: string): Suspect {
  const sig = signatureOf(copyTextOf(text));
  return { main: sig, full: sig, language: guessLanguage(text), title: null, raw: text };
}

export function looksLikeHtml(s: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<meta|<div|<article|<p[\s>])/i.test(s) || /<\/(p|div|body|article)>/i.test(s.slice(0, 50_000));
}

export function suspectFromHtml(html: string, url?: string): Suspect {
  const page = htmlToText(html.replace(/<head\b[\s\S]*?<\/head\s*>/i, ' '));
  let mainText = '';
  let language: string | null = null;
  let title: string | null = null;
  try {
    const e = extractArticle(html, url ? { url } : {});
    mainText = e.text;
    language = primary(e.language);
    title = e.title ?? null;
  } catch {
    // An unextractable page is still compared as a whole.
  }
  const full = signatureOf(copyTextOf(page));
  const main = mainText.trim() ? signatureOf(copyTextOf(mainText)) : full;
  // The text's own words over the page's declared lang, which a copying site may leave as its own.
  return { main, full, language: guessLanguage(mainText || page) ?? language, title, raw: html };
}

export function suspectOf(input: { html?: string | null; text?: string | null; url?: string | null }): Suspect {
  if (input.html) return suspectFromHtml(input.html, input.url ?? undefined);
  return suspectFromText(input.text ?? '');
}
