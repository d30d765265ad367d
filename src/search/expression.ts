// Turns parsed clauses into the databases' own query languages. Terms are quoted tokens of letters and
// digits, so no operator can come from what the reader typed.
import { STEMMED_LANGUAGES, stemmerFor } from '../text/stem.ts';
import type { Clause } from './query.ts';

/**
 * The stemmings a query is matched under. An article is indexed with its own language's stemmer, so a
 * search over every language tries each stemmer, and plain normalised words for other languages.
 * A search restricted to one language uses that language's stemmer only.
 */
export function queryLanguages(language?: string | null): Array<string | null> {
  return language ? [language] : [...STEMMED_LANGUAGES, null];
}

/** Each clause's distinct stemmed forms (a phrase is stemmed whole in one language). */
export function alternatives(clauses: Clause[], languages: Array<string | null>): string[][][] {
  return clauses.map((c) => {
    const forms = new Map<string, string[]>();
    for (const lang of languages) {
      const stem = stemmerFor(lang);
      const words = c.words.map(stem);
      forms.set(words.join(' '), words);
    }
    return [...forms.values()];
  });
}

const quote = (words: string[]) => `"${words.join(' ').replace(/"/g, '""')}"`;

// A phrase of several words is matched in the pair columns (store/search-index.ts): "a b c" as the phrase
// "a_b b_c", which holds exactly where a, b and c follow one another in one field.
const phraseTerms = (words: string[]) => (words.length < 2 ? words : words.slice(1).map((w, i) => `${words[i]}_${w}`));

/** FTS5 MATCH text: ("a" OR "b") AND "c_d d_e" (the phrase "c d e"). */
export function ftsExpression(alts: string[][][]): string {
  const term = (words: string[]) => quote(phraseTerms(words));
  return alts.map((forms) => (forms.length === 1 ? term(forms[0]) : `(${forms.map(term).join(' OR ')})`)).join(' AND ');
}

/** FTS5 column filter for these fields, with their pair columns. */
export function ftsColumns(fields: Array<'title' | 'summary' | 'body'>): string {
  return `{${fields.flatMap((f) => [f, `${f}_pairs`]).join(' ')}}`;
}

const lexeme = (w: string) => `'${w.replace(/['\\]/g, (c) => c + c)}'`;

/** PostgreSQL tsquery text: ('a' | 'b') & ('c' <-> 'd'); `weights` ('A', 'AB') keeps to those fields. */
export function tsqueryExpression(alts: string[][][], weights = ''): string {
  const term = (w: string) => lexeme(w) + (weights ? `:${weights}` : '');
  return alts.map((forms) => `(${forms.map((words) => words.map(term).join(' <-> ')).join(' | ')})`).join(' & ');
}

/** Every distinct phrase or word the expression contains (what FTS5's bm25 weighs one by one). */
export function distinctPhrases(alts: string[][][]): string[][] {
  const all = new Map<string, string[]>();
  for (const forms of alts) for (const w of forms) all.set(w.join(' '), w);
  return [...all.values()];
}
