// Which stemmer a text gets: by the language of the article (index) or of the query. Languages without a
// stemmer here are only normalised.
import { stemEnglish } from './stem-en.ts';
import { stemFrench } from './stem-fr.ts';
import { tokens } from './normalize.ts';

/** Rewrites a word's ending only: the first letter stays (snippets skip words by it, search/word-match.ts). */
export type Stemmer = (word: string) => string;

/** Words repeat (Zipf's law): each stemmer remembers its recent answers. */
function remembered(stem: Stemmer, size = 200_000): Stemmer {
  const memo = new Map<string, string>();
  return (word) => {
    let s = memo.get(word);
    if (s === undefined) {
      if (memo.size >= size) memo.clear();
      memo.set(word, (s = stem(word)));
    }
    return s;
  };
}

const STEMMERS: Record<string, Stemmer> = { fr: remembered(stemFrench), en: remembered(stemEnglish) };

/** Languages with a stemmer, in a fixed order. */
export const STEMMED_LANGUAGES = Object.keys(STEMMERS);

const identity: Stemmer = (w) => w;

/** 'fr-CA' → 'fr'. */
export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split('-')[0];
}

export function stemmerFor(lang: string | null): Stemmer {
  return (lang && STEMMERS[primaryLanguage(lang)]) || identity;
}

/** The normalised, stemmed terms of a text written in `lang`, in order (at most `limit`). */
export function searchTerms(text: string, lang: string | null, limit = Infinity): string[] {
  const stem = stemmerFor(lang);
  return tokens(text, limit).map(stem);
}
