// A reader's query as clauses: single words, and "quoted phrases". Everything else people type (FTS
// operators, stars, colons, brackets, an unbalanced quote) is just punctuation between words: the
// database expressions are built from these tokens only (expression.ts), never from the raw text.
import { InputError } from '../domain/types.ts';
import { tokens } from '../text/normalize.ts';

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 12;

/** Normalised words, not yet stemmed (the stemmer depends on the language searched). */
export interface Clause {
  phrase: boolean;
  words: string[];
}

const QUOTES = /[«»“”„‟″]/g;

export type QueryProblem = 'empty' | 'too-long' | 'no-words' | 'too-many-words';

/** A query that cannot be searched; `problem` lets pages say why in their own language. */
export class QueryError extends InputError {
  readonly problem: QueryProblem;
  constructor(problem: QueryProblem, message: string) {
    super(message, 'q');
    this.problem = problem;
  }
}

export function parseQuery(q: unknown): Clause[] {
  if (typeof q !== 'string' || q.trim() === '') throw new QueryError('empty', 'type one or more words to search for');
  if (q.length > MAX_QUERY_LENGTH) throw new QueryError('too-long', `a search is at most ${MAX_QUERY_LENGTH} characters long`);
  const parts = q.replace(QUOTES, '"').split('"');
  // An odd number of quotes leaves the last part unclosed: it is read as words.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  const clauses: Clause[] = [];
  const seen = new Set<string>();
  const add = (c: Clause) => {
    const key = `${c.phrase}:${c.words.join(' ')}`;
    if (!seen.has(key)) clauses.push(c), seen.add(key);
  };
  parts.forEach((part, i) => {
    const words = tokens(part);
    if (i % 2 === 1 && i < closed && words.length > 1) add({ phrase: true, words });
    else for (const w of words) add({ phrase: false, words: [w] });
  });
  if (clauses.length === 0) throw new QueryError('no-words', 'the search has no words in it (only punctuation)');
  if (clauses.reduce((n, c) => n + c.words.length, 0) > MAX_QUERY_WORDS)
    throw new QueryError('too-many-words', `a search has at most ${MAX_QUERY_WORDS} words`);
  return clauses;
}
