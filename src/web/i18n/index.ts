// Picks the words and formats for a language; unknown languages read English words but keep their own
// dates (Intl knows far more languages than we translate).
import { html, join, type Html, type Renderable } from '../html.ts';
import type { Strings } from './types.ts';
import { fr } from './fr.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { de } from './de.ts';
import { ar } from './ar.ts';

export type { Strings } from './types.ts';

const TABLES: Record<string, Strings> = { fr, en, es, de, ar };

/** The languages whose interface words the site has (others read English words). */
export const INTERFACE_LANGUAGES = Object.keys(TABLES);

/** "rtl" for the languages written right to left, else "ltr" (the <html dir> of a page). */
export { textDirection } from '../../domain/text-direction.ts';

function primary(lang: string): string {
  return lang.toLowerCase().split('-')[0];
}

export function strings(lang: string): Strings {
  return TABLES[primary(lang)] ?? en;
}

// "15 November 2017" is British order; American English would say "November 15, 2017".
const DATE_LOCALES: Record<string, string> = { en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    const locale = DATE_LOCALES[lang] ?? lang;
    try {
      f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    }
    dateFormats.set(key, f);
  }
  return f;
}

/** "15 novembre 2017", "15 November 2017"; the 1st of a month is "1er" in French. */
export function formatDate(iso: string, lang: string, timeZone = 'UTC'): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = dateFormat(lang, timeZone).format(d);
  return primary(lang) === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** A <time> element with the machine-readable instant and the localised date. */
export function timeTag(iso: string, lang: string, timeZone = 'UTC'): Html {
  return html`<time datetime="${iso}">${formatDate(iso, lang, timeZone)}</time>`;
}

/** "A, B et C" with each item already rendered (links), following the language's list rules. */
export function listOf(items: Renderable[], lang: string): Html {
  if (items.length <= 1) return join(items);
  const marks = items.map((_, i) => `\u0000${i}\u0000`);
  let parts: Array<{ type: string; value: string }>;
  try {
    parts = new Intl.ListFormat(lang, { type: 'conjunction' }).formatToParts(marks);
  } catch {
    parts = new Intl.ListFormat('en', { type: 'conjunction' }).formatToParts(marks);
  }
  return join(parts.map((p) => (p.type === 'element' ? items[Number(p.value.slice(1, -1))] : p.value)));
}

const languageNames = new Map<string, string>();

/** A language's own name for itself ("français", "English"), for language switchers. */
export function nativeLanguageName(lang: string): string {
  let name = languageNames.get(lang);
  if (!name) {
    try {
      name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    } catch {
      name = lang;
    }
    name = name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
    languageNames.set(lang, name);
  }
  return name;
}

// Facebook's locale list wants a territory; these are the usual pairs.
const OG_LOCALES: Record<string, string> = {
  fr: 'fr_FR', en: 'en_GB', de: 'de_DE', es: 'es_ES', it: 'it_IT', pt: 'pt_PT', nl: 'nl_NL', ar: 'ar_AR',
  ru: 'ru_RU', zh: 'zh_CN', ja: 'ja_JP', uk: 'uk_UA', pl: 'pl_PL', sv: 'sv_SE', el: 'el_GR', tr: 'tr_TR',
};

export function ogLocale(lang: string): string {
  const [p, region] = lang.split('-');
  if (region && /^[A-Za-z]{2}$/.test(region)) return `${p.toLowerCase()}_${region.toUpperCase()}`;
  return OG_LOCALES[p.toLowerCase()] ?? `${p.toLowerCase()}_${p.toUpperCase()}`;
}
