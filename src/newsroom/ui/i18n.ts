// Interface strings, French and English. Each area keeps its own strings file; this merges them.
// A missing key shows the key itself, so a test notices it.
export type UiLang = 'fr' | 'en';
export type Strings = { fr: Record<string, string>; en: Record<string, string> };

const tables: Strings = { fr: {}, en: {} };
let current: UiLang = 'en';

export function addStrings(s: Strings): void {
  Object.assign(tables.fr, s.fr);
  Object.assign(tables.en, s.en);
}

export function setLang(lang: UiLang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): UiLang {
  return current;
}

/** `t('articles.count', { n: 3 })` replaces `{n}` in the string. */
export function t(key: string, vars: Record<string, string | number> = {}): string {
  const s = tables[current][key] ?? tables.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
